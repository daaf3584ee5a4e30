import { partitionLagSeconds } from "./lag-seconds";
import { type MirrorHistorySeries, sourceOffsetsFromHistory } from "../failover/rpo";

/*
 * A mirror's estimated lag in seconds over time, from its lag history: at each sample, every partition's lag ÷ its
 * source's produce rate over the 5 minutes before the source last moved (the source's end offset is last fetch offset +
 * lag), plus the time since it moved (a mirror cut off from its source shows frozen offsets: its floor grows with the
 * outage, as the live "≥" figure does), and the worst partition. The same rule as the live figure (lag-seconds.ts), applied to the stored samples, so the chart can carry
 * the RPO budget as a line in seconds. A sample where any lagging partition's rate is unknown is a gap, not a zero.
 */

export interface SecondsSeriesOptions {
  /** The trailing window the produce rate is measured over. */
  windowMs: number;
  /** Less history than this before a sample says nothing about the rate. */
  minSpanMs: number;
}

export const DEFAULT_SECONDS_SERIES_OPTIONS: SecondsSeriesOptions = { windowMs: 5 * 60_000, minSpanMs: 30_000 };

interface RateAt {
  /** Messages per second over the window that ends where the offset last rose; null with too little history. */
  perSecond: number | null;
  /** How long before this point the offset last rose (ms): a source cut off, or idle, has not moved since. */
  sinceMoveMs: number;
}

/**
 * At each point of a growing offset: its rate over the trailing window that ends at its last rise (so a frozen offset
 * keeps the rate from before it froze instead of decaying towards zero), and the time since that rise.
 */
function trailingRates(points: readonly [number, number][], options: SecondsSeriesOptions): Map<number, RateAt> {
  const rates = new Map<number, RateAt>();
  let start = 0;
  let lastRise = 0;
  for (let i = 0; i < points.length; i++) {
    const [t, v] = points[i] ?? [0, 0];
    const previous = points[i - 1]?.[1] ?? v;
    // A drop (truncation, a re-created topic) restarts the window after it.
    if (v < previous) {
      start = i;
      lastRise = i;
    } else if (v > previous) lastRise = i;
    const [riseT, riseV] = points[lastRise] ?? [t, v];
    while (start < lastRise && (points[start]?.[0] ?? riseT) < riseT - options.windowMs) start++;
    const [t0, v0] = points[start] ?? [t, v];
    const known = lastRise > start ? riseT - t0 >= options.minSpanMs : t - t0 >= options.minSpanMs;
    // No rise in the window at all: the source produced nothing (rate 0), which cannot turn lag into time.
    const perSecond = !known ? null : lastRise > start ? ((riseV - v0) * 1000) / (riseT - t0) : 0;
    rates.set(t, { perSecond, sinceMoveMs: lastRise > start ? t - riseT : 0 });
  }
  return rates;
}

function lagPoints(topic: string, series: readonly MirrorHistorySeries[]): Map<number, Map<number, number | null>> {
  const byPartition = new Map<number, Map<number, number | null>>();
  for (const s of series) {
    const slash = s.key.lastIndexOf("/");
    if (s.metric !== "lag" || slash < 0 || s.key.slice(0, slash) !== topic) continue;
    const partition = Number(s.key.slice(slash + 1));
    if (Number.isInteger(partition)) byPartition.set(partition, new Map(s.points));
  }
  return byPartition;
}

/** [epoch ms, worst partition's estimated seconds or null] at every sample time of the mirror's lag history. */
export function lagSecondsSeries(
  topic: string,
  series: readonly MirrorHistorySeries[],
  options: SecondsSeriesOptions = DEFAULT_SECONDS_SERIES_OPTIONS,
): [number, number | null][] {
  const ends = sourceOffsetsFromHistory(topic, series);
  const lags = lagPoints(topic, series);
  const rates = new Map([...ends].map(([p, points]) => [p, trailingRates(points, options)]));
  const times = [...new Set([...lags.values()].flatMap((points) => [...points.keys()]))].sort((a, b) => a - b);
  return times.map((t) => {
    let worst = 0;
    for (const [partition, points] of lags) {
      const lag = points.get(t);
      if (lag === undefined || lag === null) continue;
      const rate = rates.get(partition)?.get(t);
      const seconds = partitionLagSeconds(lag, rate?.perSecond ?? null);
      if (seconds === null) return [t, null];
      // Unmirrored messages are at least as old as the source's last movement.
      worst = Math.max(worst, seconds === 0 ? 0 : seconds + (rate?.sinceMoveMs ?? 0) / 1000);
    }
    return [t, worst];
  });
}
