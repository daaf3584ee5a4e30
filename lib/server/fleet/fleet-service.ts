import "server-only";
import type { ConfluentClient } from "@/lib/confluent/client";
import type { LinkConfig } from "@/lib/confluent/types";
import type { ClusterConfig } from "@/lib/config/schema";
import { deriveTopology } from "@/lib/domain/topology";
import type { Topology } from "@/lib/domain/types";
import { createCoalescingCache } from "../coalescing-cache";
import { getConfig } from "../config";
import { clientFor } from "../confluent-clients";
import { LastKnownHalves } from "./last-known-halves";
import { readCluster, type ClusterReading } from "./read-cluster";
import { StalenessTracker, type MirrorFlowState, type StaleSinceStore } from "./staleness";
import { historyStore } from "../history/store-instance";

export interface FleetSnapshot {
  readings: ReadonlyMap<string, ClusterReading>;
  topology: Topology;
  /** Epoch ms the reading describes: the "as of" of every figure in it (issue 13 refines this per cluster). */
  readAt: number;
  /** Each hosted mirror's flow, by mirrorFlowKey(cluster, link, topic). */
  mirrorFlows: ReadonlyMap<string, MirrorFlowState>;
}

const CONFIGS_TTL_MS = 5 * 60_000;
/** A cluster that has not answered by its own timeout plus this much is reported as such; the rest of the fleet is not held up. */
const DEADLINE_GRACE_MS = 250;

/**
 * Upstream answers are reused for a little less than one browser refresh interval, however many browsers watch.
 * The period counts from the start of the read (coalescing-cache.ts), so the margin only has to cover timer
 * jitter: with 50 viewers polling every 5 s, upstream is asked every 4.75 s instead of every 5 s (1.05×).
 */
export function cacheTtlMs(pollIntervalSeconds: number): number {
  return Math.max(1000, pollIntervalSeconds * 1000 - 250);
}

export interface FleetServiceOptions {
  clusters: readonly ClusterConfig[];
  pollIntervalSeconds: number;
  clientFor: (cluster: ClusterConfig) => ConfluentClient;
  /** Where "stopped flowing at T" is kept across restarts; null keeps it in memory only. */
  staleStore?: StaleSinceStore | null;
}

export class FleetService {
  private readonly snapshots;
  private readonly configs = createCoalescingCache<LinkConfig[]>({ ttlMs: CONFIGS_TTL_MS });
  /** A cluster that goes down keeps its id, so links pointing at it still land on it rather than on an "external" twin. */
  private readonly lastKnownIds = new Map<string, string>();
  private readonly lastKnownHalves = new LastKnownHalves();
  private readonly staleness: StalenessTracker;

  constructor(private readonly options: FleetServiceOptions) {
    this.snapshots = createCoalescingCache<FleetSnapshot>({ ttlMs: cacheTtlMs(options.pollIntervalSeconds) });
    this.staleness = new StalenessTracker(options.staleStore ?? null);
  }

  snapshot(): Promise<FleetSnapshot> {
    return this.snapshots.get("fleet", () => this.read());
  }

  /** After a mutation: the next read goes upstream, link configs included (a config edit must show at once). */
  invalidate(): void {
    this.snapshots.invalidate();
    this.configs.invalidate();
  }

  private async read(): Promise<FleetSnapshot> {
    const readings = await Promise.all(this.options.clusters.map((c) => this.readWithDeadline(c)));
    const byName = new Map(readings.map((r) => [r.observation.name, r]));
    for (const r of readings) if (r.observation.id) this.lastKnownIds.set(r.observation.name, r.observation.id);
    const readAt = Date.now();
    const topology = deriveTopology(
      readings.map((r) => r.observation),
      readings.flatMap((r) => this.lastKnownHalves.halvesFor(r)),
      new Date(readAt),
    );
    const mirrorFlows = this.staleness.update(topology, new Map(readings.map((r) => [r.observation.name, r.mirrors])), readAt);
    return { readings: byName, topology, readAt, mirrorFlows };
  }

  private async readWithDeadline(cluster: ClusterConfig): Promise<ClusterReading> {
    const lastKnownId = cluster.id ?? this.lastKnownIds.get(cluster.name) ?? null;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<ClusterReading>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({
          observation: {
            name: cluster.name,
            id: lastKnownId,
            displayName: cluster.displayName ?? cluster.name,
            network: cluster.network ?? null,
            region: cluster.region ?? null,
            status: "unreachable",
            error: `${cluster.name} did not answer within ${(cluster.timeoutMs / 1000).toFixed(1)} s (timeoutMs in the config).`,
          },
          halves: [],
          links: new Map(),
          mirrors: null,
        });
      }, cluster.timeoutMs + DEADLINE_GRACE_MS);
    });
    try {
      return await Promise.race([
        readCluster(cluster, this.options.clientFor(cluster), {
          lastKnownId,
          configsCache: (key, load) => this.configs.get(key, load),
          signal: controller.signal,
        }),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

// Next bundles instrumentation (which starts the lag sampler) apart from the routes, each with its own copy of this
// module; keeping the instance on globalThis gives the sampler and the pages one cache and one set of in-flight reads.
const SERVICE_KEY = Symbol.for("linkscope.fleet-service");

export function fleetService(): FleetService {
  const holder = globalThis as typeof globalThis & { [SERVICE_KEY]?: FleetService };
  if (!holder[SERVICE_KEY]) {
    const { clusters, pollIntervalSeconds } = getConfig();
    // The history store keeps when things stopped flowing across restarts; opened on first use, like the sampler's.
    const staleStore: StaleSinceStore = {
      loadStaleSince: () => historyStore().loadStaleSince(),
      saveStaleSince: (changes) => historyStore().saveStaleSince(changes),
    };
    holder[SERVICE_KEY] = new FleetService({ clusters, pollIntervalSeconds, clientFor, staleStore });
  }
  return holder[SERVICE_KEY];
}
