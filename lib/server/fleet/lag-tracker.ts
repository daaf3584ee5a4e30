import type { MirrorTopic } from "@/lib/confluent/types";
import {
  advanceRate,
  DEFAULT_RATE_SETTINGS,
  knownRate,
  mirrorLagSeconds,
  partitionLagSeconds,
  type RateSettings,
  type RateState,
  worstPartitionSeconds,
} from "@/lib/domain/mirrors/lag-seconds";
import { appendTrendPoint, notCatchingUp, type NotCatchingUp, type TrendPoint } from "@/lib/domain/mirrors/lag-trend";
import { mirrorFlowKey, type MirrorFlowState } from "./staleness";

/** What the readings kept so far say about one hosted mirror. */
export interface MirrorLagEstimate {
  /** Estimated seconds of its source's production it is behind (worst partition); null when unknown. */
  seconds: number | null;
  /** The mirror stopped flowing: its lag and these seconds are floors ("≥"). */
  atLeast: boolean;
  /** Set while a flowing mirror's lag grew over the trend window, fetching no faster than its source produced. */
  notCatchingUp: NotCatchingUp | null;
}

/** One cluster's reading, as far as lag goes. */
export interface LagReading {
  cluster: string;
  /** When the reading was taken (epoch ms); null when the cluster was never read. */
  asOf: number | null;
  /** Its `links/-/mirrors`, or null when not read. */
  mirrors: readonly MirrorTopic[] | null;
}

interface MirrorMemory {
  rates: Map<number, RateState>;
  trend: TrendPoint[];
  /** The worst partition's seconds at the last reading, before any staleness is added. */
  worstSeconds: number | null;
  /** The trend's verdict at the last reading. */
  verdict: NotCatchingUp | null;
}

/** The estimates of one derivation of the fleet. */
export interface MirrorLags {
  /** By mirrorFlowKey(cluster, link, topic). */
  byMirror: ReadonlyMap<string, MirrorLagEstimate>;
  /** By halfLagKey(cluster, link): the mirrors each half hosts, by topic. */
  byHalf: ReadonlyMap<string, ReadonlyMap<string, MirrorLagEstimate>>;
}

export const halfLagKey = (cluster: string, link: string) => `${cluster}/${link}`;

export const NO_MIRROR_LAGS: MirrorLags = { byMirror: new Map(), byHalf: new Map() };

const NOT_HOSTED: MirrorLagEstimate = { seconds: null, atLeast: false, notCatchingUp: null };

/**
 * Keeps, per hosted mirror, what its readings say about lag in time: each partition's source produce rate (advanced
 * only while the mirror flows: a destination that cannot fetch reports frozen offsets) and, for the trend, its total
 * lag and fetch offsets over the last `trendWindowMs`. In memory: after a restart the seconds are unknown for the first
 * `minSpanMs` of readings and the trend for one window, never guessed. A cluster's mirrors advance once per reading of
 * it, however often the fleet is re-derived; what an unread cluster hosted is kept until it answers again.
 */
export class LagTracker {
  private readonly memory = new Map<string, MirrorMemory>();
  private readonly readAt = new Map<string, number>();

  constructor(
    private readonly trendWindowMs: number,
    private readonly settings: RateSettings = DEFAULT_RATE_SETTINGS,
  ) {}

  /** Every hosted mirror's estimate; `nowMs` ages the floors of stale mirrors. */
  update(readings: readonly LagReading[], flows: ReadonlyMap<string, MirrorFlowState>, nowMs: number): MirrorLags {
    const estimates = new Map<string, MirrorLagEstimate>();
    const byHalf = new Map<string, Map<string, MirrorLagEstimate>>();
    for (const { cluster, asOf, mirrors } of readings) {
      if (mirrors === null || asOf === null) continue;
      const fresh = this.readAt.get(cluster) !== asOf;
      this.readAt.set(cluster, asOf);
      const seen = new Set<string>();
      for (const m of mirrors) {
        const key = mirrorFlowKey(cluster, m.linkName, m.mirrorTopicName);
        seen.add(key);
        const flow = flows.get(key);
        const memory = this.memory.get(key) ?? { rates: new Map(), trend: [], worstSeconds: null, verdict: null };
        this.memory.set(key, memory);
        if (fresh) this.advance(memory, m, asOf, flow?.flowing ?? false);
        const estimate = this.estimate(memory, flow, nowMs);
        estimates.set(key, estimate);
        const half = halfLagKey(cluster, m.linkName);
        const topics = byHalf.get(half) ?? new Map<string, MirrorLagEstimate>();
        byHalf.set(half, topics.set(m.mirrorTopicName, estimate));
      }
      if (fresh) this.forgetGone(cluster, seen);
    }
    return { byMirror: estimates, byHalf };
  }

  private advance(memory: MirrorMemory, m: MirrorTopic, atMs: number, flowing: boolean): void {
    let fetched = 0;
    let lag = 0;
    for (const p of m.lags) {
      lag += Math.max(0, p.lag);
      // -1: not fetched yet, so there is no end offset to follow.
      if (p.lastSourceFetchOffset < 0) {
        memory.rates.delete(p.partition);
        continue;
      }
      fetched += p.lastSourceFetchOffset;
      if (flowing) {
        const end = p.lastSourceFetchOffset + Math.max(0, p.lag);
        memory.rates.set(p.partition, advanceRate(memory.rates.get(p.partition) ?? null, atMs, end, this.settings));
      }
    }
    memory.worstSeconds = worstPartitionSeconds(
      m.lags.map((p) => partitionLagSeconds(p.lag, knownRate(memory.rates.get(p.partition), this.settings))),
    );
    // The trend is about a mirror that flows: a stale one's lag is frozen, and its window starts again when it resumes.
    memory.trend = flowing ? appendTrendPoint(memory.trend, { atMs, lag, fetched }, this.trendWindowMs) : [];
    memory.verdict = flowing ? notCatchingUp(memory.trend, this.trendWindowMs) : null;
  }

  private estimate(memory: MirrorMemory, flow: MirrorFlowState | undefined, nowMs: number): MirrorLagEstimate {
    // Unknown flow (not in the last derivation) or a promoted mirror: no lag to speak of in seconds.
    if (flow === undefined || flow.stopped) return NOT_HOSTED;
    const staleSince = flow.flowing ? null : (flow.staleSince ?? nowMs);
    const { seconds, atLeast } = mirrorLagSeconds(memory.worstSeconds, staleSince, nowMs);
    return { seconds, atLeast, notCatchingUp: flow.flowing ? memory.verdict : null };
  }

  private forgetGone(cluster: string, seen: ReadonlySet<string>): void {
    const prefix = `${cluster}/`;
    for (const key of this.memory.keys()) if (key.startsWith(prefix) && !seen.has(key)) this.memory.delete(key);
  }
}
