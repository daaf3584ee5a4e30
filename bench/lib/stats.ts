/** Median with min and max over repeated runs, and percentiles of latency samples. */

import { required } from "@/lib/domain/required";

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

function sorted(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** Linear-interpolated percentile (p in 0..100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  const s = sorted(values);
  if (s.length === 0) return Number.NaN;
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const low = required(s[lo], "the lower sample");
  return low + (required(s[hi], "the upper sample") - low) * (rank - lo);
}

export function spread(values: readonly number[]): Spread {
  const s = sorted(values);
  if (s.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0 };
  return {
    median: percentile(s, 50),
    min: required(s[0], "the smallest sample"),
    max: required(s[s.length - 1], "the largest sample"),
    runs: s.length,
  };
}

export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
