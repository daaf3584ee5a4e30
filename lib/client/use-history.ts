"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/*
 * GET /api/history per shared/spec/http-api.md. The route and its schema are being built alongside this hook;
 * until lib/api/history.ts exists this is the documented contract, kept open (metric is any string) so new
 * metrics the server adds never break the page.
 */
export const HistoryPointSchema = z.tuple([z.number(), z.number().nullable()]);
export const HistorySeriesSchema = z.object({
  key: z.string(),
  metric: z.string(),
  points: z.array(HistoryPointSchema),
});
export type HistorySeries = z.infer<typeof HistorySeriesSchema>;
export const HistoryResponseSchema = z.object({
  source: z.string(),
  series: z.array(HistorySeriesSchema),
});
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

/** Metric names as the history API reports them. */
export const HISTORY_METRICS = {
  /** Link level, keyed by link name. */
  maxLag: "maxLag",
  totalLag: "totalLag",
  /** Link level, keyed by mirror topic: each mirror's largest partition lag. */
  mirrorMaxLag: "mirrorMaxLag",
  /** Topic level, keyed `topic/partition`. */
  lag: "lag",
  lastSourceFetchOffset: "lastSourceFetchOffset",
} as const;

export const HISTORY_RANGES = [
  { id: "15m", label: "15 m", title: "last 15 minutes", ms: 15 * 60_000, stepSeconds: 15 },
  { id: "1h", label: "1 h", title: "last hour", ms: 60 * 60_000, stepSeconds: 15 },
  { id: "6h", label: "6 h", title: "last 6 hours", ms: 6 * 3_600_000, stepSeconds: 60 },
  { id: "24h", label: "24 h", title: "last 24 hours", ms: 24 * 3_600_000, stepSeconds: 300 },
  { id: "7d", label: "7 d", title: "last 7 days", ms: 7 * 86_400_000, stepSeconds: 1_800 },
] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];
export type HistoryRangeId = HistoryRange["id"];
export const DEFAULT_HISTORY_RANGE: HistoryRangeId = "1h";

export function historyRange(id: string | null | undefined): HistoryRange {
  return HISTORY_RANGES.find((r) => r.id === id) ?? HISTORY_RANGES.find((r) => r.id === DEFAULT_HISTORY_RANGE)!;
}

export interface UseHistoryArgs {
  cluster: string;
  link: string;
  /** Without a topic: link-level series; with one: per-partition series of that mirror. */
  topic?: string;
  range: HistoryRangeId;
  enabled?: boolean;
}

/** A window of lag history ending now; `from`/`to` are computed at fetch time so the key stays a preset name. */
export function useHistory({ cluster, link, topic, range, enabled = true }: UseHistoryArgs) {
  const { pollIntervalMs } = useSettings();
  const preset = historyRange(range);
  return useQuery({
    queryKey: queryKeys.history(cluster, link, { topic, range: preset.id }),
    queryFn: async ({ signal }) => {
      const to = Date.now();
      const from = to - preset.ms;
      const body = await fetchJson(apiPaths.history({ cluster, link, topic, from, to, stepSeconds: preset.stepSeconds }), HistoryResponseSchema, {
        signal,
      });
      return { ...body, from, to };
    },
    // Longer windows have coarser steps: refreshing faster than one step would only redraw the same points.
    refetchInterval: Math.max(pollIntervalMs, preset.stepSeconds * 1000),
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
    placeholderData: keepPreviousData,
    enabled,
  });
}
