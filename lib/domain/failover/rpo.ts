import { required } from "../required";

/*
 * Data at risk (recovery point): how much a failover would lose, in messages and in seconds of the source's
 * production. Lag is in messages (reference §10); turning it into time needs the source's recent produce rate,
 * which only history can give. Without it the seconds are "unknown", never guessed.
 */

/** [epoch ms, value]; null values (gaps) are skipped. */
export type SamplePoint = readonly [number, number | null];

export type RateEstimate = { ok: true; perSecond: number; fromMs: number; toMs: number } | { ok: false; reason: string };

export interface RateOptions {
  /** How much history before the last movement counts. */
  windowMs: number;
  /** Samples closer together than this say too little. */
  minSpanMs: number;
}

export const DEFAULT_RATE_OPTIONS: RateOptions = { windowMs: 5 * 60_000, minSpanMs: 30_000 };

export const NOT_ENOUGH_HISTORY = "not enough lag history yet";

function usable(points: readonly SamplePoint[]): [number, number][] {
  return points
    .filter((p): p is readonly [number, number] => p[1] !== null && Number.isFinite(p[1]) && Number.isFinite(p[0]))
    .map(([t, v]) => [t, v] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * Messages per second of a growing offset, over the window that ends at its last increase. Ending there (not at the
 * last sample) is what makes it useful in a disaster: once the source is unreachable its offsets stop moving, and the
 * rate that matters is the one from just before. A drop (truncation, a re-created topic) restarts the window.
 */
export function recentRate(points: readonly SamplePoint[], options: RateOptions = DEFAULT_RATE_OPTIONS): RateEstimate {
  let all = usable(points);
  const drop = all.findLastIndex((p, i) => i > 0 && p[1] < required(all[i - 1], "the previous sample")[1]);
  if (drop > 0) all = all.slice(drop);
  if (all.length < 2) return { ok: false, reason: NOT_ENOUGH_HISTORY };
  const lastIncrease = all.findLastIndex((p, i) => i > 0 && p[1] > required(all[i - 1], "the previous sample")[1]);
  if (lastIncrease < 0) {
    const first = required(all[0], "the first sample");
    const last = required(all[all.length - 1], "the last sample");
    const span = last[0] - first[0];
    return span >= options.minSpanMs
      ? { ok: true, perSecond: 0, fromMs: first[0], toMs: last[0] }
      : { ok: false, reason: NOT_ENOUGH_HISTORY };
  }
  const end = required(all[lastIncrease], "the last increase");
  const window = all.slice(0, lastIncrease + 1).filter(([t]) => t >= end[0] - options.windowMs);
  const start = required(window[0], "the window's first sample");
  if (end[0] - start[0] < options.minSpanMs) return { ok: false, reason: NOT_ENOUGH_HISTORY };
  return { ok: true, perSecond: ((end[1] - start[1]) * 1000) / (end[0] - start[0]), fromMs: start[0], toMs: end[0] };
}

/** The source's log end offset at each instant both series were sampled: the mirror's last fetch offset plus its lag. */
export function sourceEndOffsets(fetchOffsets: readonly SamplePoint[], lags: readonly SamplePoint[]): [number, number][] {
  const lagAt = new Map(usable(lags).map(([t, v]) => [t, v]));
  return usable(fetchOffsets).flatMap(([t, offset]) => {
    const lag = lagAt.get(t);
    // -1 means "not fetched yet": no position to add the lag to.
    return lag === undefined || offset < 0 ? [] : [[t, offset + Math.max(0, lag)] as [number, number]];
  });
}

export interface PartitionAtRisk {
  partition: number;
  lag: number;
  rate: RateEstimate;
  /** lag ÷ produce rate; null when the rate is unknown or zero. */
  seconds: number | null;
}

export interface DataAtRiskEstimate {
  /** Last known lag plus the source's produce rate before it stopped flowing times the time since. */
  messages: number;
  /** How it was worked out, in words (it is an estimate, never a reading). */
  basis: string;
}

export interface DataAtRisk {
  /** Unmirrored messages (total lag); null when the cluster reported no lags. */
  messages: number | null;
  /** True while the mirror is stale: `messages` is the last known lag, and the real figure is at least that. */
  atLeast: boolean;
  /** For a stale mirror whose source produce rate is known from history; null otherwise. */
  estimate: DataAtRiskEstimate | null;
  /** Seconds of the source's production those messages represent (worst partition); null when unknown. */
  seconds: number | null;
  /** Why `seconds` is null, in words; null when it is known. */
  unknownBecause: string | null;
  /** For a stale mirror: what the source's end offsets, read from its consumer groups, say the mirror lacks. */
  measured: MeasuredAtRisk | null;
  partitions: PartitionAtRisk[];
}

/** Messages a mirror lacks, measured from the source's end offsets (consumer groups' lags) at `asOfMs`. */
export interface MeasuredAtRisk {
  messages: number;
  asOfMs: number;
  /** False when some partition had no group reading it: the figure then covers only the others. */
  complete: boolean;
  /** The groups whose lags gave the end offsets. */
  groups: readonly string[];
}

/**
 * Per partition: lag ÷ that partition's recent produce rate; the topic's figure is the worst partition, because that
 * is how far back in time the failed-over topic is missing data. Partitions without lag cost nothing.
 */
export function dataAtRisk(
  lags: readonly { partition: number; lag: number }[],
  sourceOffsetsByPartition: ReadonlyMap<number, readonly SamplePoint[]>,
  options: RateOptions = DEFAULT_RATE_OPTIONS,
): DataAtRisk {
  if (lags.length === 0)
    return {
      messages: null,
      atLeast: false,
      estimate: null,
      seconds: null,
      unknownBecause: "the cluster reported no lag for this mirror",
      measured: null,
      partitions: [],
    };
  const partitions = lags.map(({ partition, lag }): PartitionAtRisk => {
    const positive = Math.max(0, lag);
    const rate = recentRate(sourceOffsetsByPartition.get(partition) ?? [], options);
    if (positive === 0) return { partition, lag: 0, rate, seconds: 0 };
    return { partition, lag: positive, rate, seconds: rate.ok && rate.perSecond > 0 ? positive / rate.perSecond : null };
  });
  const messages = partitions.reduce((sum, p) => sum + p.lag, 0);
  if (messages === 0) return { messages: 0, atLeast: false, estimate: null, seconds: 0, unknownBecause: null, measured: null, partitions };
  const unknown = partitions.filter((p) => p.lag > 0 && p.seconds === null);
  if (unknown.length > 0) {
    const first = required(unknown[0], "the first unknown");
    const because = first.rate.ok
      ? "the source produced nothing in the recent history, so lag cannot be turned into time"
      : first.rate.reason;
    return { messages, atLeast: false, estimate: null, seconds: null, unknownBecause: because, measured: null, partitions };
  }
  return {
    messages,
    atLeast: false,
    estimate: null,
    seconds: Math.max(...partitions.map((p) => p.seconds ?? 0)),
    unknownBecause: null,
    measured: null,
    partitions,
  };
}

/** When there is no history at all (the history route is off or has nothing for this mirror). */
export function dataAtRiskWithoutHistory(lags: readonly { partition: number; lag: number }[], reason: string): DataAtRisk {
  const risk = dataAtRisk(lags, new Map());
  return risk.seconds === null && risk.messages !== null ? { ...risk, unknownBecause: reason } : risk;
}

/** The source's produce rate over all partitions (messages/s), or null when any partition's rate is unknown. */
export function totalRate(risk: DataAtRisk): number | null {
  if (risk.partitions.length === 0) return null;
  let sum = 0;
  for (const p of risk.partitions) {
    if (!p.rate.ok) return null;
    sum += p.rate.perSecond;
  }
  return sum;
}

/**
 * Data at risk of a mirror that stopped flowing at `staleSince`: what it lagged then is a floor (`atLeast`), and
 * everything the source produced since is at risk too. The rate comes from history before the mirror went stale
 * (recentRate ends at the last movement, which a frozen lag never shows); without it the estimate and the seconds are
 * unknown, never zero. `seconds` is the production at risk: the lag's worth at the rate, plus the time since.
 */
export function staleDataAtRisk(risk: DataAtRisk, staleSince: number, now: number): DataAtRisk {
  const elapsedSeconds = Math.max(0, (now - staleSince) / 1000);
  const rate = totalRate(risk);
  const last = risk.messages ?? 0;
  if (rate === null) {
    return {
      ...risk,
      atLeast: true,
      estimate: null,
      seconds: last === 0 ? elapsedSeconds : null,
      unknownBecause: last === 0 ? null : (risk.unknownBecause ?? "the source's produce rate before it stopped flowing is unknown"),
    };
  }
  const lagSeconds = rate > 0 ? last / rate : last === 0 ? 0 : null;
  return {
    ...risk,
    atLeast: true,
    estimate: {
      messages: Math.round(last + rate * elapsedSeconds),
      basis: `last known lag ${last.toLocaleString("en-US")} + ${rate.toFixed(1)} messages/s produced before it stopped × ${Math.round(elapsedSeconds)} s since`,
    },
    seconds: lagSeconds === null ? null : lagSeconds + elapsedSeconds,
    unknownBecause: lagSeconds === null ? "the source produced nothing in the recent history, so lag cannot be turned into time" : null,
  };
}

/**
 * A stale mirror's data at risk with a measured figure: the source's end offsets as its consumer groups' lags report
 * them, minus what the mirror last fetched. Both that and the last known lag are floors, so the floor is the higher of
 * the two; an estimate below a measured floor is raised to it. A mirror that flows has a live lag: nothing to add.
 */
export function withMeasuredAtRisk(risk: DataAtRisk, measured: MeasuredAtRisk | null): DataAtRisk {
  if (measured === null || !risk.atLeast) return risk;
  const messages = Math.max(risk.messages ?? 0, measured.messages);
  const estimate =
    risk.estimate === null || risk.estimate.messages >= messages
      ? risk.estimate
      : { messages, basis: `${risk.estimate.basis}, raised to the measured figure` };
  return { ...risk, messages, estimate, measured };
}

/** One series of a mirror's lag history, as GET /api/history answers it (`key` = `topic/partition`). */
export interface MirrorHistorySeries {
  key: string;
  metric: string;
  points: readonly SamplePoint[];
}

/** Per partition, the source's end offsets over time (last fetch offset + lag), from one mirror's history. */
export function sourceOffsetsFromHistory(topic: string, series: readonly MirrorHistorySeries[]): Map<number, [number, number][]> {
  const byPartition = new Map<number, { fetch: readonly SamplePoint[]; lag: readonly SamplePoint[] }>();
  for (const s of series) {
    if (s.metric !== "lag" && s.metric !== "lastSourceFetchOffset") continue;
    const slash = s.key.lastIndexOf("/");
    if (slash < 0 || s.key.slice(0, slash) !== topic) continue;
    const partition = Number(s.key.slice(slash + 1));
    if (!Number.isInteger(partition)) continue;
    const entry = byPartition.get(partition) ?? { fetch: [], lag: [] };
    if (s.metric === "lag") entry.lag = s.points;
    else entry.fetch = s.points;
    byPartition.set(partition, entry);
  }
  return new Map([...byPartition].map(([p, { fetch, lag }]) => [p, sourceEndOffsets(fetch, lag)]));
}
