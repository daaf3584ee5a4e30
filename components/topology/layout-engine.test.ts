import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** A worker whose script never starts, as a blocked or missing script looks to the page. */
class WorkerThatFailsToStart extends EventTarget {
  static made = 0;
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  constructor() {
    super();
    WorkerThatFailsToStart.made += 1;
    setTimeout(() => this.dispatchEvent(new Event("error")), 0);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

describe("loadElk", () => {
  beforeEach(() => {
    vi.resetModules();
    WorkerThatFailsToStart.made = 0;
  });
  afterEach(() => vi.unstubAllGlobals());

  it("lays out in the page's own thread when the layout worker cannot start, instead of leaving the graph unlaid", async () => {
    vi.stubGlobal("Worker", WorkerThatFailsToStart);
    const { loadElk } = await import("./layout-engine");
    const elk = await loadElk();
    expect(WorkerThatFailsToStart.made).toBe(1);
    const laid = await elk.layout({ id: "root", children: [{ id: "a", width: 10, height: 10 }] });
    expect(laid.children?.[0]?.x).toEqual(expect.any(Number));
  });

  it("uses the page's thread where there are no workers at all", async () => {
    vi.stubGlobal("Worker", undefined);
    const { loadElk } = await import("./layout-engine");
    const elk = await loadElk();
    const laid = await elk.layout({ id: "root", children: [{ id: "a", width: 10, height: 10 }] });
    expect(laid.children?.[0]?.y).toEqual(expect.any(Number));
  });
});
