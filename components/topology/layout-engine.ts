import type { ELK } from "elkjs/lib/elk-api";

// ELK is ~1.5 MB of JavaScript: loaded on first use, not with the page, and shared by every graph. Apart from
// use-graph-layout.ts so that the page can start the download without loading the graph's code with it.
let elkPromise: Promise<ELK> | null = null;

/**
 * How long the worker may take to load and answer its first request before the page lays out in its own thread
 * instead: a worker that never starts (a blocked script, an old browser) must not leave the graph at "Laying out…".
 */
const WORKER_START_MS = 15_000;

/** ELK in a worker thread, once it has answered; rejects if the worker cannot start. */
async function elkInWorker(): Promise<ELK> {
  const { default: ElkApi } = await import("elkjs/lib/elk-api.js");
  const worker = new Worker(new URL("./elk-layout.worker.ts", import.meta.url));
  const elk = new ElkApi({ workerFactory: () => worker });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onError: ((e: ErrorEvent) => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    onError = (e) => reject(new Error(`the layout worker failed to start: ${e.message || "no reason given"}`));
    worker.addEventListener("error", onError);
    timer = setTimeout(() => reject(new Error(`the layout worker did not answer within ${WORKER_START_MS / 1000} s`)), WORKER_START_MS);
  });
  try {
    await Promise.race([elk.knownLayoutAlgorithms(), failed]);
    return elk;
  } catch (err) {
    elk.terminateWorker();
    throw err;
  } finally {
    clearTimeout(timer);
    if (onError) worker.removeEventListener("error", onError);
    failed.catch(() => undefined);
  }
}

/** ELK in the page's own thread: where there are no workers (tests, old browsers) or the worker could not start. */
async function elkInPage(): Promise<ELK> {
  const { default: ElkBundled } = await import("elkjs/lib/elk.bundled.js");
  return new ElkBundled();
}

/** The layout engine, loaded once: in a worker where the browser has them, so the page stays responsive while it lays out. */
export function loadElk(): Promise<ELK> {
  elkPromise ??= (typeof Worker === "function" ? elkInWorker().catch(() => elkInPage()) : elkInPage()).catch((err: unknown) => {
    elkPromise = null;
    throw err;
  });
  return elkPromise;
}

/** Starts loading the layout engine before the first topology arrives, so the two waits overlap. */
export function preloadLayoutEngine(): void {
  void loadElk().catch(() => undefined);
}
