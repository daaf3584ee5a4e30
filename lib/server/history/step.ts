import "server-only";
import { HISTORY_LIMITS } from "@/lib/api/history";

const NICE_STEPS_S = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/**
 * The step (seconds) a range gets when the caller names none: no finer than the sampling interval (finer buckets
 * would be empty) and coarse enough for about 500 points per series. 15 m and 1 h → 15 s, 6 h → 60 s, 24 h → 300 s,
 * 7 d → 1800 s with the default 15 s interval.
 */
export function defaultStepSeconds(rangeMs: number, minStepSeconds: number): number {
  const wanted = Math.max(minStepSeconds, rangeMs / 1000 / HISTORY_LIMITS.targetPointsPerSeries);
  return NICE_STEPS_S.find((s) => s >= wanted) ?? Math.ceil(wanted / 86400) * 86400;
}
