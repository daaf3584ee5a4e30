// @vitest-environment jsdom
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FormProvider, useForm, type FieldPath } from "react-hook-form";
import { describe, expect, it } from "vitest";
import type { ClusterSummary } from "@/lib/api/clusters";
import { issuesResolver } from "../ui/form-resolver";
import { initialForm, STEPS, validateLinkForm, type LinkWizardForm } from "./form-model";
import { StepClusters } from "./step-clusters";

const clusters: ClusterSummary[] = ["onprem", "jump", "cloud"].map((name) => ({
  name,
  id: `lkc-${name}`,
  displayName: name.toUpperCase(),
  network: name === "onprem" ? "private" : "public",
  region: null,
  status: "ok",
  error: null,
  problems: [],
  asOf: null,
  latencyMs: null,
  lastOkAt: null,
}));

let result: boolean | null = null;

function Harness() {
  const methods = useForm<LinkWizardForm>({ defaultValues: initialForm(), resolver: issuesResolver(validateLinkForm), mode: "onChange" });
  return (
    <FormProvider {...methods}>
      <StepClusters clusters={clusters} />
      <button type="button" onClick={async () => (result = await methods.trigger(STEPS[0].fields as unknown as FieldPath<LinkWizardForm>[], { shouldFocus: true }))}>
        next
      </button>
    </FormProvider>
  );
}

describe("step 1 validation", () => {
  it("clears an error once the field is fixed after a failed attempt", async () => {
    render(<Harness />);
    await act(async () => fireEvent.click(screen.getByText("next")));
    expect(result).toBe(false);
    expect(screen.getByText("Pick the source cluster.")).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Link name"), { target: { value: "a-link" } });
      fireEvent.change(screen.getByLabelText("Source cluster"), { target: { value: "onprem" } });
      fireEvent.change(screen.getByLabelText("Destination cluster"), { target: { value: "jump" } });
    });
    await act(async () => fireEvent.click(screen.getByText("next")));
    expect(screen.queryByText("Pick the source cluster.")).toBeNull();
    expect(result).toBe(true);
  });
});
