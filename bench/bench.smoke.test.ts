import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ScenarioSchema } from "@/simulator/scenario/schema";
import { writeDashboardConfig, type DashboardFactory } from "./lib/dashboard-handle";
import { startSimulatorInProcess, type SimulatorHandle } from "./lib/simulator-handle";
import { percentile, spread } from "./lib/stats";
import { measureBigLinkApi } from "./measure/big-link-api";
import { firstLoadJs } from "./measure/first-load-js";
import { measureHistory } from "./measure/history";
import { runLoad } from "./measure/load-test";
import { runSlowClusterLoad } from "./measure/slow-cluster-load";
import { checkRequestCounts, measureColdTopology } from "./measure/topology-cold";
import { renderMarkdown, renderTable } from "./report";
import { bigLinkRows, coldRows, historyRows, loadRows, slowClusterRows } from "./rows";
import { FULL_SCALE, generateScaleScenario, scaledFleet, TINY_SCALE } from "../simulator/scenario/scale";
import { startRouteServer, type Handler, type RouteModule } from "./smoke/route-server";

// The benchmark's own code on a tiny fleet with very short durations, so `npm test` keeps it from rotting. Only
// sanity is asserted here (counts add up, figures are positive and finite): performance targets live in the full
// bench (`npm run bench`), never in a unit test.

const POLL_SECONDS = 1;
const TTL_MS = 1000; // cacheTtlMs(1)
const tiny = generateScaleScenario(TINY_SCALE);
let sim: SimulatorHandle;
let dir: string;

/** A "fresh server": the app's route modules loaded anew (empty caches), behind a plain HTTP server. */
const dashboards: DashboardFactory = async () => {
  vi.resetModules();
  const mod = async (p: Promise<Record<string, unknown>>) => {
    const m = await p;
    return Object.fromEntries(["GET", "POST"].filter((k) => typeof m[k] === "function").map((k) => [k, m[k] as Handler]));
  };
  const routes: RouteModule[] = [
    { path: "/api/health", methods: await mod(import("@/app/api/health/route")) },
    { path: "/api/topology", methods: await mod(import("@/app/api/topology/route")) },
    { path: "/api/clusters", methods: await mod(import("@/app/api/clusters/route")) },
    { path: "/api/mirrors/top-lag", methods: await mod(import("@/app/api/mirrors/top-lag/route")) },
    { path: "/api/history", methods: await mod(import("@/app/api/history/route")) },
    { path: "/api/clusters/[cluster]/links/[link]", methods: await mod(import("@/app/api/clusters/[cluster]/links/[link]/route")) },
    {
      path: "/api/clusters/[cluster]/links/[link]/mirrors",
      methods: await mod(import("@/app/api/clusters/[cluster]/links/[link]/mirrors/route")),
    },
  ];
  const server = await startRouteServer(routes);
  return { baseUrl: server.baseUrl, pid: null, stop: () => server.stop(), log: () => "" };
};

beforeAll(async () => {
  sim = await startSimulatorInProcess(tiny.scenario);
  dir = mkdtempSync(path.join(tmpdir(), "linkscope-bench-smoke-"));
  process.env.LINKSCOPE_CONFIG = writeDashboardConfig({
    simulatorConfigYaml: sim.configYaml,
    workDir: dir,
    pollIntervalSeconds: POLL_SECONDS,
  });
});

afterAll(async () => {
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the scale scenario", () => {
  it("has the issue's shape at full scale: 24 clusters, 96 links of three kinds, 9,600 × 6 = 57,600 mirror partitions", () => {
    const { scenario, facts } = generateScaleScenario(FULL_SCALE);
    expect(ScenarioSchema.safeParse(scenario).success).toBe(true);
    expect(facts).toMatchObject({ clusters: 24, links: 96, mirrors: 9_600, mirrorPartitions: 57_600 });
    expect(facts.linksByKind).toEqual({ "destination-initiated": 32, "source-initiated": 32, bidirectional: 32 });
    expect(facts.halves.reduce((n, h) => n + h.mirrors, 0)).toBe(9_600);
    expect(facts.bigLink.mirrors).toBe(2_000);
    expect(scenario.faults?.http?.every((f) => f.latencyMs === 20)).toBe(true);
    expect(scenario.faults?.http).toHaveLength(24);
  });

  it("grows four times with scaledFleet(4): 96 clusters, 384 links, 38,400 × 6 = 230,400 mirror partitions", () => {
    expect(scaledFleet(1)).toEqual(FULL_SCALE);
    const { scenario, facts } = generateScaleScenario(scaledFleet(4));
    expect(ScenarioSchema.safeParse(scenario).success).toBe(true);
    expect(facts).toMatchObject({ clusters: 96, links: 384, mirrors: 38_400, mirrorPartitions: 230_400 });
    expect(facts.halves.reduce((n, h) => n + h.mirrors, 0)).toBe(38_400);
    expect(new Set(scenario.clusters.map((c) => c.name)).size).toBe(96);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(generateScaleScenario(TINY_SCALE).scenario)).toBe(JSON.stringify(tiny.scenario));
  });

  it("starts healthy: every link half of the tiny fleet is ACTIVE with its mirrors", async () => {
    const c = sim.clusters.find((x) => x.name === tiny.facts.bigLink.cluster)!;
    const auth = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;
    const res = await fetch(`${c.restUrl}/kafka/v3/clusters/${c.id}/links/${tiny.facts.bigLink.link}/mirrors`, {
      headers: { authorization: auth },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(tiny.facts.bigLink.mirrors);
  });
});

describe("items 1–3: cold topology, the script baseline, upstream requests", () => {
  it("measures a cold read, its bound and the script, and the request counts equal their formulas", async () => {
    const runs = await measureColdTopology(sim, dashboards, tiny.facts, { runs: 1, measureRefresh: true, snapshotTtlMs: TTL_MS });
    const [run] = runs;
    expect(run!.coldMs).toBeGreaterThan(0);
    expect(run!.bound.boundMs).toBeGreaterThan(run!.bound.floorMs);
    expect(run!.scriptMs).toBeGreaterThan(0);
    expect(Number.isFinite(run!.boundRatio) && Number.isFinite(run!.scriptRatio)).toBe(true);
    const counts = checkRequestCounts(runs, tiny.facts);
    expect(counts.cold.measured).toBe(counts.cold.expected);
    expect(counts.refresh?.measured).toBe(counts.refresh?.expected);
    expect(counts.perMirror).toBe(0);
    expect(renderTable(coldRows({ runs, counts }))).toMatch(/cold ÷ bound/);
  });
});

describe("item 4: viewers", () => {
  it("runs one and several viewers and reports rates, latencies and no errors", async () => {
    const d = await dashboards();
    try {
      const run = await runLoad(
        {
          baseUrl: d.baseUrl,
          adminUrl: sim.adminUrl,
          pid: null,
          simulatorPid: null,
          intervalMs: 400,
          durationMs: 1200,
          watched: tiny.facts.bigLink,
          history: true,
          topLag: "endpoint",
        },
        3,
      );
      expect(run.single.errorSamples).toEqual([]);
      expect(run.many.errorSamples).toEqual([]);
      expect(run.many.requests).toBeGreaterThan(run.single.requests);
      expect(run.single.upstreamRequests).toBeGreaterThan(0);
      expect(run.upstreamRatio).toBeGreaterThan(0);
      expect(run.many.p95Ms).toBeGreaterThanOrEqual(run.many.p50Ms);
      expect(Object.keys(run.many.byRoute)).toEqual(expect.arrayContaining(["topology", "top-lag", "link", "link mirrors", "history"]));
      expect(renderTable(loadRows([run], 3))).toMatch(/3 viewers ÷ 1 viewer/);
    } finally {
      await d.stop();
    }
  });
});

describe("item 8: viewers while one cluster is slow", () => {
  it("slows one cluster, waits until the dashboard reports it slow, runs the viewers and puts the latency back", async () => {
    const d = await dashboards();
    const slow = tiny.facts.halves.map((h) => h.cluster).find((c) => c !== tiny.facts.bigLink.cluster)!;
    try {
      const run = await runSlowClusterLoad(
        {
          baseUrl: d.baseUrl,
          adminUrl: sim.adminUrl,
          pid: null,
          simulatorPid: null,
          intervalMs: 400,
          durationMs: 1200,
          watched: tiny.facts.bigLink,
          history: true,
          topLag: "endpoint",
        },
        3,
        slow,
        TINY_SCALE.latencyMs,
        600,
      );
      expect(run.many.errorSamples).toEqual([]);
      expect(run.many.p95Ms).toBeGreaterThanOrEqual(run.many.p50Ms);
      expect(renderTable(slowClusterRows([run], 3))).toMatch(/one cluster answering in 1 s|one cluster answering in 0 s|answering in/);
      const state = (await (await fetch(`${sim.adminUrl}/`)).json()) as { clusters: { name: string; faults: { latencyMs?: number } }[] };
      expect(state.clusters.find((c) => c.name === slow)?.faults.latencyMs ?? 0).toBe(TINY_SCALE.latencyMs);
    } finally {
      await d.stop();
    }
  });
});

describe("item 5: the big link's mirrors", () => {
  it("reads every mirror, cached and fresh", async () => {
    const d = await dashboards();
    try {
      const api = await measureBigLinkApi({
        baseUrl: d.baseUrl,
        ...tiny.facts.bigLink,
        cachedRuns: 2,
        freshRuns: 1,
        snapshotTtlMs: TTL_MS,
      });
      expect(api.mirrors).toBe(tiny.facts.bigLink.mirrors);
      expect(api.cachedMs.runs).toBe(2);
      expect(api.freshMs.median).toBeGreaterThan(0);
      expect(renderTable(bigLinkRows(api, undefined, tiny.facts.bigLink.mirrors))).toMatch(/not measured/);
    } finally {
      await d.stop();
    }
  });
});

describe("item 6: history sampler", () => {
  it("samples the fleet's shape, reports CPU share, growth and the link queries", async () => {
    const h = await measureHistory({
      facts: tiny.facts,
      partitions: TINY_SCALE.partitions,
      liveSamples: 8,
      queryHours: 1,
      queryRuns: 1,
      dir: path.join(dir, "history"),
    });
    expect(h.partitions).toBe(tiny.facts.mirrorPartitions);
    expect(h.coreShare).toBeGreaterThan(0);
    expect(h.dbGrowthMbPerHour).toBeGreaterThan(0);
    expect(h.queries.map((q) => q.link)).toEqual([tiny.facts.bigLink, tiny.facts.typicalLink].map((l) => `${l.cluster}/${l.link}`));
    expect(h.queries.every((q) => q.points > 0)).toBe(true);
    expect(renderMarkdown(historyRows(h))).toMatch(/CPU share of one core/);
  });
});

describe("item 7: first-load JavaScript from a build's manifests", () => {
  it("sums the root main files and the page's and layout's client chunks once each, polyfills apart", () => {
    const dist = path.join(dir, "dist");
    mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
    mkdirSync(path.join(dist, "server", "app"), { recursive: true });
    const file = (name: string, bytes: number) => writeFileSync(path.join(dist, "static", "chunks", name), "x".repeat(bytes));
    file("main.js", 1000);
    file("layout.js", 300);
    file("page.js", 200);
    file("other-page.js", 5000);
    file("polyfill.js", 700);
    writeFileSync(
      path.join(dist, "build-manifest.json"),
      JSON.stringify({ rootMainFiles: ["static/chunks/main.js"], polyfillFiles: ["static/chunks/polyfill.js"] }),
    );
    const entry = {
      "[project]/app/layout": ["static/chunks/main.js", "static/chunks/layout.js"],
      "[project]/app/page": ["static/chunks/layout.js", "static/chunks/page.js"],
      "[project]/app/x/page": ["static/chunks/other-page.js"],
    };
    writeFileSync(
      path.join(dist, "server", "app", "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST["/page"] = ${JSON.stringify({ clientModules: {}, entryJSFiles: entry })};`,
    );
    const js = firstLoadJs(dist, "/");
    expect(js).toMatchObject({ files: 3, rawBytes: 1500, source: "client-reference-manifest" });
    expect(js.gzipBytes).toBeGreaterThan(0);
    expect(js.polyfillGzipBytes).toBeGreaterThan(0);
  });
});

describe("statistics", () => {
  it("median, min, max and interpolated percentiles", () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
    expect(percentile([0, 10], 95)).toBeCloseTo(9.5);
    expect(spread([]).runs).toBe(0);
  });
});
