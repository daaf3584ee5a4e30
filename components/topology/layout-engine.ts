import type { ELK } from "elkjs/lib/elk-api";

// ELK is ~1.5 MB of JavaScript: loaded on first use, not with the page, and shared by every graph. Apart from
// use-graph-layout.ts so that the page can start the download without loading the graph's code with it.
let elkPromise: Promise<ELK> | null = null;

/** The layout engine, loaded once. */
export function loadElk(): Promise<ELK> {
  elkPromise ??= import("elkjs/lib/elk.bundled.js").then((m) => new m.default());
  return elkPromise;
}

/** Starts loading the layout engine before the first topology arrives, so the two waits overlap. */
export function preloadLayoutEngine(): void {
  void loadElk().catch(() => {
    elkPromise = null;
  });
}
