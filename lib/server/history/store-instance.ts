import "server-only";
import { getConfig } from "../config";
import type { HistoryBackend } from "./backend";
import type { HistorySampler } from "./sampler";
import { HistoryStore } from "./store";

export interface HistoryRuntime {
  store?: HistoryStore;
  sampler?: HistorySampler;
  backend?: HistoryBackend;
}

// Next bundles instrumentation and each route separately, so module-level singletons would exist once per bundle;
// the process-wide object keeps one store (one SQLite connection) and one sampler per server process.
const KEY = Symbol.for("linkscope.history.runtime");

export function runtime(): HistoryRuntime {
  const holder = globalThis as typeof globalThis & { [KEY]?: HistoryRuntime };
  holder[KEY] ??= {};
  return holder[KEY];
}

const HOUR_MS = 3_600_000;

/** The process's SQLite history store; throws HistoryUnavailableError when the file cannot be opened or created. */
export function historyStore(): HistoryStore {
  const rt = runtime();
  if (!rt.store) {
    const { history } = getConfig();
    rt.store = new HistoryStore({
      file: history.path,
      retention: { rawMs: history.rawRetentionHours * HOUR_MS, downsampledMs: history.downsampledRetentionDays * 24 * HOUR_MS },
    });
  }
  return rt.store;
}

