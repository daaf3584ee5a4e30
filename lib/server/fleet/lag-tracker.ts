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
import { halfKey, MirrorIndex } from "./mirror-index";
import type { MirrorFlowState } from "./staleness";

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

/** The estimates of one derivation of the fleet, per hosted mirror. */
export type MirrorLags = MirrorIndex<MirrorLagEstimate>;

export const NO_MIRROR_LAGS: MirrorLags = new MirrorIndex();

const NOT_HOSTED: MirrorLagEstimate = { seconds: null, atLeast: false, notCatchingUp: null };

/** What one cluster's mirrors gave at the last derivation, reused while nothing they depend on changed. */
interface ClusterEstimates {
  asOf: number;
  mirrors: readonly MirrorTopic[];
  /** The flows it was estimated with, per half (a half's flows are the same map while they are unchanged). */
  flows: ReadonlyMap<string, ReadonlyMap<string, MirrorFlowState> | undefined>;
  byHalf: ReadonlyMap<string, ReadonlyMap<string, MirrorLagEstimate>>;
  /** Some mirror is stale: its floor grows with the time of each derivation, so it cannot be reused. */
  aging: boolean;
}

/**
 * Keeps, per hosted mirror, what its readings say about lag in time: each partition's source produce rate (advanced
 * only while the mirror flows: a destination that cannot fetch reports frozen offsets) and, for the trend, its total
 * lag and fetch offsets over the last `trendWindowMs`. In memory: after a restart the seconds are unknown for the first
 * `minSpanMs` of readings and the trend for one window, never guessed. A cluster's mirrors advance once per reading of
 * it, however often the fleet is re-derived; what an unread cluster hosted is kept until it answers again. A cluster
 * whose reading, flows and time-free estimates are those of the last derivation gives the same estimates again: each
 * reading lands on its own, and estimating every mirror of the fleet per derivation grew with the fleet, not the change.
 */
export class LagTracker {
  /** By cluster, then by half and topic: a cluster's reading forgets only its own mirrors. */
  private readonly memory = new Map<string, Map<string, MirrorMemory>>();
  private readonly readAt = new Map<string, number>();
  private last = new Map<string, ClusterEstimates>();

  constructor(
    private readonly trendWindowMs: number,
    private readonly settings: RateSettings = DEFAULT_RATE_SETTINGS,
  ) {}

  /** Every hosted mirror's estimate; `nowMs` ages the floors of stale mirrors. */
  update(readings: readonly LagReading[], flows: MirrorIndex<MirrorFlowState>, nowMs: number): MirrorLags {
    const byHalf = new Map<string, ReadonlyMap<string, MirrorLagEstimate>>();
    const next = new Map<string, ClusterEstimates>();
    for (const { cluster, asOf, mirrors } of readings) {
      if (mirrors === null || asOf === null) continue;
      const last = this.last.get(cluster);
      const done = last && reusable(last, asOf, mirrors, flows) ? last : this.estimateCluster(cluster, asOf, mirrors, flows, nowMs);
      next.set(cluster, done);
      for (const [half, topics] of done.byHalf) byHalf.set(half, topics);
    }
    this.last = next;
    return new MirrorIndex(byHalf);
  }

  private estimateCluster(
    cluster: string,
    asOf: number,
    mirrors: readonly MirrorTopic[],
    flows: MirrorIndex<MirrorFlowState>,
    nowMs: number,
  ): ClusterEstimates {
    const fresh = this.readAt.get(cluster) !== asOf;
    this.readAt.set(cluster, asOf);
    const memories = this.memory.get(cluster) ?? new Map<string, MirrorMemory>();
    this.memory.set(cluster, memories);
    const seen = new Set<string>();
    const used = new Map<string, ReadonlyMap<string, MirrorFlowState> | undefined>();
    const byHalf = new Map<string, Map<string, MirrorLagEstimate>>();
    let aging = false;
    for (const m of mirrors) {
      const half = halfKey(cluster, m.linkName);
      const key = `${half}/${m.mirrorTopicName}`;
      seen.add(key);
      if (!used.has(half)) used.set(half, flows.half(cluster, m.linkName));
      const flow = used.get(half)?.get(m.mirrorTopicName);
      const memory = memories.get(key) ?? { rates: new Map(), trend: [], worstSeconds: null, verdict: null };
      memories.set(key, memory);
      if (fresh) this.advance(memory, m, asOf, flow?.flowing ?? false);
      const estimate = this.estimate(memory, flow, nowMs);
      if (flow !== undefined && !flow.stopped && !flow.flowing) aging = true;
      const topics = byHalf.get(half) ?? new Map<string, MirrorLagEstimate>();
      byHalf.set(half, topics.set(m.mirrorTopicName, estimate));
    }
    if (fresh) for (const key of memories.keys()) if (!seen.has(key)) memories.delete(key);
    return { asOf, mirrors, flows: used, byHalf, aging };
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
}

/** The same reading, judged with the same flows, and no floor that ages with time: the estimates stand as they were. */
function reusable(last: ClusterEstimates, asOf: number, mirrors: readonly MirrorTopic[], flows: MirrorIndex<MirrorFlowState>): boolean {
  if (last.aging || last.asOf !== asOf || last.mirrors !== mirrors) return false;
  for (const [half, used] of last.flows) if (flows.byHalf.get(half) !== used) return false;
  return true;
}
