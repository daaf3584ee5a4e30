// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderInApp } from "@/test/support/render-in-app";
import { CreateLinkWizard } from "./create-link-wizard";

let search = new URLSearchParams();
vi.mock("next/navigation", () => ({ useSearchParams: () => search }));

const clusters = ["onprem", "jump", "cloud"].map((name) => ({
  name,
  id: `lkc-${name}`,
  displayName: name.toUpperCase(),
  network: name === "onprem" ? "private" : "public",
  region: null,
  status: "ok",
  error: null,
  problems: [],
  asOf: 1_763_737_200_000,
  latencyMs: 12,
  lastOkAt: 1_763_737_200_000,
}));

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
const requests: Array<{ validateOnly: boolean }> = [];
const timedOut = {
  validateOnly: true,
  name: "a-link",
  kind: "destination-initiated",
  ok: false,
  partial: null,
  steps: [
    {
      cluster: "jump",
      half: "destination half (dials the source)",
      role: "destination",
      status: "failed",
      ok: false,
      error: "Timed out waiting for a connection to onprem.sim.local:9092 (cluster lkc-onprem).",
      attempts: 1,
      request: { method: "POST", path: "/kafka/v3/clusters/lkc-jump/links?link_name=a-link&validate_only=true", body: {} },
    },
  ],
};

beforeEach(() => {
  search = new URLSearchParams();
  requests.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      if (String(url).includes("/api/links")) {
        const body = JSON.parse(String(init?.body)) as { validateOnly: boolean };
        requests.push(body);
        return json({ ...timedOut, validateOnly: body.validateOnly });
      }
      if (String(url).includes("/topics")) return json({ topics: [] });
      return json({ clusters });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderWizard() {
  renderInApp(<CreateLinkWizard />);
}

async function fillClusters(source: string, destination: string) {
  await waitFor(() => expect(screen.getAllByRole("option", { name: /onprem/ }).length).toBeGreaterThan(0));
  await act(async () => {
    fireEvent.change(screen.getByLabelText("Link name"), { target: { value: "a-link" } });
    fireEvent.change(screen.getByLabelText("Source cluster"), { target: { value: source } });
    fireEvent.change(screen.getByLabelText("Destination cluster"), { target: { value: destination } });
  });
}

async function fillSecretsThenReview() {
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "3. Security" })));
  await waitFor(() => expect(heading()).toContain("Security"));
  await act(async () => {
    for (const input of screen.getAllByLabelText("API key")) fireEvent.change(input, { target: { value: "key" } });
    for (const input of screen.getAllByLabelText("API secret")) fireEvent.change(input, { target: { value: "secret" } });
  });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "5. Review" })));
  await waitFor(() => expect(heading()).toContain("Review"));
}

const radio = (name: RegExp) => screen.getByRole("radio", { name }) as HTMLInputElement;
const heading = () => document.getElementById("wizard-step-heading")?.textContent;

describe("create-link wizard", () => {
  it("moves on once the fields of a failed step are fixed, and keeps answers when moving back", async () => {
    renderWizard();
    // Next before the cluster list has arrived: the selects gain their options afterwards.
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /^Next:/ })));
    expect(await screen.findByText("Pick the source cluster.")).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole("option", { name: /onprem/ }).length).toBeGreaterThan(0));
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Link name"), { target: { value: "a-link" } });
      fireEvent.change(screen.getByLabelText("Source cluster"), { target: { value: "onprem" } });
      fireEvent.change(screen.getByLabelText("Destination cluster"), { target: { value: "jump" } });
    });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /^Next:/ })));
    await waitFor(() => expect(heading()).toContain("Who connects"));
    expect(screen.getByText("Recommended: source-initiated")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Back" })));
    expect((screen.getByLabelText("Link name") as HTMLInputElement).value).toBe("a-link");
    expect((screen.getByLabelText("Source cluster") as HTMLSelectElement).value).toBe("onprem");
  });

  it("preselects the recommended kind, switches to bidirectional when both ways are required, and keeps a kind the person picked", async () => {
    renderWizard();
    await fillClusters("onprem", "jump");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /^Next:/ })));
    await waitFor(() => expect(heading()).toContain("Who connects"));
    await waitFor(() => expect(radio(/^Source-initiated/).checked).toBe(true));
    await act(async () => fireEvent.click(screen.getByLabelText(/Data must flow both ways/)));
    await waitFor(() => expect(radio(/^Bidirectional/).checked).toBe(true));
    expect(screen.getByRole("img", { name: /onprem and jump each host a half/ })).toBeTruthy();
    await act(async () => fireEvent.click(radio(/^Destination-initiated/)));
    expect(radio(/^Destination-initiated/).checked).toBe(true);
    // Jumping straight to the review keeps the person's pick, and the review says why it goes against the advice.
    await fillSecretsThenReview();
    expect(screen.getByText(/must flow both ways, but a destination-initiated link moves data one way only/)).toBeTruthy();
  });

  it("locks Create after a failed dry run until the link name is typed, and explains a timeout to a private source", async () => {
    renderWizard();
    await fillClusters("onprem", "jump");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "2. Who connects" })));
    await waitFor(() => expect(radio(/^Source-initiated/).checked).toBe(true));
    await act(async () => fireEvent.click(radio(/^Destination-initiated/)));
    await fillSecretsThenReview();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Validate (dry run)" })));
    expect(await screen.findByText(/onprem is in a private network.*Use a source-initiated link instead/)).toBeTruthy();
    const create = () => screen.getByRole("button", { name: /^Create link/ }) as HTMLButtonElement;
    expect(create().disabled).toBe(true);
    await act(async () =>
      fireEvent.change(screen.getByLabelText(/to create the link despite the failed dry run/), { target: { value: "a-lin" } }),
    );
    expect(create().disabled).toBe(true);
    await act(async () =>
      fireEvent.change(screen.getByLabelText(/to create the link despite the failed dry run/), { target: { value: "a-link" } }),
    );
    expect(create().disabled).toBe(false);
    expect(create().textContent).toBe("Create link anyway");
    await act(async () => fireEvent.click(create()));
    await waitFor(() => expect(requests.map((r) => r.validateOnly)).toEqual([true, false]));
  });

  it("takes the clusters and the name from the URL (the runbook's way back after a failover)", async () => {
    search = new URLSearchParams({ source: "jump", destination: "onprem", name: "jump-to-onprem" });
    renderWizard();
    await waitFor(() => expect((screen.getByLabelText("Source cluster") as HTMLSelectElement).value).toBe("jump"));
    expect((screen.getByLabelText("Destination cluster") as HTMLSelectElement).value).toBe("onprem");
    expect((screen.getByLabelText("Link name") as HTMLInputElement).value).toBe("jump-to-onprem");
  });
});
