/**
 * The fleet: every cluster, topic, link half and mirror, plus simulated time.
 *
 * State moves lazily. Offsets are functions of time (offsets.ts); timed phases and
 * scans sit in a timer queue; pending promotes finish when their computed catch-up instant
 * passes. advance() brings everything up to "now" before each request is served, firing
 * events in time order at their own instants, so answers do not depend on how often anyone asks.
 */
import type { SimClock } from "./clock";
import { connectionProblem, type FleetView } from "./connectivity";
import { parseBootstrap } from "./bootstrap";
import { linkView, nextHealth, sameProblem, type LinkView } from "./link-availability";
import { displayStatus, timedSuccessor, wantsToFetch, type MirrorTopicStatus, type StoredMirrorStatus } from "./mirror-state";
import { TimerQueue } from "./timers";
import type { ClusterState, LinkHalf, MirrorInfo, TopicState } from "./types";

export interface WorldSettings {
  seed: number;
  mirrorSetupMs: number;
  restoreSetupMs: number;
  restorePhaseMs: number;
  promoteSyncMs: number;
  autoCreateIntervalMs: number;
  defaultFetchRate: number;
}

export interface MirrorLagView {
  partition: number;
  lag: number;
  last_source_fetch_offset: number;
}

export class World implements FleetView {
  readonly clusters: ClusterState[] = [];
  private readonly byName = new Map<string, ClusterState>();
  private readonly byId = new Map<string, ClusterState>();
  private readonly byHost = new Map<string, ClusterState>();
  private readonly cuts = new Set<string>();
  private readonly timers = new TimerQueue();
  private readonly pendingStops = new Set<TopicState>();
  private processedUntil: number;
  private serial = 0;
  /** Hooks for modules that react to topic creation (auto-create scans). */
  readonly onTopicCreated: Array<(topic: TopicState, at: number) => void> = [];
  readonly onTopicDeleted: Array<(topic: TopicState, at: number) => void> = [];
  /** Hooks run after a link half is created or its configs change. */
  readonly onLinkChanged: Array<(half: LinkHalf, at: number) => void> = [];

  constructor(
    readonly clock: SimClock,
    readonly settings: WorldSettings,
  ) {
    this.processedUntil = clock.now();
  }

  /** A per-world counter for labels of deterministic random streams. */
  nextSerial(): number {
    return this.serial++;
  }

  // ---- registry -------------------------------------------------------------------------

  addCluster(c: ClusterState): void {
    if (this.byName.has(c.name)) throw new Error(`duplicate cluster name ${c.name}`);
    if (this.byId.has(c.id)) throw new Error(`duplicate cluster id ${c.id}`);
    const host = parseBootstrap(c.bootstrap)[0]?.host;
    if (!host) throw new Error(`cluster ${c.name}: bootstrap ${c.bootstrap} is not host:port`);
    if (this.byHost.has(host)) throw new Error(`cluster ${c.name}: bootstrap host ${host} is already used`);
    this.clusters.push(c);
    this.byName.set(c.name, c);
    this.byId.set(c.id, c);
    this.byHost.set(host, c);
  }

  clusterByName(name: string): ClusterState | undefined {
    return this.byName.get(name);
  }

  clusterById(id: string): ClusterState | undefined {
    return this.byId.get(id);
  }

  clusterByHost(host: string): ClusterState | undefined {
    return this.byHost.get(host.toLowerCase());
  }

  private cutKey(a: ClusterState, b: ClusterState): string {
    return a.name < b.name ? `${a.name}\u0000${b.name}` : `${b.name}\u0000${a.name}`;
  }

  isCut(a: ClusterState, b: ClusterState): boolean {
    return this.cuts.has(this.cutKey(a, b));
  }

  setCut(a: ClusterState, b: ClusterState, cut: boolean): void {
    if (cut) this.cuts.add(this.cutKey(a, b));
    else this.cuts.delete(this.cutKey(a, b));
  }

  listCuts(): Array<[string, string]> {
    return [...this.cuts].map((k) => {
      const [a = "", b = ""] = k.split("\u0000");
      return [a, b];
    });
  }

  // ---- time -------------------------------------------------------------------------------

  /** Bring the world up to the clock's now and return it. Every request starts here. */
  advance(): number {
    const now = Math.max(this.clock.now(), this.processedUntil);
    for (;;) {
      const next = this.timers.peek();
      const limit = Math.min(next?.time ?? Number.POSITIVE_INFINITY, now);
      let best: { topic: TopicState; at: number } | null = null;
      for (const topic of this.pendingStops) {
        const at = this.stopCompletionTime(topic, limit);
        if (at !== null && (best === null || at < best.at)) best = { topic, at };
      }
      if (best) {
        this.processedUntil = Math.max(this.processedUntil, best.at);
        this.completeStop(best.topic, best.at);
        continue;
      }
      if (next && next.time <= now) {
        this.timers.pop();
        this.processedUntil = Math.max(this.processedUntil, next.time);
        next.run(next.time);
        continue;
      }
      break;
    }
    this.processedUntil = now;
    return now;
  }

  schedule(at: number, run: (at: number) => void): void {
    this.timers.schedule(Math.max(at, this.processedUntil), run);
  }

  // ---- links ----------------------------------------------------------------------------

  view(half: LinkHalf, now: number): LinkView {
    return linkView(half.health, {
      paused: half.configs.bool("cluster.link.paused"),
      retryTimeoutMs: half.configs.int("cluster.link.retry.timeout.ms"),
      now,
    });
  }

  /** Re-evaluate every link's connection after anything that could change it (faults, configs, links). */
  recomputeHealth(at: number): void {
    for (const cluster of this.clusters) {
      for (const half of cluster.links.values()) {
        if (half.deleted) continue;
        const problem = connectionProblem(this, half);
        const before = half.health;
        if (sameProblem(before.problem, problem)) continue;
        half.health = nextHealth(before, problem, at);
        if (problem && !before.problem) {
          for (const topic of half.mirrors.values()) this.rememberSourceOffsets(topic, at);
        }
        if (!problem && before.problem) {
          for (const topic of half.mirrors.values()) if (topic.mirror) topic.mirror.knownSourceOffsets = null;
          this.onLinkRecovered(half, at);
        }
        this.refreshLink(half, at);
      }
    }
  }

  /** Hooks for modules that react to a link coming back (auto-create scans). */
  readonly onLinkRecoveredHooks: Array<(half: LinkHalf, at: number) => void> = [];
  private onLinkRecovered(half: LinkHalf, at: number): void {
    for (const h of this.onLinkRecoveredHooks) h(half, at);
  }

  refreshLink(half: LinkHalf, at: number): void {
    for (const topic of [...half.mirrors.values()]) this.refreshLogMode(topic, at);
  }

  // ---- topics and mirrors ---------------------------------------------------------------

  sourceTopicOf(m: MirrorInfo): TopicState | undefined {
    const remote = this.clusterById(m.link.remoteClusterId);
    const t = remote?.topics.get(m.sourceTopicName);
    return t && !t.deleted ? t : undefined;
  }

  private linkFlowing(half: LinkHalf): boolean {
    return !half.deleted && half.health.problem === null && !half.configs.bool("cluster.link.paused");
  }

  /** Put the topic's log into the mode its state calls for. The single place that decides whether data moves. */
  refreshLogMode(topic: TopicState, at: number): void {
    if (topic.deleted) return;
    const m = topic.mirror;
    if (!m || m.status === "STOPPED") {
      const rate = topic.cluster.up ? topic.produceRate : 0;
      topic.log.setMode(at, rate > 0 ? { kind: "produce", ratePerSec: rate } : { kind: "frozen" });
      return;
    }
    if (wantsToFetch(m.status) && topic.cluster.up && this.linkFlowing(m.link)) {
      const source = this.sourceTopicOf(m);
      if (!source) {
        this.failMirror(topic, at, "SOURCE_TOPIC_MAY_BE_DELETED");
        return;
      }
      m.everFetched = true;
      topic.log.setMode(at, { kind: "fetch", source: source.log, capPerPartitionPerSec: m.fetchRateOverride ?? m.link.fetchRate });
      return;
    }
    if (m.status !== "FAILED" && m.link.health.problem === null && !this.sourceTopicOf(m)) {
      this.failMirror(topic, at, "SOURCE_TOPIC_MAY_BE_DELETED");
      return;
    }
    topic.log.setMode(at, { kind: "frozen" });
  }

  private rememberSourceOffsets(topic: TopicState, at: number): void {
    const m = topic.mirror;
    if (!m || m.knownSourceOffsets) return;
    const source = this.sourceTopicOf(m);
    m.knownSourceOffsets = source ? source.log.endOffsets(at) : topic.log.endOffsets(at);
  }

  setStatus(topic: TopicState, status: StoredMirrorStatus, at: number): void {
    const m = topic.mirror;
    if (!m) return;
    m.status = status;
    m.stateTimeMs = at;
    m.epoch++;
    if (status !== "PENDING_STOPPED") this.pendingStops.delete(topic);
    this.refreshLogMode(topic, at);
    this.scheduleTimedPhase(topic, at);
  }

  private phaseMs(status: StoredMirrorStatus): number {
    if (status === "PENDING_MIRROR") return this.settings.mirrorSetupMs;
    if (status === "PENDING_SETUP_FOR_RESTORE") return this.settings.restoreSetupMs;
    return this.settings.restorePhaseMs;
  }

  private scheduleTimedPhase(topic: TopicState, at: number): void {
    const m = topic.mirror;
    if (!m) return;
    const next = timedSuccessor(m.status);
    if (!next) return;
    const epoch = m.epoch;
    this.schedule(at + this.phaseMs(m.status), (when) => {
      if (topic.deleted || topic.mirror !== m || m.epoch !== epoch) return;
      this.setStatus(topic, next, when);
    });
  }

  failMirror(topic: TopicState, at: number, topicError: string): void {
    const m = topic.mirror;
    if (!m || m.status === "FAILED" || m.status === "STOPPED") return;
    this.rememberSourceOffsets(topic, at);
    m.topicError = topicError;
    m.transitionErrors.push({
      error_code: topicError,
      error_message: `Mirror topic '${topic.name}' failed: source topic '${m.sourceTopicName}' may have been deleted on cluster ${m.link.remoteClusterId}.`,
    });
    m.status = "FAILED";
    m.stateTimeMs = at;
    m.epoch++;
    this.pendingStops.delete(topic);
    topic.log.setMode(at, { kind: "frozen" });
  }

  beginStop(topic: TopicState, at: number): void {
    const m = topic.mirror;
    if (!m) return;
    m.stopNotBefore = at + this.settings.promoteSyncMs;
    this.setStatus(topic, "PENDING_STOPPED", at);
    this.pendingStops.add(topic);
  }

  private stopCompletionTime(topic: TopicState, limit: number): number | null {
    const m = topic.mirror;
    if (m?.status !== "PENDING_STOPPED" || topic.log.currentMode.kind !== "fetch") return null;
    const from = Math.max(m.stopNotBefore, topic.log.since, this.processedUntil);
    if (from > limit) return null;
    return topic.log.catchUpTime(from, limit);
  }

  /** Hooks run when a pending stop completes (reverse-* continues on the remote cluster). */
  readonly onStopCompleted: Array<(topic: TopicState, at: number) => void> = [];

  completeStop(topic: TopicState, at: number): void {
    const m = topic.mirror;
    if (!m) return;
    const lags = this.mirrorLags(topic, at);
    m.stoppedOffsets = topic.log.endOffsets(at);
    m.stoppedLags = lags.map((l) => l.lag);
    this.setStatus(topic, "STOPPED", at);
    for (const h of this.onStopCompleted) h(topic, at);
  }

  isPendingStop(topic: TopicState): boolean {
    return this.pendingStops.has(topic);
  }

  forgetTopic(topic: TopicState): void {
    this.pendingStops.delete(topic);
  }

  // ---- views ------------------------------------------------------------------------------

  mirrorDisplayStatus(topic: TopicState, now: number): MirrorTopicStatus {
    const m = topic.mirror;
    if (!m) return "STOPPED";
    return displayStatus(m.status, this.view(m.link, now).overlay);
  }

  mirrorStateTime(topic: TopicState, now: number): number {
    const m = topic.mirror;
    if (!m) return topic.createdAt;
    const v = this.view(m.link, now);
    const shown = displayStatus(m.status, v.overlay);
    if (shown !== m.status && v.overlaySince !== null) return Math.max(m.stateTimeMs, v.overlaySince);
    return m.stateTimeMs;
  }

  /** Per-partition lag and fetch position, as the destination knows them at `now`. */
  mirrorLags(topic: TopicState, now: number): MirrorLagView[] {
    const m = topic.mirror;
    const parts = topic.partitions;
    if (!m) return Array.from({ length: parts }, (_, p) => ({ partition: p, lag: 0, last_source_fetch_offset: -1 }));
    if (m.status === "STOPPED" && m.stoppedOffsets && m.stoppedLags) {
      const offs = m.stoppedOffsets;
      const lags = m.stoppedLags;
      return offs.map((o, p) => ({ partition: p, lag: lags[p] ?? 0, last_source_fetch_offset: m.everFetched ? o : -1 }));
    }
    const mirrorEnd = topic.log.endOffsets(now);
    const source = this.sourceTopicOf(m);
    const sourceEnd =
      m.knownSourceOffsets ?? (source && m.status !== "FAILED" ? source.log.endOffsets(now) : mirrorEnd);
    return mirrorEnd.map((o, p) => ({
      partition: p,
      lag: Math.max(0, (sourceEnd[p] ?? o) - o),
      last_source_fetch_offset: m.everFetched ? o : -1,
    }));
  }
}
