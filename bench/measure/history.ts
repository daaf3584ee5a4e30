/**
 * Item 6: the lag-history sampler and store at fleet scale (folded in from the history engineer's
 * bench/history-sampler.ts). The real HistorySampler is fed snapshots shaped exactly like the scale fleet (every
 * mirror-hosting half with its mirrors and partitions, lags that wander with occasional spikes) every simulated
 * 15 s, with an injected clock, so nothing sleeps:
 *   - CPU per sample (record + downsampling + retention; the snapshot itself is the fleet service's work, shared
 *     with the pages and measured by items 1 and 4) as a share of one core at the 15 s interval;
 *   - database growth per simulated hour (file size after a WAL checkpoint);
 *   - the link page's 24 h history query (the route's own input parsing and default step, top 10 mirror series)
 *     for the big link and an ordinary one. The 23 h before the live hour are filled at one sample a simulated
 *     minute (the same one-minute buckets the sampler would have made) for the queried links only: rows are
 *     keyed by link first, so other links' history does not change what one link's query reads.
 * Imports lib/server, so it runs where "server-only" resolves (vitest, or node --conditions=react-server).
 */
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { MirrorTopic } from "@/lib/confluent/types";
import { aHalf } from "@/lib/domain/testing/observations";
import type { FleetSnapshot } from "@/lib/server/fleet/fleet-service";
import { NO_MIRROR_LAGS } from "@/lib/server/fleet/lag-tracker";
import { MirrorIndex } from "@/lib/server/fleet/mirror-index";
import type { ClusterReading } from "@/lib/server/fleet/read-cluster";
import type { HalfFacts, ScaleFacts } from "../../simulator/scenario/scale";
import { percentile, spread, type Spread } from "../lib/stats";
import { required } from "@/lib/domain/required";

const INTERVAL_MS = 15_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface HistoryBenchOptions {
  facts: ScaleFacts;
  partitions: number;
  /** Samples at the 15 s interval with the whole fleet (240 = one simulated hour). */
  liveSamples: number;
  /** Hours the history query spans (older hours are filled for the queried links). */
  queryHours: number;
  queryRuns: number;
  /** A scratch directory (removed afterwards). */
  dir: string;
  log?: (line: string) => void;
}

export interface HistoryQueryResult {
  link: string;
  mirrors: number;
  ms: Spread;
  points: number;
  stepSeconds: number;
}

export interface HistoryBenchResult {
  partitions: number;
  mirrors: number;
  links: number;
  samples: number;
  cpuPerSampleMs: { mean: number; p50: number; p95: number; max: number };
  /** Mean CPU per sample / interval. */
  coreShare: number;
  dbGrowthMbPerHour: number;
  dbSizeMb: number;
  queryHours: number;
  queries: HistoryQueryResult[];
}

/** Deterministic lags and offsets for every partition of the fleet, advanced one sample at a time. */
class SyntheticFleet {
  private seed = 42;
  private readonly offsets: Float64Array;
  private readonly lags: Float64Array;

  constructor(
    private readonly halves: readonly HalfFacts[],
    private readonly partitions: number,
  ) {
    const total = halves.reduce((n, h) => n + h.mirrors, 0) * partitions;
    this.offsets = new Float64Array(total).fill(5_000_000_000);
    this.lags = new Float64Array(total);
  }

  private random(): number {
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return this.seed / 2 ** 31;
  }

  /** The next snapshot, restricted to `only` (link names) when given; the others keep their state. */
  snapshotAt(ts: number, only?: ReadonlySet<string>): FleetSnapshot {
    const readings = new Map<string, ClusterReading>();
    let k = 0;
    for (const half of this.halves) {
      const skip = only !== undefined && !only.has(half.link);
      const mirrors: MirrorTopic[] = [];
      for (let m = 0; m < half.mirrors; m++) {
        const lags = [];
        for (let p = 0; p < this.partitions; p++, k++) {
          if (skip) continue;
          this.offsets[k] = required(this.offsets[k], "the partition offset") + 900 + Math.floor(this.random() * 200);
          this.lags[k] =
            this.random() < 0.001
              ? 50_000
              : Math.max(0, required(this.lags[k], "the partition lag") + Math.floor(this.random() * 200) - 100);
          lags.push({
            partition: p,
            lag: required(this.lags[k], "the partition lag"),
            lastSourceFetchOffset: required(this.offsets[k], "the partition offset"),
          });
        }
        if (skip) continue;
        const name = `${half.link}.t${String(m + 1).padStart(4, "0")}`;
        mirrors.push({
          linkName: half.link,
          mirrorTopicName: name,
          sourceTopicName: name,
          numPartitions: this.partitions,
          mirrorStatus: "ACTIVE",
          mirrorTopicError: null,
          stateTimeMs: 0,
          lags,
          stateTransitionErrors: null,
        });
      }
      if (skip || !half.hostsMirrors) continue;
      let reading = readings.get(half.cluster);
      if (!reading) {
        reading = {
          observation: {
            name: half.cluster,
            id: `id-${half.cluster}`,
            displayName: half.cluster,
            network: null,
            region: null,
            status: "ok",
            error: null,
            problems: [],
            asOf: ts,
            latencyMs: null,
            lastOkAt: ts,
          },
          halves: [],
          links: new Map(),
          mirrors: [],
        };
        readings.set(half.cluster, reading);
      }
      reading.halves.push(
        aHalf({
          cluster: half.cluster,
          linkName: half.link,
          clusterLinkId: `link-id-${half.link}`,
          sourceClusterId: "source",
          topicNames: mirrors.map((mm) => mm.mirrorTopicName),
        }),
      );
      required(reading.mirrors, "the reading's mirrors").push(...mirrors);
    }
    return {
      readings,
      topology: {
        generatedAt: new Date(ts).toISOString(),
        asOf: ts,
        clusters: [],
        links: [],
        coverage: { hostingHalves: 0, unreadHalves: 0, staleHalves: 0, unreadClusters: 0 },
      },
      readAt: ts,
      mirrorFlows: new MirrorIndex(),
      mirrorLags: NO_MIRROR_LAGS,
    };
  }
}

export async function measureHistory(o: HistoryBenchOptions): Promise<HistoryBenchResult> {
  const { HistoryStore } = await import("@/lib/server/history/store");
  const { HistorySampler } = await import("@/lib/server/history/sampler");
  const { SqliteHistoryBackend } = await import("@/lib/server/history/sqlite-backend");
  const { HistoryQueryInputSchema, resolveHistoryQuery } = await import("@/lib/server/history/query-input");

  mkdirSync(o.dir, { recursive: true });
  const file = path.join(o.dir, "history.db");
  const end = Date.UTC(2026, 10, 21, 12, 0, 0);
  const liveStart = end - o.liveSamples * INTERVAL_MS;
  const fillStart = end - o.queryHours * HOUR_MS;
  let clock = fillStart;
  const store = new HistoryStore({ file, retention: { rawMs: 6 * HOUR_MS, downsampledMs: 7 * 24 * HOUR_MS }, now: () => clock });
  try {
    const fleet = new SyntheticFleet(o.facts.halves, o.partitions);
    const queried = [o.facts.bigLink, o.facts.typicalLink];
    const queriedNames = new Set(queried.map((l) => l.link));
    let next = fleet.snapshotAt(clock);
    const sampler = new HistorySampler({ snapshot: async () => next, sink: store, intervalMs: INTERVAL_MS, now: () => clock });
    const sampleAt = async (ts: number, only?: ReadonlySet<string>): Promise<number> => {
      clock = ts;
      next = fleet.snapshotAt(ts, only);
      const before = process.cpuUsage();
      const outcome = await sampler.sampleOnce();
      const used = process.cpuUsage(before);
      if (outcome.status !== "recorded") throw new Error(`sample at ${new Date(ts).toISOString()} was ${outcome.status}`);
      return (used.user + used.system) / 1000;
    };
    const dbBytes = () => {
      store.database.pragma("wal_checkpoint(TRUNCATE)");
      return statSync(file).size;
    };

    const fillStarted = performance.now();
    for (let ts = fillStart; ts < liveStart - MINUTE_MS; ts += MINUTE_MS) await sampleAt(ts, queriedNames);
    o.log?.(
      `  history: filled ${((liveStart - fillStart) / HOUR_MS).toFixed(1)} h for the queried links in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`,
    );
    const before = dbBytes();

    const cpu: number[] = [];
    for (let i = 0; i < o.liveSamples; i++) cpu.push(await sampleAt(liveStart + i * INTERVAL_MS));
    const after = dbBytes();
    const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    const liveHours = (o.liveSamples * INTERVAL_MS) / HOUR_MS;

    const backend = new SqliteHistoryBackend(store);
    const queries: HistoryQueryResult[] = [];
    for (const link of queried) {
      // What the link page asks for its chart: the range, the route's default step, the top 10 mirror series.
      const input = HistoryQueryInputSchema.parse({
        cluster: link.cluster,
        link: link.link,
        from: String(clock - o.queryHours * HOUR_MS),
        to: String(clock),
        top: "10",
      });
      const q = resolveHistoryQuery(input, {
        now: clock,
        minStepSeconds: INTERVAL_MS / 1000,
        defaultMirrorMetrics: backend.defaultMirrorMetrics,
      });
      const times: number[] = [];
      let points = 0;
      for (let i = 0; i < o.queryRuns; i++) {
        const t = performance.now();
        const series = await backend.query(q);
        times.push(performance.now() - t);
        points = series.reduce((n, s) => n + s.points.length, 0);
      }
      queries.push({
        link: `${link.cluster}/${link.link}`,
        mirrors: link.mirrors,
        ms: spread(times),
        points,
        stepSeconds: q.stepMs / 1000,
      });
    }
    return {
      partitions: o.facts.mirrorPartitions,
      mirrors: o.facts.mirrors,
      links: o.facts.halves.filter((h) => h.hostsMirrors).length,
      samples: o.liveSamples,
      cpuPerSampleMs: { mean, p50: percentile(cpu, 50), p95: percentile(cpu, 95), max: Math.max(...cpu) },
      coreShare: mean / INTERVAL_MS,
      dbGrowthMbPerHour: (after - before) / 1e6 / liveHours,
      dbSizeMb: after / 1e6,
      queryHours: o.queryHours,
      queries,
    };
  } finally {
    store.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
}
