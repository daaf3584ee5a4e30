// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConfigEditor } from "./config-editor";

const configs = [
  { name: "consumer.offset.sync.enable", value: "false", isDefault: true, isReadOnly: false, isSensitive: false },
  { name: "consumer.offset.sync.ms", value: "30000", isDefault: true, isReadOnly: false, isSensitive: false },
  { name: "sasl.jaas.config", value: null, isDefault: false, isReadOnly: false, isSensitive: true },
];

const answer = (validateOnly: boolean) => ({
  validateOnly,
  atomic: true,
  changes: [{ name: "consumer.offset.sync.enable", operation: "SET", before: "false", after: "true", sensitive: false }],
  applied: validateOnly ? [] : ["consumer.offset.sync.enable"],
  failed: null,
  notAttempted: [],
});

beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { validateOnly: boolean };
      return new Response(JSON.stringify(answer(body.validateOnly)), { status: 200, headers: { "content-type": "application/json" } });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ConfigEditor cluster="us-west" link="l" configs={configs} linkMode="DESTINATION" connectionMode="OUTBOUND" />
    </QueryClientProvider>,
  );
}

describe("link config editor", () => {
  it("shows current values as values, offers booleans as a choice, and counts no change once applied", async () => {
    renderEditor();
    expect((screen.getByLabelText("New value of consumer.offset.sync.ms") as HTMLInputElement).value).toBe("30000");
    const toggle = screen.getByLabelText("New value of consumer.offset.sync.enable") as HTMLSelectElement;
    expect(toggle.tagName).toBe("SELECT");
    expect(toggle.value).toBe("false");
    expect([...toggle.options].map((o) => o.value)).toEqual(["true", "false"]);
    expect((screen.getByLabelText("New value of sasl.jaas.config") as HTMLInputElement).value).toBe("");

    await act(async () => fireEvent.change(toggle, { target: { value: "true" } }));
    expect(screen.getByText("Now:")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Review 1 change (dry run)" })));
    await waitFor(() => expect((screen.getByRole("button", { name: "Apply" }) as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Apply" })));
    await screen.findByText(/changed in one batch/);
    const review = screen.getByRole("button", { name: /^Review/ }) as HTMLButtonElement;
    expect(review.textContent).toBe("Review 0 changes (dry run)");
    expect(review.disabled).toBe(true);
    expect((screen.getByLabelText("New value of consumer.offset.sync.enable") as HTMLSelectElement).value).toBe("true");
  });

  it("typing the current value back is no change", async () => {
    renderEditor();
    const ms = screen.getByLabelText("New value of consumer.offset.sync.ms");
    await act(async () => fireEvent.change(ms, { target: { value: "3000" } }));
    expect(screen.getByRole("button", { name: "Review 1 change (dry run)" })).toBeTruthy();
    await act(async () => fireEvent.change(ms, { target: { value: "30000" } }));
    expect(screen.getByRole("button", { name: "Review 0 changes (dry run)" })).toBeTruthy();
  });
});
