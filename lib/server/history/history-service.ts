import "server-only";
import type { HistoryResponse } from "@/lib/api/history";
import { getConfig } from "../config";
import { configuredCluster } from "../confluent-clients";
import { ApiError } from "../http/api-error";
import type { HistoryBackend } from "./backend";
import { HistoryUnavailableError, PrometheusError, TooManyPointsError, UnsupportedHistoryQueryError } from "./errors";
import { resolveHistoryQuery, type HistoryQueryInput } from "./query-input";
import { historyBackend } from "./runtime";

function apiErrorOf(err: unknown): unknown {
  if (err instanceof TooManyPointsError)
    return new ApiError("invalid-request", `Invalid query: ${err.message}.`, { issues: [{ path: "step", message: err.message }] });
  if (err instanceof UnsupportedHistoryQueryError) {
    return new ApiError("invalid-request", `Invalid query: ${err.field}: ${err.message}`, {
      issues: [{ path: err.field, message: err.message }],
    });
  }
  if (err instanceof PrometheusError) {
    const details = { backend: "prometheus", ...(err.status === undefined ? {} : { status: err.status }) };
    return new ApiError(err.kind === "timeout" ? "upstream-timeout" : "upstream-error", err.message, details);
  }
  if (err instanceof HistoryUnavailableError) {
    console.error(`linkscope: lag history is unavailable: ${err.message}`);
    return new ApiError("internal-error", "Lag history is unavailable on this server; its log says why.");
  }
  return err;
}

/** GET /api/history after input parsing: the cluster must be configured; the rest comes from the configured backend. */
export async function queryHistory(input: HistoryQueryInput, now: number = Date.now()): Promise<HistoryResponse> {
  if (!configuredCluster(input.cluster)) throw new ApiError("not-found", `No cluster named "${input.cluster}" is configured.`);
  try {
    const backend: HistoryBackend = historyBackend();
    const q = resolveHistoryQuery(input, {
      now,
      minStepSeconds: getConfig().history.sampleIntervalSeconds,
      defaultMirrorMetrics: backend.defaultMirrorMetrics,
    });
    const series = await backend.query(q);
    return { source: backend.source, from: q.from, to: q.to, step: q.stepMs / 1000, series };
  } catch (err) {
    throw apiErrorOf(err);
  }
}
