import { partitionLagSeconds } from "./lag-seconds";
import { type MirrorHistorySeries, sourceOffsetsFromHistory } from "./rpo";

/*
 * A mirror's estimated lag in seconds over time, from its lag history: at each sample, every partition's lag ÷ its
 * source's produce rate over the trailing window (the source's end offset is last fetch offset + lag), and the worst
 * partition. The same rule as the live figure (lag-seconds.ts), applied to the stored samples, so the chart can carry
 * the RPO budget as a line in seconds. A sample where any lagging partition's rate is unknown is a gap, not a zero.
 */

export interface SecondsSeriesOptions {
  /** The trailing window the produce rate is measured over. */
  windowMs: number;
  /** Less history than this before a sample says nothing about the rate. */
  minSpanMs: number;
}

export const DEFAULT_SECONDS_SERIES_OPTIONS: SecondsSeriesOptions = { windowMs: 5 * 60_000, minSpanMs: 30_000 };

/** Messages per second at each point of a growing offset, over the trailing window; null where too little history. */
function trailingRates(points: readonly [number, number][], options: SecondsSeriesOptions): Map<number, number | null> {
  const rates = new Map<number, number | null>();
  let start = 0;
  for (let i = 0; i < points.length; i++) {
    const [t, v] = points[i] ?? [0, 0];
    // A drop (truncation, a re-created topic) restarts the window after it.
    if (i > 0 && v < (points[i - 1]?.[1] ?? v)) start = i;
    while (start < i && (points[start]?.[0] ?? t) < t - options.windowMs) start++;
    const [t0, v0] = points[start] ?? [t, v];
    rates.set(t, t - t0 >= options.minSpanMs ? ((v - v0) * 1000) / (t - t0) : null);
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
      const seconds = partitionLagSeconds(lag, rates.get(partition)?.get(t) ?? null);
      if (seconds === null) return [t, null];
      worst = Math.max(worst, seconds);
    }
    return [t, worst];
  });
}
