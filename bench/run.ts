/**
 * `npm run bench [-- --quick] [--runs N] [--only 1,4] [--no-browser]`: the benchmark of issue 9.
 * Starts the simulator with the generated scale fleet and the production build, measures items 1–8, prints a
 * table and writes bench/results/<timestamp>.json. What each figure means: README, "Performance".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/lib/build-if-needed";
import type { Browser } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../scripts/lib/find-chromium";
import { productionDashboards, writeDashboardConfig, type DashboardFactory, type DashboardHandle } from "./lib/dashboard-handle";
import { runHistoryProcess } from "./lib/history-process";
import { timedFetch } from "./lib/http";
import { startSimulatorProcess, type SimulatorHandle } from "./lib/simulator-handle";
import { measureBigLinkApi } from "./measure/big-link-api";
import { firstLoadJs, PAGES } from "./measure/first-load-js";
import { runLoad } from "./measure/load-test";
import { runSlowClusterLoad } from "./measure/slow-cluster-load";
import { measureMirrorTable, measurePageJs } from "./measure/mirror-table-browser";
import { checkRequestCounts, measureColdTopology } from "./measure/topology-cold";
import { measureTopologyGraph } from "./measure/topology-graph-browser";
import { topLagModeOf } from "./measure/viewers";
import { parseBenchArgs, type BenchSettings } from "./options";
import { renderTable, type Row } from "./report";
import {
  bigLinkRows,
  coldRows,
  firstLoadRows,
  historyRows,
  loadRows,
  pageJsRows,
  slowClusterRows,
  topologyGraphRows,
  type Measurements,
} from "./rows";
import { FULL_SCALE, generateScaleScenario, scaledFleet, type ScaleFacts } from "../simulator/scenario/scale";
import { fourXRows } from "./rows-4x";

/** Item 10's fleet, in multiples of the scale fleet (issue 21). */
const FOUR_X_FACTOR = 4;

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(line);
const pct = (share: number | null) => (share === null ? "?" : `${(share * 100).toFixed(0)} %`);

function snapshotTtlMs(s: BenchSettings): number {
  // lib/server/fleet/fleet-service.ts cacheTtlMs
  return Math.max(1000, s.pollIntervalSeconds * 1000 - 250);
}

async function withDashboard<T>(dashboards: DashboardFactory, work: (d: DashboardHandle) => Promise<T>): Promise<T> {
  const d = await dashboards();
  try {
    return await work(d);
  } finally {
    await d.stop();
  }
}

/** An item that fails is reported and the others still run. */
async function guarded(m: Measurements, item: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`  item ${item} failed: ${message.split("\n")[0]}`);
    m.errors ??= [];
    m.errors.push({ item, message });
  }
}

interface Context {
  s: BenchSettings;
  sim: SimulatorHandle;
  dashboards: DashboardFactory;
  facts: ScaleFacts;
  m: Measurements;
}

async function itemsOneToThree({ s, sim, dashboards, facts, m }: Context): Promise<void> {
  log(`\n[1–3] cold topology, ${s.coldRuns} runs (a fresh server each)`);
  const runs = await measureColdTopology(sim, dashboards, facts, {
    runs: s.coldRuns,
    measureRefresh: true,
    snapshotTtlMs: snapshotTtlMs(s),
    log,
  });
  m.cold = { runs, counts: checkRequestCounts(runs, facts) };
}

async function loadRun({ s, sim, dashboards, facts, m }: Context, i: number): Promise<void> {
  log(
    `\n[4, 7] load run ${i + 1}/${s.loadRuns}: 1 viewer then ${s.viewers}, ${s.loadDurationMs / 1000} s each, polling every ${s.pollIntervalSeconds} s`,
  );
  const run = await withDashboard(dashboards, async (d) => {
    const history =
      (await timedFetch(`${d.baseUrl}/api/history?cluster=${facts.bigLink.cluster}&link=${facts.bigLink.link}`)).status !== 404;
    const intervalMs = s.pollIntervalSeconds * 1000;
    const topLag = await topLagModeOf(d.baseUrl);
    if (topLag === "lists") log("  this build has no /api/mirrors/top-lag: the topology tab asks for the top links' mirror lists");
    return runLoad(
      {
        baseUrl: d.baseUrl,
        adminUrl: sim.adminUrl,
        pid: d.pid,
        simulatorPid: sim.pid,
        intervalMs,
        durationMs: s.loadDurationMs,
        watched: facts.bigLink,
        history,
        topLag,
      },
      s.viewers,
    );
  });
  log(
    `  upstream ${run.single.upstreamPerSecond.toFixed(1)}/s → ${run.many.upstreamPerSecond.toFixed(1)}/s (${run.upstreamRatio.toFixed(2)}×), 1 viewer p50 ${run.single.p50Ms.toFixed(0)} ms, p95 ${run.single.p95Ms.toFixed(0)} ms; ${s.viewers} viewers p50 ${run.many.p50Ms.toFixed(0)} ms, p95 ${run.many.p95Ms.toFixed(0)} ms, ${run.many.errors} errors of ${run.many.requests}, peak RSS ${run.peakRssMb?.toFixed(0) ?? "?"} MB; CPU server ${pct(run.many.serverCpuShare)}, simulator ${pct(run.many.simulatorCpuShare)}, viewers ${pct(run.many.clientCpuShare)} of a core`,
  );
  m.load ??= [];
  m.load.push(run);
}

async function slowClusterRun({ s, sim, dashboards, facts, m }: Context, i: number): Promise<void> {
  // The slow cluster is one that hosts neither the watched link nor a half of it: the pages watched are about healthy clusters.
  const slow = facts.halves.map((h) => h.cluster).find((c) => c !== facts.bigLink.cluster) ?? facts.bigLink.cluster;
  log(
    `\n[8] load run ${i + 1}/${s.loadRuns}: ${s.viewers} viewers for ${s.loadDurationMs / 1000} s while ${slow} answers every REST call in 4 s`,
  );
  const run = await withDashboard(dashboards, async (d) => {
    const history =
      (await timedFetch(`${d.baseUrl}/api/history?cluster=${facts.bigLink.cluster}&link=${facts.bigLink.link}`)).status !== 404;
    const topLag = await topLagModeOf(d.baseUrl);
    const o = {
      baseUrl: d.baseUrl,
      adminUrl: sim.adminUrl,
      pid: d.pid,
      simulatorPid: sim.pid,
      intervalMs: s.pollIntervalSeconds * 1000,
      durationMs: s.loadDurationMs,
      watched: facts.bigLink,
      history,
      topLag,
    };
    return runSlowClusterLoad(o, s.viewers, slow, FULL_SCALE.latencyMs);
  });
  log(`  p50 ${run.many.p50Ms.toFixed(0)} ms, p95 ${run.many.p95Ms.toFixed(0)} ms, ${run.many.errors} errors of ${run.many.requests}`);
  m.slowClusterLoad ??= [];
  m.slowClusterLoad.push(run);
}

async function browserItems({ s, facts, m }: Context, browser: Browser, baseUrl: string): Promise<void> {
  if (s.items.has(5)) {
    const url = `${baseUrl}/clusters/${encodeURIComponent(facts.bigLink.cluster)}/links/${encodeURIComponent(facts.bigLink.link)}`;
    if ((await timedFetch(url)).status === 404) log("  the link page does not exist in this build: table figures skipped");
    else {
      m.mirrorTable = [];
      for (let i = 0; i < s.browserRuns; i++) {
        const run = await measureMirrorTable(browser, url);
        log(
          `  run ${i + 1}/${s.browserRuns}: first rows ${run.firstRowsMs.toFixed(0)} ms, max ${run.maxDomRows} mirror rows in the DOM (${run.maxPageRows} table rows in the page), ${run.rowsSeen}/${run.rowCount} rows seen`,
        );
        m.mirrorTable.push(run);
      }
    }
  }
  if (s.items.has(7)) m.pageJs = await measurePageJs(browser, `${baseUrl}/`);
  if (s.items.has(9)) {
    m.topologyGraph = [];
    for (let i = 0; i < s.browserRuns; i++) {
      const run = await measureTopologyGraph(browser, baseUrl);
      log(
        `  graph run ${i + 1}/${s.browserRuns}: answer → graph ${run.firstGraphMs.toFixed(0)} ms, open a group ${run.openGroupMs.toFixed(0)} ms (${run.cards} cards, ${run.labels} labels), panning ${run.panFps.toFixed(0)} fps`,
      );
      m.topologyGraph.push(run);
    }
  }
}

async function itemFive(ctx: Context): Promise<void> {
  const { s, dashboards, facts, m } = ctx;
  log(
    `\n[5, 7, 9] the ${facts.bigLink.mirrors}-mirror link ${facts.bigLink.cluster}/${facts.bigLink.link}${s.browser ? " and Chromium" : ""}`,
  );
  await withDashboard(dashboards, async (d) => {
    if (s.items.has(5)) {
      m.bigLinkApi = await measureBigLinkApi({
        baseUrl: d.baseUrl,
        ...facts.bigLink,
        cachedRuns: s.bigLinkCachedRuns,
        freshRuns: s.bigLinkFreshRuns,
        snapshotTtlMs: snapshotTtlMs(s),
      });
      log(`  /mirrors cached ${m.bigLinkApi.cachedMs.median.toFixed(0)} ms, fresh ${m.bigLinkApi.freshMs.median.toFixed(0)} ms`);
    }
    const executablePath = s.browser ? findChromium() : null;
    if (s.browser && !executablePath) log("  no Chromium found (set CHROMIUM_PATH or run npm run ensure-browser): browser figures skipped");
    if (!executablePath) return;
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      await browserItems(ctx, browser, d.baseUrl);
    } finally {
      await browser.close();
    }
  });
}

async function itemSix({ s, m }: Context): Promise<void> {
  log(`\n[6] history sampler: ${s.historySamples} samples at 15 s, ${s.historyQueryHours} h query (own process)`);
  m.history = await runHistoryProcess(root, { samples: s.historySamples, queryHours: s.historyQueryHours, queryRuns: s.historyQueryRuns });
}

/**
 * Item 10: the fleet four times larger, on a simulator of its own (started after the other items' one has stopped):
 * the cold read and a refresh with its CPU (items 1–3's code), 50 viewers with peak RSS (item 4's), and the
 * topology page drawn in Chromium (item 9's first figure).
 */
async function itemTen(s: BenchSettings, m: Measurements): Promise<void> {
  const options = scaledFleet(FOUR_X_FACTOR);
  const { scenario, facts } = generateScaleScenario(options);
  log(
    `\n[10] the fleet ×${FOUR_X_FACTOR}: ${facts.clusters} clusters, ${facts.links} links, ${facts.mirrors} mirrors × ${options.partitions} partitions = ${facts.mirrorPartitions}`,
  );
  const workDir = mkdtempSync(path.join(tmpdir(), "linkscope-bench-4x-"));
  const sim = await startSimulatorProcess({ root, scenario, workDir });
  log(`  simulator ready in ${(sim.startMs / 1000).toFixed(1)} s`);
  const fourX: Measurements = {};
  m.fourX = fourX;
  try {
    const configFile = writeDashboardConfig({ simulatorConfigYaml: sim.configYaml, workDir, pollIntervalSeconds: s.pollIntervalSeconds });
    const ctx: Context = { s, sim, dashboards: productionDashboards({ root, configFile }), facts, m: fourX };
    await guarded(fourX, "10 cold", () => itemsOneToThree(ctx));
    for (let i = 0; i < s.loadRuns; i++) await guarded(fourX, "10 load", () => loadRun(ctx, i));
    if (s.browser) await guarded(fourX, "10 graph", () => topologyGraphItem(ctx));
  } finally {
    await sim.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  if (fourX.errors) m.errors = [...(m.errors ?? []), ...fourX.errors];
}

async function topologyGraphItem({ s, dashboards, m }: Context): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) return log("  no Chromium found: the topology page's figures skipped");
  await withDashboard(dashboards, async (d) => {
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      m.topologyGraph = [];
      for (let i = 0; i < s.browserRuns; i++) {
        const run = await measureTopologyGraph(browser, d.baseUrl);
        log(`  graph run ${i + 1}/${s.browserRuns}: answer → graph ${run.firstGraphMs.toFixed(0)} ms`);
        m.topologyGraph.push(run);
      }
    } finally {
      await browser.close();
    }
  });
}

async function measureAll(s: BenchSettings, sim: SimulatorHandle, dashboards: DashboardFactory, facts: ScaleFacts): Promise<Measurements> {
  const ctx: Context = { s, sim, dashboards, facts, m: {} };
  const { m } = ctx;
  if (s.items.has(1) || s.items.has(2) || s.items.has(3)) await guarded(m, "1–3", () => itemsOneToThree(ctx));
  if (s.items.has(4) || s.items.has(7)) for (let i = 0; i < s.loadRuns; i++) await guarded(m, "4", () => loadRun(ctx, i));
  if (s.items.has(8)) for (let i = 0; i < s.loadRuns; i++) await guarded(m, "8", () => slowClusterRun(ctx, i));
  if (s.items.has(5) || s.items.has(7) || s.items.has(9)) await guarded(m, "5", () => itemFive(ctx));
  if (s.items.has(6)) await guarded(m, "6", () => itemSix(ctx));
  if (s.items.has(7))
    await guarded(m, "7", async () => {
      m.firstLoadJs = firstLoadJs(path.join(root, ".next"), "/");
      m.pagesJs = PAGES.map((route) => firstLoadJs(path.join(root, ".next"), route));
    });
  return m;
}

function rowsOf(m: Measurements, s: BenchSettings, facts: ScaleFacts): Row[] {
  const rows: Row[] = [];
  if (m.cold) rows.push(...coldRows(m.cold));
  if (m.load && m.load.length > 0) rows.push(...loadRows(m.load, s.viewers).filter((r) => s.items.has(Number(r.item))));
  if (m.slowClusterLoad && m.slowClusterLoad.length > 0) rows.push(...slowClusterRows(m.slowClusterLoad, s.viewers));
  if (s.items.has(5)) rows.push(...bigLinkRows(m.bigLinkApi, m.mirrorTable, facts.bigLink.mirrors));
  if (m.history) rows.push(...historyRows(m.history));
  if (m.firstLoadJs) rows.push(...firstLoadRows(m.firstLoadJs, m.pageJs));
  if (m.pagesJs) rows.push(...pageJsRows(m.pagesJs));
  if (m.topologyGraph) rows.push(...topologyGraphRows(m.topologyGraph));
  if (m.fourX) rows.push(...fourXRows(m.fourX, m, s.viewers, FOUR_X_FACTOR));
  return rows.sort((a, b) => Number(a.item) - Number(b.item));
}

/** Items 1–9, on the scale fleet. */
async function measureScaleFleet(settings: BenchSettings): Promise<Measurements> {
  const { scenario, facts } = generateScaleScenario(FULL_SCALE);
  const workDir = mkdtempSync(path.join(tmpdir(), "linkscope-bench-"));
  log(
    `scale fleet: ${facts.clusters} clusters, ${facts.links} links (${facts.halves.length} halves), ${facts.mirrors} mirrors × ${FULL_SCALE.partitions} partitions = ${facts.mirrorPartitions}, ${FULL_SCALE.latencyMs} ms per REST answer${settings.quick ? " (quick mode)" : ""}`,
  );
  const sim = await startSimulatorProcess({ root, scenario, workDir });
  log(`simulator ready in ${(sim.startMs / 1000).toFixed(1)} s`);
  try {
    const configFile = writeDashboardConfig({
      simulatorConfigYaml: sim.configYaml,
      workDir,
      pollIntervalSeconds: settings.pollIntervalSeconds,
    });
    return await measureAll(settings, sim, productionDashboards({ root, configFile }), facts);
  } finally {
    await sim.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const settings = parseBenchArgs(process.argv.slice(2));
  const startedAt = new Date();
  const load = { start: loadavg()[0] ?? 0, end: 0 };
  buildIfNeeded(root);
  const { facts } = generateScaleScenario(FULL_SCALE);
  const measurements: Measurements = [...settings.items].some((i) => i !== 10) ? await measureScaleFleet(settings) : {};
  if (settings.items.has(10)) await itemTen(settings, measurements);
  load.end = loadavg()[0] ?? 0;

  const rows = rowsOf(measurements, settings, facts);
  console.log(`\n${renderTable(rows)}`);
  for (const e of measurements.errors ?? []) log(`item ${e.item} failed: ${e.message}`);
  const results = path.join(root, "bench", "results");
  mkdirSync(results, { recursive: true });
  const file = path.join(results, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  const machine = { cpus: cpus().length, node: process.version, loadAverage: load };
  const { items, ...rest } = settings;
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt, finishedAt: new Date(), settings: { ...rest, items: [...items] }, machine, scale: { ...FULL_SCALE, ...facts, halves: facts.halves.length }, rows, measurements }, null, 2)}\n`,
  );
  log(
    `\nmachine: ${machine.cpus} cores, load average ${load.start.toFixed(1)} → ${load.end.toFixed(1)} (other work on the machine shows up in every figure)`,
  );
  log(`results: ${path.relative(root, file)}`);
  const missed = rows.filter((r) => r.target?.met === false).length;
  log(missed ? `${missed} target(s) missed` : "every measured target met");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(2);
  },
);
