/**
 * Items 1–3: GET /api/topology on a fresh server (empty caches) against the physical bound of its two dependent
 * round trips, the same snapshot fetched one request after another like a script, and the upstream requests the
 * refresh cost, all measured in the same run.
 */
import { gzipSync } from "node:zlib";
import { z } from "zod";
import type { ScaleFacts } from "../../simulator/scenario/scale";
import type { DashboardFactory } from "../lib/dashboard-handle";
import { coldFormula, perMirrorRequests, refreshFormula } from "../lib/formula";
import { describeFailure, ok, timedFetch } from "../lib/http";
import type { SimulatorHandle } from "../lib/simulator-handle";
import { cpuMs } from "../lib/process-stats";
import { percentile } from "../lib/stats";
import { readCounters, resetCounters, type UpstreamCount } from "../lib/upstream-counters";
import { fetchLikeAScript, physicalBound, type PhysicalBound } from "./sequential-script";

export interface ColdRun {
  coldMs: number;
  /** CPU time the server process spent on the cold read (null when it runs in this process). */
  serverCpuMs: number | null;
  bound: PhysicalBound;
  /** coldMs / bound. */
  boundRatio: number;
  scriptMs: number;
  /** scriptMs / coldMs. */
  scriptRatio: number;
  upstream: UpstreamCount;
  /** The topology answer's JSON, and gzipped as a server would send it to a browser that accepts gzip. */
  answer: { bytes: number; gzipBytes: number };
  /**
   * A second read in the same (now warm) process once the snapshot has expired; configs come from their cache.
   * serverCpuMs is what the server spent from that request until the refreshed snapshot was served (null in-process).
   */
  refresh: { ms: number; serverCpuMs: number | null; upstream: UpstreamCount } | null;
}

export interface ColdOptions {
  runs: number;
  /** Also time a refresh after the snapshot expires (waits one cache period) in the first run. */
  measureRefresh: boolean;
  /** How long the server keeps a snapshot (cacheTtlMs of the poll interval). */
  snapshotTtlMs: number;
  log?: (line: string) => void;
}

const TopologyShape = z.object({ clusters: z.array(z.object({ name: z.string(), status: z.string() })), links: z.array(z.unknown()) });

/** What is wrong with the answer (a cluster not ok, links missing), or null: a wrong answer fast is no result. */
function checkTopology(body: string, facts: ScaleFacts): string | null {
  const t = TopologyShape.parse(JSON.parse(body));
  const down = t.clusters.filter((c) => c.status !== "ok");
  if (down.length > 0) return `clusters not ok in the topology: ${down.map((c) => `${c.name} ${c.status}`).join(", ")}`;
  if (t.links.length !== facts.links) return `the topology has ${t.links.length} links, the scenario ${facts.links}`;
  return null;
}

/** Loads the route's code without touching the fleet (405 for POST), so the cold read measures caches, not module loading. */
async function warmRouteModule(baseUrl: string): Promise<void> {
  await timedFetch(`${baseUrl}/api/topology`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: "{}",
  });
}

async function healthFloor(baseUrl: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) times.push((await timedFetch(`${baseUrl}/api/health`)).ms);
  return percentile(times, 50);
}

function asOfOf(body: string): number {
  try {
    const asOf = (JSON.parse(body) as { asOf?: unknown } | null)?.asOf;
    return typeof asOf === "number" ? asOf : 0;
  } catch {
    return 0;
  }
}

async function waitForNewerTopology(baseUrl: string, than: number): Promise<boolean> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const res = await timedFetch(`${baseUrl}/api/topology`);
    if (ok(res) && asOfOf(res.body) > than) return true;
    // Not faster: every poll is one more full answer served, and the server's CPU is being measured meanwhile.
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

export async function measureColdTopology(
  sim: SimulatorHandle,
  dashboards: DashboardFactory,
  facts: ScaleFacts,
  options: ColdOptions,
): Promise<ColdRun[]> {
  const runs: ColdRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    const dashboard = await dashboards();
    let coldMs: number;
    let serverCpuMs: number | null = null;
    let floorMs: number;
    let upstream: UpstreamCount;
    let refresh: ColdRun["refresh"] = null;
    let answer: ColdRun["answer"];
    try {
      await warmRouteModule(dashboard.baseUrl);
      floorMs = await healthFloor(dashboard.baseUrl);
      await resetCounters(sim.adminUrl);
      const cpuBefore = dashboard.pid === null ? null : cpuMs(dashboard.pid);
      const cold = await timedFetch(`${dashboard.baseUrl}/api/topology`);
      const cpuAfter = dashboard.pid === null ? null : cpuMs(dashboard.pid);
      if (cpuBefore !== null && cpuAfter !== null) serverCpuMs = cpuAfter - cpuBefore;
      if (!ok(cold)) throw new Error(`cold GET /api/topology failed: ${describeFailure(cold)}\n${dashboard.log()}`);
      const wrong = checkTopology(cold.body, facts);
      if (wrong) throw new Error(wrong);
      coldMs = cold.ms;
      answer = { bytes: cold.bytes, gzipBytes: gzipSync(cold.body).length };
      upstream = await readCounters(sim.adminUrl);
      if (options.measureRefresh && i === 0) {
        await new Promise((r) => setTimeout(r, options.snapshotTtlMs + 200));
        await resetCounters(sim.adminUrl);
        const refreshCpuBefore = dashboard.pid === null ? null : cpuMs(dashboard.pid);
        const again = await timedFetch(`${dashboard.baseUrl}/api/topology`);
        if (!ok(again)) throw new Error(`refresh GET /api/topology failed: ${describeFailure(again)}`);
        // Stale-while-revalidate: that answer came from the last reading and started the refresh behind it. Its cost is
        // counted once every cluster's new reading has landed (the topology's asOf moves past the cold one).
        const coldAsOf = asOfOf(cold.body);
        const refreshed = await waitForNewerTopology(dashboard.baseUrl, coldAsOf);
        const refreshCpuAfter = dashboard.pid === null ? null : cpuMs(dashboard.pid);
        const refreshCpu = refreshCpuBefore === null || refreshCpuAfter === null ? null : refreshCpuAfter - refreshCpuBefore;
        refresh = { ms: again.ms, serverCpuMs: refreshCpu, upstream: await readCounters(sim.adminUrl) };
        if (!refreshed) throw new Error("the topology was not refreshed within 30 s of a request after its period");
      }
    } finally {
      await dashboard.stop();
    }
    const script = await fetchLikeAScript(sim.clusters);
    const bound = physicalBound(script.requests, floorMs);
    runs.push({
      coldMs,
      serverCpuMs,
      bound,
      boundRatio: coldMs / bound.boundMs,
      scriptMs: script.totalMs,
      scriptRatio: script.totalMs / coldMs,
      upstream,
      answer,
      refresh,
    });
    options.log?.(
      `  cold run ${i + 1}/${options.runs}: ${coldMs.toFixed(0)} ms (bound ${bound.boundMs.toFixed(0)} ms, server CPU ${serverCpuMs ?? "?"} ms), script ${script.totalMs.toFixed(0)} ms, ${upstream.total} upstream requests`,
    );
  }
  return runs;
}

export interface RequestCountCheck {
  cold: { measured: number; expected: number; formula: string };
  refresh: { measured: number; expected: number; formula: string } | null;
  perMirror: number;
  byRoute: Record<string, number>;
}

export function checkRequestCounts(runs: readonly ColdRun[], facts: ScaleFacts): RequestCountCheck {
  const first = runs[0];
  if (!first) throw new Error("no cold runs");
  const cold = coldFormula(facts);
  const refresh = refreshFormula(facts);
  const r = runs.find((x) => x.refresh)?.refresh ?? null;
  return {
    cold: { measured: first.upstream.total, expected: cold.expected, formula: cold.text },
    refresh: r ? { measured: r.upstream.total, expected: refresh.expected, formula: refresh.text } : null,
    perMirror: Math.max(...runs.map((x) => perMirrorRequests(x.upstream.byRoute)), r ? perMirrorRequests(r.upstream.byRoute) : 0),
    byRoute: first.upstream.byRoute,
  };
}
