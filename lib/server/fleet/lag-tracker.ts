import type { MirrorTopic } from "@/lib/confluent/types";
import {
  advanceRate,
  advanceRateInPlace,
  DEFAULT_RATE_SETTINGS,
  knownRate,
  mirrorLagSeconds,
  partitionLagSeconds,
  type RateSettings,
  type RateState,
} from "@/lib/domain/mirrors/lag-seconds";
import { appendTrendPointInPlace, notCatchingUp, type NotCatchingUp, type TrendPoint } from "@/lib/domain/mirrors/lag-trend";
import { halfKey, MirrorIndex } from "./mirror-index";
import { mirrorsByLink } from "./mirror-summary";
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

/** What one hosting half's mirrors gave at the last derivation, reused while nothing they depend on changed. */
interface HalfEstimates {
  /** The half's flows they were estimated with (the same map while the half's flows are unchanged). */
  flows: ReadonlyMap<string, MirrorFlowState> | undefined;
  /** By topic. */
  estimates: ReadonlyMap<string, MirrorLagEstimate>;
  /** Some mirror is stale: its floor grows with time, so the half is estimated again at each aging step. */
  aging: boolean;
  /** The time its stale floors were aged to (the start of an aging step); the derivation's time without steps. */
  agedTo: number;
}

/** A cluster's last reading as estimated, per link it hosts mirrors of. */
interface ClusterEstimates {
  mirrors: readonly MirrorTopic[];
  halves: ReadonlyMap<string, HalfEstimates>;
}

/**
 * Keeps, per hosted mirror, what its readings say about lag in time: each partition's source produce rate (advanced
 * only while the mirror flows: a destination that cannot fetch reports frozen offsets) and, for the trend, its total
 * lag and fetch offsets over the last `trendWindowMs`. In memory: after a restart the seconds are unknown for the first
 * `minSpanMs` of readings and the trend for one window, never guessed. A cluster's mirrors advance once per reading of
 * it, however often the fleet is re-derived; what an unread cluster hosted is kept until it answers again.
 * A half whose reading and flows are those of the last derivation, none of them stale, gives the same estimates again:
 * each reading lands on its own, and estimating every mirror of the fleet per derivation grew with the fleet.
 */
export class LagTracker {
  /** By cluster, link and topic: a cluster's reading forgets only its own mirrors. */
  private readonly memory = new Map<string, Map<string, Map<string, MirrorMemory>>>();
  private readonly readAt = new Map<string, number>();
  private last = new Map<string, ClusterEstimates>();

  /**
   * `agingStepMs`: stale mirrors' floors are aged to the start of the step `nowMs` is in (one poll interval in
   * production), not to each derivation's time. A floor aged to a moment past is still a floor; and a big link with
   * one paused mirror is otherwise estimated, judged and encoded again at every derivation (twice a second) for
   * viewers who poll once a poll interval. 0: every derivation's own time.
   */
  private readonly settings: RateSettings;
  private readonly agingStepMs: number;

  constructor(
    private readonly trendWindowMs: number,
    { settings = DEFAULT_RATE_SETTINGS, agingStepMs = 0 }: { settings?: RateSettings; agingStepMs?: number } = {},
  ) {
    this.settings = settings;
    this.agingStepMs = agingStepMs;
  }

  /** Every hosted mirror's estimate; `nowMs` ages the floors of stale mirrors (to its aging step's start). */
  update(readings: readonly LagReading[], flows: MirrorIndex<MirrorFlowState>, nowMs: number): MirrorLags {
    const agedTo = this.agingStepMs > 0 ? Math.floor(nowMs / this.agingStepMs) * this.agingStepMs : nowMs;
    const byHalf = new Map<string, ReadonlyMap<string, MirrorLagEstimate>>();
    const next = new Map<string, ClusterEstimates>();
    for (const { cluster, asOf, mirrors } of readings) {
      if (mirrors === null || asOf === null) continue;
      const fresh = this.readAt.get(cluster) !== asOf;
      this.readAt.set(cluster, asOf);
      const memories = this.memoriesOf(cluster, mirrors, fresh);
      const last = this.last.get(cluster);
      const previous = !fresh && last?.mirrors === mirrors ? last.halves : null;
      const halves = new Map<string, HalfEstimates>();
      for (const [link, list] of mirrorsByLink(mirrors)) {
        const halfFlows = flows.half(cluster, link);
        if (fresh) this.advanceHalf(list, halfFlows, asOf, memories, link);
        const before = previous?.get(link);
        const done =
          before && before.flows === halfFlows && (!before.aging || before.agedTo === agedTo)
            ? before
            : this.estimateHalf(list, halfFlows, memories.get(link), agedTo);
        halves.set(link, done);
        byHalf.set(halfKey(cluster, link), done.estimates);
      }
      next.set(cluster, { mirrors, halves });
    }
    this.last = next;
    return new MirrorIndex(byHalf);
  }

  /** The cluster's memories, with those of mirrors gone from a fresh reading forgotten. */
  private memoriesOf(cluster: string, mirrors: readonly MirrorTopic[], fresh: boolean): Map<string, Map<string, MirrorMemory>> {
    const memories = this.memory.get(cluster) ?? new Map<string, Map<string, MirrorMemory>>();
    this.memory.set(cluster, memories);
    if (!fresh) return memories;
    const groups = mirrorsByLink(mirrors);
    for (const [link, topics] of memories) {
      const list = groups.get(link);
      if (!list) {
        memories.delete(link);
        continue;
      }
      const present = new Set(list.map((m) => m.mirrorTopicName));
      for (const topic of topics.keys()) if (!present.has(topic)) topics.delete(topic);
    }
    return memories;
  }

  private advanceHalf(
    list: readonly MirrorTopic[],
    flows: ReadonlyMap<string, MirrorFlowState> | undefined,
    asOf: number,
    memories: Map<string, Map<string, MirrorMemory>>,
    link: string,
  ): void {
    const topics = memories.get(link) ?? new Map<string, MirrorMemory>();
    memories.set(link, topics);
    for (const m of list) {
      const memory = topics.get(m.mirrorTopicName) ?? { rates: new Map(), trend: [], worstSeconds: null, verdict: null };
      topics.set(m.mirrorTopicName, memory);
      this.advance(memory, m, asOf, flows?.get(m.mirrorTopicName)?.flowing ?? false);
    }
  }

  private estimateHalf(
    list: readonly MirrorTopic[],
    flows: ReadonlyMap<string, MirrorFlowState> | undefined,
    memories: ReadonlyMap<string, MirrorMemory> | undefined,
    nowMs: number,
  ): HalfEstimates {
    const estimates = new Map<string, MirrorLagEstimate>();
    let aging = false;
    for (const m of list) {
      const flow = flows?.get(m.mirrorTopicName);
      if (flow !== undefined && !flow.stopped && !flow.flowing) aging = true;
      estimates.set(m.mirrorTopicName, this.estimate(memories?.get(m.mirrorTopicName) ?? null, flow, nowMs));
    }
    return { flows, estimates, aging, agedTo: nowMs };
  }

  private advance(memory: MirrorMemory, m: MirrorTopic, atMs: number, flowing: boolean): void {
    let fetched = 0;
    let lag = 0;
    // worstPartitionSeconds over the partitions' seconds, in the same pass: this runs for every mirror of each reading.
    let worst: number | null = m.lags.length === 0 ? null : 0;
    let unknown = false;
    for (const p of m.lags) {
      lag += Math.max(0, p.lag);
      let rate: RateState | undefined;
      // -1: not fetched yet, so there is no end offset to follow.
      if (p.lastSourceFetchOffset < 0) memory.rates.delete(p.partition);
      else {
        fetched += p.lastSourceFetchOffset;
        rate = memory.rates.get(p.partition);
        if (flowing) {
          const end = p.lastSourceFetchOffset + Math.max(0, p.lag);
          if (rate) advanceRateInPlace(rate, atMs, end, this.settings);
          else {
            rate = advanceRate(null, atMs, end, this.settings);
            memory.rates.set(p.partition, rate);
          }
        }
      }
      const seconds = partitionLagSeconds(p.lag, knownRate(rate, this.settings));
      if (seconds === null) unknown = true;
      else if (worst !== null && seconds > worst) worst = seconds;
    }
    memory.worstSeconds = unknown ? null : worst;
    // The trend is about a mirror that flows: a stale one's lag is frozen, and its window starts again when it resumes.
    if (flowing) appendTrendPointInPlace(memory.trend, { atMs, lag, fetched }, this.trendWindowMs);
    else memory.trend.length = 0;
    memory.verdict = flowing ? notCatchingUp(memory.trend, this.trendWindowMs) : null;
  }

  private estimate(memory: MirrorMemory | null, flow: MirrorFlowState | undefined, nowMs: number): MirrorLagEstimate {
    // Unknown flow (not in the last derivation) or a promoted mirror: no lag to speak of in seconds.
    if (flow === undefined || flow.stopped) return NOT_HOSTED;
    const staleSince = flow.flowing ? null : (flow.staleSince ?? nowMs);
    const { seconds, atLeast } = mirrorLagSeconds(memory?.worstSeconds ?? null, staleSince, nowMs);
    return { seconds, atLeast, notCatchingUp: flow.flowing ? (memory?.verdict ?? null) : null };
  }
}
