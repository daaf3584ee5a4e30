// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SettingsProvider } from "@/lib/client/settings-context";
import { CreateLinkWizard } from "./create-link-wizard";

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

beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ clusters }), { status: 200, headers: { "content-type": "application/json" } })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderWizard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <SettingsProvider value={{ pollIntervalMs: 60_000, slowClusterThresholdMs: 2_000, readOnly: false, authMode: "none", actor: { user: "anonymous", role: "admin" } }}>
      <QueryClientProvider client={client}>
        <CreateLinkWizard />
      </QueryClientProvider>
    </SettingsProvider>,
  );
}

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
});
