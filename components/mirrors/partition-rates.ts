import type { HistorySeries } from "@/lib/client/use-history";
import { HISTORY_METRICS } from "@/lib/client/use-history";

/** An estimate, or the plain reason there is none. */
export type Estimate = { ok: true; value: number } | { ok: false; reason: string };

export const NOT_ENOUGH_HISTORY = "not enough history yet";

export interface RateOptions {
  /** Only the trailing window counts, so the rate reflects now rather than the whole chart range. */
  windowMs: number;
  /** Two samples a second apart say little; require at least this much time between first and last. */
  minSpanMs: number;
}

export const DEFAULT_RATE_OPTIONS: RateOptions = { windowMs: 5 * 60_000, minSpanMs: 30_000 };

type Point = readonly [number, number | null];

function usable(points: readonly Point[]): [number, number][] {
  return points.filter((p): p is [number, number] => p[1] !== null && Number.isFinite(p[1]) && p[1] >= 0).sort((a, b) => a[0] - b[0]) as [number, number][];
}

/**
 * Per-second rate of a monotonically growing offset over the trailing window. An offset that went down
 * (truncate-and-restore, a recreated topic) restarts the window after the drop instead of producing a
 * negative rate.
 */
export function offsetRate(points: readonly Point[], options: RateOptions = DEFAULT_RATE_OPTIONS): Estimate {
  const all = usable(points);
  if (all.length < 2) return { ok: false, reason: NOT_ENOUGH_HISTORY };
  const lastT = all.at(-1)?.[0] ?? 0;
  let window = all.filter(([t]) => t >= lastT - options.windowMs);
  const drop = window.findLastIndex((p, i, w) => i > 0 && p[1] < (w[i - 1]?.[1] ?? p[1]));
  if (drop > 0) window = window.slice(drop);
  const first = window[0];
  const last = window.at(-1);
  if (window.length < 2 || !first || !last) return { ok: false, reason: NOT_ENOUGH_HISTORY };
  const [t0, v0] = first;
  const [t1, v1] = last;
  if (t1 - t0 < options.minSpanMs) return { ok: false, reason: NOT_ENOUGH_HISTORY };
  return { ok: true, value: ((v1 - v0) * 1000) / (t1 - t0) };
}

/** The source's end offset at each instant both were sampled: last fetch offset + lag. */
export function sourceEndOffsets(fetchOffsets: readonly Point[], lags: readonly Point[]): [number, number][] {
  const lagAt = new Map(usable(lags).map(([t, v]) => [t, v]));
  return usable(fetchOffsets).flatMap(([t, v]) => {
    const lag = lagAt.get(t);
    return lag === undefined ? [] : [[t, v + lag] as [number, number]];
  });
}

export interface PartitionRates {
  partition: number;
  /** Messages per second copied by the link (fetch offset deltas). */
  throughput: Estimate;
  /** Messages per second produced to the source partition (deltas of fetch offset + lag). */
  produceRate: Estimate;
  /** Estimated seconds of source data not yet mirrored: lag ÷ produce rate. */
  secondsBehind: Estimate;
  /** Estimated time to catch up when the link copies faster than the source grows. */
  catchUp: Estimate;
}

/** Seconds behind and catch-up time from a current lag and the two rates. */
export function lagEstimates(lag: number | null, throughput: Estimate, produceRate: Estimate): Pick<PartitionRates, "secondsBehind" | "catchUp"> {
  if (lag === null) return { secondsBehind: { ok: false, reason: "no lag reported" }, catchUp: { ok: false, reason: "no lag reported" } };
  if (lag === 0) return { secondsBehind: { ok: true, value: 0 }, catchUp: { ok: true, value: 0 } };
  if (!produceRate.ok) return { secondsBehind: produceRate, catchUp: produceRate };
  const secondsBehind: Estimate =
    produceRate.value > 0 ? { ok: true, value: lag / produceRate.value } : { ok: false, reason: "the source is not producing, so lag cannot be turned into time" };
  let catchUp: Estimate;
  if (!throughput.ok) catchUp = throughput;
  else if (throughput.value > produceRate.value) catchUp = { ok: true, value: lag / (throughput.value - produceRate.value) };
  else catchUp = { ok: false, reason: "not catching up: the link copies no faster than the source grows" };
  return { secondsBehind, catchUp };
}

function seriesPoints(series: readonly HistorySeries[], metric: string, key: string): Point[] {
  return series.find((s) => s.metric === metric && s.key === key)?.points ?? [];
}

/**
 * Throughput, produce rate, seconds behind and catch-up per partition of one mirror, from the history's
 * `lag` and `lastSourceFetchOffset` series keyed `topic/partition`. `currentLags` (live) wins over the last
 * sampled lag for the numerator, so the estimate moves with the table.
 */
export function partitionRates(
  topic: string,
  partitions: readonly number[],
  series: readonly HistorySeries[],
  currentLags: ReadonlyMap<number, number>,
  options: RateOptions = DEFAULT_RATE_OPTIONS,
): PartitionRates[] {
  return partitions.map((partition) => {
    const key = `${topic}/${partition}`;
    const fetch = seriesPoints(series, HISTORY_METRICS.lastSourceFetchOffset, key);
    const lags = seriesPoints(series, HISTORY_METRICS.lag, key);
    const throughput = offsetRate(fetch, options);
    const produceRate = offsetRate(sourceEndOffsets(fetch, lags), options);
    const sampledLag = usable(lags).at(-1)?.[1] ?? null;
    const lag = currentLags.get(partition) ?? sampledLag;
    return { partition, throughput, produceRate, ...lagEstimates(lag, throughput, produceRate) };
  });
}

/** Every estimate missing for the same reason (history failed to load, say). */
export function unavailableRates(partitions: readonly number[], reason: string): PartitionRates[] {
  const none: Estimate = { ok: false, reason };
  return partitions.map((partition) => ({ partition, throughput: none, produceRate: none, secondsBehind: none, catchUp: none }));
}

/** The partition furthest behind in time, when any estimate exists: "data at risk if you fail over now". */
export function worstSecondsBehind(rates: readonly PartitionRates[]): { partition: number; seconds: number } | null {
  let worst: { partition: number; seconds: number } | null = null;
  for (const r of rates) if (r.secondsBehind.ok && (worst === null || r.secondsBehind.value > worst.seconds)) worst = { partition: r.partition, seconds: r.secondsBehind.value };
  return worst;
}
