import "server-only";
import { getConfig } from "../config";
import { fleetService } from "../fleet/fleet-service";
import type { HistoryBackend } from "./backend";
import { HistoryUnavailableError } from "./errors";
import { PrometheusHistoryBackend } from "./prometheus/backend";
import { createPrometheusClient } from "./prometheus/client";
import { HistorySampler } from "./sampler";
import { SqliteHistoryBackend } from "./sqlite-backend";
import type { HistoryStore } from "./store";
import { historyStore, runtime } from "./store-instance";

export { historyStore };

/** Where GET /api/history reads from, per `history.backend`. */
export function historyBackend(): HistoryBackend {
  const rt = runtime();
  if (!rt.backend) {
    const { history } = getConfig();
    if (history.backend === "prometheus") {
      if (!history.prometheusUrl) throw new HistoryUnavailableError("history.backend is prometheus but history.prometheusUrl is not set");
      rt.backend = new PrometheusHistoryBackend(createPrometheusClient({ url: history.prometheusUrl }));
    } else rt.backend = new SqliteHistoryBackend(historyStore());
  }
  return rt.backend;
}

/**
 * Starts the lag sampler once per server process (instrumentation-node.ts). Not during `next build`, not with the
 * Prometheus backend, and never fatally: a store that cannot be opened turns history off with one log line.
 */
export function startHistorySampler(): void {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const rt = runtime();
  if (rt.sampler) return;
  const { history } = getConfig();
  if (history.backend !== "sqlite") {
    if (!history.prometheusUrl) console.error("linkscope: history.backend is prometheus but history.prometheusUrl is not set; lag history is off");
    return;
  }
  let store: HistoryStore;
  try {
    store = historyStore();
  } catch (err) {
    console.error(`linkscope: lag history is off: ${err instanceof HistoryUnavailableError ? err.message : err instanceof Error ? err.name : "unknown error"}`);
    return;
  }
  const service = fleetService();
  rt.sampler = new HistorySampler({ snapshot: () => service.snapshot(), sink: store, intervalMs: history.sampleIntervalSeconds * 1000 });
  rt.sampler.start();
  console.log(`linkscope: sampling lag history every ${history.sampleIntervalSeconds} s into ${history.path}`);
}

/** Stops the sampler (waiting for a sample in progress) and closes the store. */
export async function stopHistorySampler(): Promise<void> {
  const rt = runtime();
  await rt.sampler?.stop();
  rt.sampler = undefined;
  rt.backend = undefined;
  rt.store?.close();
  rt.store = undefined;
}
