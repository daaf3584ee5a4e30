"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { HistoryResponseSchema, type HistoryMetric } from "@/lib/api/history";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

export type { HistoryResponse, HistorySeries } from "@/lib/api/history";

/** Metric names as the history API reports them (HistoryMetricSchema in lib/api/history.ts). */
export const HISTORY_METRICS = {
  /** Link level, keyed by link name. */
  maxLag: "maxLag",
  totalLag: "totalLag",
  /** Link level, keyed by mirror topic: each mirror's largest partition lag. */
  mirrorMaxLag: "mirrorMaxLag",
  /** Topic level, keyed `topic/partition`. */
  lag: "lag",
  lastSourceFetchOffset: "lastSourceFetchOffset",
} as const satisfies Record<string, HistoryMetric>;

/** How many mirrors' own lag series to ask for alongside the link's (the "top lagging mirrors" sparklines). */
export const TOP_MIRROR_SERIES = 10;

export const HISTORY_RANGES = [
  { id: "15m", label: "15 m", title: "last 15 minutes", ms: 15 * 60_000 },
  { id: "1h", label: "1 h", title: "last hour", ms: 60 * 60_000 },
  { id: "6h", label: "6 h", title: "last 6 hours", ms: 6 * 3_600_000 },
  { id: "24h", label: "24 h", title: "last 24 hours", ms: 24 * 3_600_000 },
  { id: "7d", label: "7 d", title: "last 7 days", ms: 7 * 86_400_000 },
] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];
export type HistoryRangeId = HistoryRange["id"];
const DEFAULT_RANGE: HistoryRange = HISTORY_RANGES[1];
export const DEFAULT_HISTORY_RANGE: HistoryRangeId = DEFAULT_RANGE.id;

export function historyRange(id: string | null | undefined): HistoryRange {
  return HISTORY_RANGES.find((r) => r.id === id) ?? DEFAULT_RANGE;
}

/**
 * Where a window ending "now" ends: the last multiple of the poll interval, so every viewer polling within one interval
 * asks for the same window and the server answers it once (lib/server/history/sqlite-backend.ts).
 */
export function historyWindowEnd(nowMs: number, pollIntervalMs: number): number {
  return nowMs - (nowMs % pollIntervalMs);
}

export interface UseHistoryArgs {
  cluster: string;
  link: string;
  /** Without a topic: link-level series; with one: per-partition series of that mirror. */
  topic?: string;
  range: HistoryRangeId;
  enabled?: boolean;
}

/**
 * A window of lag history ending now (at the last multiple of the poll interval); `from`/`to` are computed at fetch time so the key stays a preset name.
 * The answer carries the range and step the server actually used.
 */
export function useHistory({ cluster, link, topic, range, enabled = true }: UseHistoryArgs) {
  const { pollIntervalMs } = useSettings();
  const preset = historyRange(range);
  return useQuery({
    queryKey: queryKeys.history(cluster, link, { topic, range: preset.id }),
    queryFn: async ({ signal }) => {
      const to = historyWindowEnd(Date.now(), pollIntervalMs);
      const from = to - preset.ms;
      const top = topic === undefined ? TOP_MIRROR_SERIES : undefined;
      return fetchJson(apiPaths.history({ cluster, link, topic, from, to, top }), HistoryResponseSchema, { signal });
    },
    // The server picks a step giving about 500 points; refreshing faster than one step would redraw the same points.
    refetchInterval: Math.max(pollIntervalMs, preset.ms / 500),
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
    placeholderData: keepPreviousData,
    enabled,
  });
}
