import "server-only";
import type { ConfluentClient } from "@/lib/confluent/client";
import { rpoBudgetSeconds, type RpoBudgetSettings } from "@/lib/config/rpo-budgets";
import { DEFAULT_RPO_SECONDS, type ClusterConfig } from "@/lib/config/schema";
import { applyRpoBudgets } from "@/lib/domain/failover/rpo-budget";
import { applyLagFigures } from "@/lib/domain/links/link-lag";
import { DEFAULT_LAG_TREND_MINUTES } from "@/lib/domain/mirrors/lag-trend";
import { deriveTopology } from "@/lib/domain/topology/topology";
import type { ClusterObservation, Topology } from "@/lib/domain/types";
import { createCoalescingCache } from "../coalescing-cache";
import { getConfig } from "../config";
import { clientFor } from "../confluent-clients";
import { ClusterRefresher, type ClusterState } from "./cluster-refresher";
import { LagTracker, type MirrorLags } from "./lag-tracker";
import type { MirrorIndex } from "./mirror-index";
import { LastKnownHalves } from "./last-known-halves";
import { readCluster, type ClusterReading, type ConfigsRead } from "./read-cluster";
import { StalenessTracker, type MirrorFlowState, type StaleSinceStore } from "./staleness";
import { historyStore } from "../history/store-instance";
import { required } from "@/lib/domain/required";

export interface FleetSnapshot {
  readings: ReadonlyMap<string, ClusterReading>;
  topology: Topology;
  /** Epoch ms the snapshot was derived at: when staleness was judged (each cluster's own time is its observation's asOf). */
  readAt: number;
  /** Each hosted mirror's flow. */
  mirrorFlows: MirrorIndex<MirrorFlowState>;
  /** Each hosted mirror's estimated lag in seconds and trend (lag-tracker.ts). */
  mirrorLags: MirrorLags;
}

const CONFIGS_TTL_MS = 5 * 60_000;
/**
 * At cold start, how long a request about one cluster waits for the others before it answers without them. A request
 * about the whole fleet (topology, cluster list) waits up to the longest per-request timeout, so a healthy fleet's
 * first topology is complete and only a cluster that does not answer at all is shown as not read yet.
 */
const DEFAULT_COLD_START_PATIENCE_MS = 1_500;
/** The fleet's refreshes land within ~two round trips of each other: one background derivation takes them together. */
const LANDINGS_SETTLE_MS = 100;

/**
 * Answers cached apart from the fleet's readings (a link's own mirror list, consumer groups) are reused for a little
 * less than one browser refresh interval, however many browsers watch. Their period counts from the start of the load
 * (coalescing-cache.ts), so the margin only has to cover timer jitter. The fleet's readings go stale once per poll
 * interval, each cluster at its own moment of it (cluster-refresher.ts).
 */
export function cacheTtlMs(pollIntervalSeconds: number): number {
  return Math.max(1000, pollIntervalSeconds * 1000 - 250);
}

export interface FleetServiceOptions {
  clusters: readonly ClusterConfig[];
  pollIntervalSeconds: number;
  clientFor: (cluster: ClusterConfig) => ConfluentClient;
  /** See DEFAULT_COLD_START_PATIENCE_MS. */
  coldStartPatienceMs?: number;
  /** Where "stopped flowing at T" is kept across restarts; null keeps it in memory only. */
  staleStore?: StaleSinceStore | null;
  now?: () => number;
  /** RPO budgets (`rpoSeconds`, `links` in the config); the schema's defaults when absent. */
  budgets?: RpoBudgetSettings;
  /**
   * How long a snapshot may be reused after a cluster's routine refresh lands (see derivePacingFor); unpaced unless
   * given, so that a reading is in the very next snapshot wherever timing is what is being tested.
   */
  derivePacing?: DerivePacing;
  /** `lagTrendMinutes` in the config: the window over which a growing lag is a mirror-not-catching-up problem. */
  lagTrendMinutes?: number;
  /**
   * How long after a request the stale clusters' refreshes start (ms; 0: at once). A page asks for several answers at
   * once, and each is served from the last readings; refreshes started by the first of them land ~two round trips
   * later, and decoding them (the whole fleet's mirror lists) on the same thread held the rest of the page's answers
   * back. Clusters a request must wait for (no reading yet, or none since a mutation) are read at once regardless.
   */
  refreshDelayMs?: number;
}

export interface DerivePacing {
  /** The fleet is derived again at most once per this many times the last derivation's duration… */
  costFactor: number;
  /**
   * …and not within this many ms of the last: every snapshot also costs what the routes build from it once (encoded
   * topology, top lag, a link's mirror views), which the derivation's own duration does not count.
   */
  minIntervalMs: number;
  /** …and a routine refresh waits at most this long (ms) to be shown. */
  maxDelayMs: number;
}

/**
 * The server's pacing: deriving takes at most ~20 % of a core however many viewers ask, the fleet is derived at most
 * twice a second, and a refresh that landed is shown within half a snapshot period. Every cluster's reading lands at
 * its own moment: unpaced, at four times the scale fleet (96 clusters) nearly every request of 50 viewers found a new
 * reading and paid for a whole-fleet derivation, and the server fell behind beyond recovery; and each new snapshot
 * also makes the routes encode the topology and re-judge the big link's mirror views, a cost the derivation's own
 * duration does not count. Since the clusters' reads are spread over the period (cluster-refresher.ts), most of a
 * derivation is the work of the readings landed since the last one, so deriving less often makes each one longer and
 * holds every request behind it: with at most one derivation a second and ten times its duration apart, the ×4
 * fleet's p95 under 50 viewers was 357 ms; with these, 256 ms (one run each, idle machine).
 */
export function derivePacingFor(pollIntervalSeconds: number): DerivePacing {
  return { costFactor: 4, minIntervalMs: 500, maxDelayMs: cacheTtlMs(pollIntervalSeconds) / 2 };
}

export interface SnapshotOptions {
  /**
   * The cluster the request is about: at cold start it is waited for however long it takes (its own timeouts), the
   * others for `coldStartPatienceMs`. Without it the request is about the whole fleet (see DEFAULT_COLD_START_PATIENCE_MS).
   */
  focus?: string;
}

/**
 * The fleet as last read, stale-while-revalidate per cluster. Every request is answered at once from each cluster's
 * last complete reading, and a stale reading starts a refresh behind it (never two reads of one cluster at once).
 * Only a cluster with no reading yet (cold start) or none since a mutation (invalidate) is waited for, and then
 * only the cluster the request is about as long as it takes; the others for `coldStartPatienceMs` at most, after
 * which they are reported as not read yet. A slow or dead cluster therefore never holds up a page about another.
 * Each request is bounded by the cluster's own `timeoutMs` (the transport), not the read as a whole: a cluster
 * answering every call in 4 s with a 5 s timeout is slow, not unreachable.
 */
export class FleetService {
  private readonly refreshers: ReadonlyMap<string, ClusterRefresher>;
  private readonly configs = createCoalescingCache<ConfigsRead>({ ttlMs: CONFIGS_TTL_MS });
  /** A cluster that goes down keeps its id, so links pointing at it still land on it rather than on an "external" twin. */
  private readonly lastKnownIds = new Map<string, string>();
  private readonly lastKnownHalves = new LastKnownHalves();
  private readonly now: () => number;
  private readonly staleness: StalenessTracker;
  private readonly lags: LagTracker;
  private readonly patienceMs: number;
  private readonly fleetPatienceMs: number;
  /** The last snapshot and the cluster states it was derived from: re-derived only when one of them changed. */
  private derived: { states: readonly (ClusterState | null)[]; snapshot: FleetSnapshot } | null = null;
  /** When (performance.now()) the fleet may next be derived again, with derivePacing. */
  private nextDeriveAt = 0;
  private refreshTimer: NodeJS.Timeout | null = null;
  private deriveTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: FleetServiceOptions) {
    this.now = options.now ?? Date.now;
    this.staleness = new StalenessTracker(options.staleStore ?? null);
    // Stale floors age once a poll interval, as often as a viewer asks (see LagTracker).
    this.lags = new LagTracker((options.lagTrendMinutes ?? DEFAULT_LAG_TREND_MINUTES) * 60_000, {
      agingStepMs: options.pollIntervalSeconds * 1000,
    });
    this.patienceMs = options.coldStartPatienceMs ?? DEFAULT_COLD_START_PATIENCE_MS;
    this.fleetPatienceMs = Math.max(this.patienceMs, ...options.clusters.map((c) => c.timeoutMs));
    const periodMs = options.pollIntervalSeconds * 1000;
    // Cluster i of n goes stale at i / n of each period (cluster-refresher.ts): the fleet's reads spread over it.
    const phaseMs = (i: number) => Math.floor((i * periodMs) / options.clusters.length);
    this.refreshers = new Map(
      options.clusters.map((c, i) => [
        c.name,
        new ClusterRefresher(() => this.readOne(c), periodMs, this.now, {
          onLanded: () => this.deriveSoon(),
          phaseMs: phaseMs(i),
        }),
      ]),
    );
  }

  async snapshot(options: SnapshotOptions = {}): Promise<FleetSnapshot> {
    this.refreshStale();
    const waiting: Promise<unknown>[] = [];
    let patience: Promise<void> | null = null;
    let timer: NodeJS.Timeout | undefined;
    for (const [name, r] of this.refreshers) {
      if (!r.mustWait()) continue;
      if (name === options.focus) {
        waiting.push(r.settled());
        continue;
      }
      const patienceMs = options.focus === undefined ? this.fleetPatienceMs : this.patienceMs;
      patience ??= new Promise<void>((resolve) => (timer = setTimeout(resolve, patienceMs)));
      waiting.push(Promise.race([r.settled(), patience]));
    }
    try {
      if (waiting.length) await Promise.all(waiting);
    } finally {
      clearTimeout(timer);
    }
    return this.derive();
  }

  /**
   * The cluster's last reading in which it answered well, with when it was true; null when it never has. While a cluster
   * is down, routes answer 503/502 with what this says (docs/http-api.md, "last known").
   */
  lastGoodReading(clusterName: string): ClusterReading | null {
    const cluster = this.options.clusters.find((c) => c.name === clusterName);
    const state = this.refreshers.get(clusterName)?.lastGood() ?? null;
    return cluster && state ? withTimes(state, cluster, null) : null;
  }

  private refreshStale(): void {
    const delayMs = this.options.refreshDelayMs ?? 0;
    if (delayMs <= 0) {
      for (const r of this.refreshers.values()) r.refreshIfStale();
      return;
    }
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      for (const r of this.refreshers.values()) r.refreshIfStale();
    }, delayMs);
    this.refreshTimer.unref();
  }

  /**
   * With derivePacing, a landed refresh is derived by a timer at the next paced moment rather than by whichever request
   * comes next, so that request (often the first of a lone viewer's next poll) finds the snapshot ready.
   */
  private deriveSoon(): void {
    if (!this.options.derivePacing || this.deriveTimer) return;
    this.deriveTimer = setTimeout(
      () => {
        this.deriveTimer = null;
        try {
          this.derive();
        } catch (err) {
          console.error("linkscope: deriving the fleet after a refresh failed unexpectedly", err);
          return;
        }
        // Held back by the pacing (a request derived in between and moved the next paced moment): try again then.
        if (!this.derivedIsCurrent()) this.deriveSoon();
      },
      Math.max(LANDINGS_SETTLE_MS, this.nextDeriveAt - performance.now()),
    );
    this.deriveTimer.unref();
  }

  /** After a mutation: the next request waits for readings that started after it (link configs included). */
  invalidate(): void {
    this.configs.invalidate();
    for (const r of this.refreshers.values()) r.invalidate();
  }

  private currentStates(): (ClusterState | null)[] {
    return this.options.clusters.map((c) => required(this.refreshers.get(c.name), `the refresher of ${c.name}`).current());
  }

  private derivedIsCurrent(): boolean {
    const states = this.currentStates();
    return this.derived?.states.every((s, i) => s === states[i]) ?? false;
  }

  private derive(): FleetSnapshot {
    const states = this.currentStates();
    if (this.derived?.states.every((s, i) => s === states[i])) return this.derived.snapshot;
    // What a request waited for (a first reading, one after a mutation) is never held back: onlyPeriodicRefreshes.
    if (
      this.options.derivePacing &&
      this.derived &&
      performance.now() < this.nextDeriveAt &&
      onlyPeriodicRefreshes(this.derived.states, states)
    )
      return this.derived.snapshot;
    const started = performance.now();
    const readings = this.options.clusters.map((c, i) => withTimes(states[i] ?? null, c, this.lastKnownIds.get(c.name) ?? null));
    const byName = new Map(readings.map((r) => [r.observation.name, r]));
    const readAt = this.now();
    const derived = deriveTopology(
      readings.map((r) => r.observation),
      readings.flatMap((r) => this.lastKnownHalves.halvesFor(r)),
      new Date(readAt),
    );
    const mirrorFlows = this.staleness.update(derived, new Map(readings.map((r) => [r.observation.name, r.mirrors])), readAt);
    const lagReadings = readings.map((r) => ({ cluster: r.observation.name, asOf: r.observation.asOf, mirrors: r.mirrors }));
    const mirrorLags = this.lags.update(lagReadings, mirrorFlows, readAt);
    const withLags = applyLagFigures(derived, (cluster, link) => mirrorLags.half(cluster, link));
    const budgets = this.options.budgets ?? { rpoSeconds: DEFAULT_RPO_SECONDS, links: [] };
    const topology = applyRpoBudgets(withLags, (cluster, link) => rpoBudgetSeconds(budgets, cluster, link));
    const snapshot = { readings: byName, topology, readAt, mirrorFlows, mirrorLags };
    this.derived = { states, snapshot };
    const finished = performance.now();
    const pace = this.options.derivePacing;
    this.nextDeriveAt = pace
      ? finished + Math.min(pace.maxDelayMs, Math.max(pace.minIntervalMs, pace.costFactor * (finished - started)))
      : 0;
    return snapshot;
  }

  private async readOne(cluster: ClusterConfig): Promise<ClusterReading> {
    const lastKnownId = cluster.id ?? this.lastKnownIds.get(cluster.name) ?? null;
    let reading: ClusterReading;
    try {
      reading = await readCluster(cluster, this.options.clientFor(cluster), {
        lastKnownId,
        configsCache: (key, load) => this.configs.get(key, load),
      });
    } catch (err) {
      // readCluster turns every upstream failure into a status; this is a bug of ours, said as such.
      console.error(`linkscope: reading ${cluster.name} failed unexpectedly`, err);
      const failed = notReadYet(cluster, lastKnownId);
      const error = `Linkscope could not read ${cluster.name}: an unexpected error occurred (see the server log).`;
      reading = { ...failed, observation: { ...failed.observation, status: "error", error } };
    }
    if (reading.observation.id) this.lastKnownIds.set(cluster.name, reading.observation.id);
    return reading;
  }
}

/**
 * Every change since the last derivation is a routine refresh: no cluster read for the first time, none read again
 * after a mutation (a new generation). Those are shown at once; routine refreshes may wait for the next derivation.
 */
function onlyPeriodicRefreshes(before: readonly (ClusterState | null)[], now: readonly (ClusterState | null)[]): boolean {
  return now.every((s, i) => {
    const b = before[i];
    return s === b || (s !== null && b !== null && b !== undefined && s.generation === b.generation);
  });
}

/** The reading with when it was true; a cluster not read yet gets an honest placeholder. */
function withTimes(state: ClusterState | null, cluster: ClusterConfig, lastKnownId: string | null): ClusterReading {
  if (state === null) return notReadYet(cluster, lastKnownId);
  const { reading } = state;
  return { ...reading, observation: { ...reading.observation, asOf: state.asOf, lastOkAt: state.lastOkAt } };
}

function notReadYet(cluster: ClusterConfig, lastKnownId: string | null): ClusterReading {
  const observation: ClusterObservation = {
    name: cluster.name,
    id: cluster.id ?? lastKnownId,
    displayName: cluster.displayName ?? cluster.name,
    network: cluster.network ?? null,
    region: cluster.region ?? null,
    status: "unreachable",
    error: `${cluster.name} has not answered Linkscope's first reading yet (each request may take up to ${(cluster.timeoutMs / 1000).toFixed(1)} s, timeoutMs in the config).`,
    problems: [],
    asOf: null,
    latencyMs: null,
    lastOkAt: null,
  };
  return { observation, halves: [], links: new Map(), mirrors: null };
}

/** The server's refreshDelayMs: a page's answers go out before the refreshes its first request started come back. */
const REFRESH_DELAY_MS = 200;

// Next bundles instrumentation (which starts the lag sampler) apart from the routes, each with its own copy of this
// module; keeping the instance on globalThis gives the sampler and the pages one cache and one set of in-flight reads.
const SERVICE_KEY = Symbol.for("linkscope.fleet-service");

export function fleetService(): FleetService {
  const holder = globalThis as typeof globalThis & { [SERVICE_KEY]?: FleetService };
  if (!holder[SERVICE_KEY]) {
    const { clusters, pollIntervalSeconds, rpoSeconds, links, lagTrendMinutes } = getConfig();
    // The history store keeps when things stopped flowing across restarts; opened on first use, like the sampler's.
    const staleStore: StaleSinceStore = {
      loadStaleSince: () => historyStore().loadStaleSince(),
      saveStaleSince: (changes) => historyStore().saveStaleSince(changes),
    };
    holder[SERVICE_KEY] = new FleetService({
      clusters,
      pollIntervalSeconds,
      clientFor,
      staleStore,
      budgets: { rpoSeconds, links },
      derivePacing: derivePacingFor(pollIntervalSeconds),
      refreshDelayMs: REFRESH_DELAY_MS,
      lagTrendMinutes,
    });
  }
  return holder[SERVICE_KEY];
}
