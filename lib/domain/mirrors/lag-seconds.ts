/*
 * Lag in seconds, estimated from the readings Linkscope keeps. Clusters report lag in messages only (reference §10);
 * a partition's lag in seconds is its lag ÷ its source partition's recent produce rate, where the source's end offset
 * is the mirror's last fetch offset plus its lag. A mirror's figure is its worst partition (how far back in time the
 * failed-over topic would be missing data); a link's is its worst mirror. Unknown is null, never a guess.
 */

/** A partition's source produce rate, kept from reading to reading. */
export interface RateState {
  /** Epoch ms of the reading the state was last advanced with. */
  atMs: number;
  /** The source's end offset then (last fetch offset + lag). */
  endOffset: number;
  /** Messages per second, time-weighted over roughly the last `averagingMs` of flowing readings. */
  perSecond: number;
  /** How much reading time the rate is made of (ms). */
  spanMs: number;
}

export interface RateSettings {
  /** The average's time constant: readings older than this weigh less and less. */
  averagingMs: number;
  /** Below this much reading time the rate says too little and is unknown. */
  minSpanMs: number;
}

export const DEFAULT_RATE_SETTINGS: RateSettings = { averagingMs: 5 * 60_000, minSpanMs: 30_000 };

/**
 * The rate after one more reading. Only readings of a flowing mirror should advance it: a destination that cannot
 * fetch reports its last fetch offsets and lags frozen, and an advance would read that as a source that stopped
 * producing. An end offset that went down (truncation, a recreated topic) starts over.
 */
export function advanceRate(
  previous: RateState | null,
  atMs: number,
  endOffset: number,
  settings: RateSettings = DEFAULT_RATE_SETTINGS,
): RateState {
  if (previous === null) return { atMs, endOffset, perSecond: 0, spanMs: 0 };
  const next = { ...previous };
  return advanceRateInPlace(next, atMs, endOffset, settings) ? next : previous;
}

/**
 * advanceRate on a state kept from reading to reading, changed instead of replaced: the fleet keeps one per mirror
 * partition, and a new object per partition per reading was old-generation garbage the collector had to sweep.
 * False when the reading is not newer and the state stays as it was.
 */
export function advanceRateInPlace(
  state: RateState,
  atMs: number,
  endOffset: number,
  settings: RateSettings = DEFAULT_RATE_SETTINGS,
): boolean {
  if (endOffset < state.endOffset) {
    state.atMs = atMs;
    state.endOffset = endOffset;
    state.perSecond = 0;
    state.spanMs = 0;
    return true;
  }
  const dt = atMs - state.atMs;
  if (dt <= 0) return false;
  const instant = ((endOffset - state.endOffset) * 1000) / dt;
  // Until a full averaging period is covered, every reading counts by its duration; after it, older ones fade out.
  const weight = state.spanMs < settings.averagingMs ? dt / (state.spanMs + dt) : 1 - Math.exp(-dt / settings.averagingMs);
  state.perSecond += (instant - state.perSecond) * weight;
  state.atMs = atMs;
  state.endOffset = endOffset;
  state.spanMs += dt;
  return true;
}

/** Messages per second, or null while the rate rests on too little reading time. */
export function knownRate(state: RateState | null | undefined, settings: RateSettings = DEFAULT_RATE_SETTINGS): number | null {
  return state && state.spanMs >= settings.minSpanMs ? state.perSecond : null;
}

/** One partition: 0 without lag; lag ÷ rate when the source produced; null when the rate is unknown or zero. */
export function partitionLagSeconds(lag: number, ratePerSecond: number | null): number | null {
  if (lag <= 0) return 0;
  return ratePerSecond !== null && ratePerSecond > 0 ? lag / ratePerSecond : null;
}

export interface MirrorLagSeconds {
  /** Estimated seconds of its source's production the mirror is behind (worst partition); null when unknown. */
  seconds: number | null;
  /** True for a mirror that stopped flowing: the lag it shows is a floor, so the seconds are too ("≥"). */
  atLeast: boolean;
}

/** A mirror's partitions' seconds → its worst; unknown when any lagging partition's is (the worst could be that one). */
export function worstPartitionSeconds(partitionSeconds: readonly (number | null)[]): number | null {
  if (partitionSeconds.length === 0 || partitionSeconds.some((s) => s === null)) return null;
  return Math.max(...partitionSeconds.map((s) => s ?? 0));
}

/**
 * A mirror's figure now. A stale mirror's lag was frozen at `staleSince` while the source kept producing, so its
 * figure is the lag's worth then plus the time since, and a floor.
 */
export function mirrorLagSeconds(worstSeconds: number | null, staleSince: number | null, nowMs: number): MirrorLagSeconds {
  if (staleSince === null) return { seconds: worstSeconds, atLeast: false };
  return { seconds: worstSeconds === null ? null : worstSeconds + Math.max(0, (nowMs - staleSince) / 1000), atLeast: true };
}

/** A link's figure: its worst mirror whose seconds are known (a floor when some are not); null when none is known. */
export function worstKnown(seconds: readonly (number | null)[]): number | null {
  const known = seconds.filter((s): s is number => s !== null);
  return known.length === 0 ? null : Math.max(...known);
}
