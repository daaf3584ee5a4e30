import { z } from "zod";

/*
 * GET /api/history (shared/spec/http-api.md). Shared by the route and the browser.
 *
 * Without `topic` the answer is about the link: `maxLag` and `totalLag` keyed by the link name, plus `mirrorMaxLag`
 * keyed by topic for the `top` mirrors with the highest peak lag in the range. With `topic` it is about one mirror:
 * `lag` and `lastSourceFetchOffset` keyed `topic/partition` (only `partition` when given), and on request
 * `mirrorMaxLag` / `mirrorTotalLag` keyed by topic.
 *
 * Each point is `[bucketStartEpochMs, value]`: the largest value seen in [bucketStart, bucketStart + step).
 * Buckets without a sample are absent, so a gap in the data is a gap in the chart.
 */

/** Link level, keyed by link name. */
export const LINK_METRICS = ["maxLag", "totalLag", "mirrorMaxLag"] as const;
/** Mirror level (a `topic` is given). */
export const MIRROR_METRICS = ["lag", "lastSourceFetchOffset", "mirrorMaxLag", "mirrorTotalLag"] as const;

export const HistoryMetricSchema = z.enum(["maxLag", "totalLag", "mirrorMaxLag", "mirrorTotalLag", "lag", "lastSourceFetchOffset"]);
export type HistoryMetric = z.infer<typeof HistoryMetricSchema>;
export type LinkMetric = (typeof LINK_METRICS)[number];
export type MirrorMetric = (typeof MIRROR_METRICS)[number];

export const HistorySourceSchema = z.enum(["sampler", "prometheus"]);
export type HistorySource = z.infer<typeof HistorySourceSchema>;

export const HistoryPointSchema = z.tuple([z.number().int(), z.number()]);
export type HistoryPoint = z.infer<typeof HistoryPointSchema>;

export const HistorySeriesSchema = z.object({
  /** Link name (`maxLag`, `totalLag`), topic (`mirrorMaxLag`, `mirrorTotalLag`) or `topic/partition`. */
  key: z.string(),
  metric: HistoryMetricSchema,
  points: z.array(HistoryPointSchema),
});
export type HistorySeries = z.infer<typeof HistorySeriesSchema>;

export const HistoryResponseSchema = z.object({
  source: HistorySourceSchema,
  /** The range actually answered, epoch ms. */
  from: z.number().int(),
  to: z.number().int(),
  /** Bucket width in seconds. */
  step: z.number().int().positive(),
  series: z.array(HistorySeriesSchema),
});
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

/** Limits the route enforces (400 beyond them). */
export const HISTORY_LIMITS = {
  maxRangeMs: 8 * 86_400_000,
  maxPointsPerSeries: 11_000,
  maxPointsPerResponse: 200_000,
  maxTop: 50,
  defaultTop: 5,
  /** The default step keeps every series at or under about this many points. */
  targetPointsPerSeries: 500,
} as const;
