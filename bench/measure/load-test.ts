/**
 * Item 4 (and item 7's peak RSS): many viewers polling the topology and one link page. The upstream request rate
 * with N viewers is compared with one viewer over the same duration in the same run; latencies and errors are
 * those of every request the N viewers made.
 */
import { ok, describeFailure } from "../lib/http";
import { peakRssMb, rssMb, cpuMs } from "../lib/process-stats";
import { percentile } from "../lib/stats";
import { readCounters, resetCounters } from "../lib/upstream-counters";
import { pollLinkTab, pollTopologyTab, type Route, type TopLagMode, type ViewerSample, type WatchedLink } from "./viewers";

export interface LoadOptions {
  baseUrl: string;
  adminUrl: string;
  /** The dashboard's process, for RSS and CPU (null when it runs in this process). */
  pid: number | null;
  /** The simulator's process, for its CPU (null in-process). */
  simulatorPid: number | null;
  viewers: number;
  intervalMs: number;
  durationMs: number;
  watched: WatchedLink;
  /** Whether the history route exists on this build. */
  history: boolean;
  /** How the topology tab gets its top-lag list (topLagModeOf). */
  topLag: TopLagMode;
}

export interface PhaseResult {
  viewers: number;
  durationMs: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  upstreamRequests: number;
  upstreamPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  byRoute: Record<string, { count: number; p50Ms: number; p95Ms: number }>;
  /** CPU used during the phase as a share of one core: the server, the simulator, and this process (the viewers). */
  serverCpuShare: number | null;
  simulatorCpuShare: number | null;
  clientCpuShare: number;
  maxRssMb: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function viewer(o: LoadOptions, startDelayMs: number, until: number, samples: ViewerSample[]): Promise<void> {
  await sleep(startDelayMs);
  const polls: Promise<void>[] = [];
  let next = performance.now();
  while (performance.now() < until) {
    // Each tab polls on its own timer, whether or not its previous answer has arrived (react-query's refetchInterval).
    polls.push(
      Promise.all([
        pollTopologyTab(o.baseUrl, o.topLag),
        pollLinkTab(o.baseUrl, o.watched, { history: o.history, pollIntervalMs: o.intervalMs }),
      ]).then((r) => {
        for (const s of r.flat()) samples.push(s);
      }),
    );
    next += o.intervalMs;
    await sleep(Math.max(0, next - performance.now()));
  }
  await Promise.all(polls);
}

export async function runPhase(o: LoadOptions): Promise<PhaseResult> {
  const samples: ViewerSample[] = [];
  let maxRss: number | null = null;
  const rssTimer = setInterval(() => {
    const r = o.pid === null ? null : rssMb(o.pid);
    if (r !== null) maxRss = Math.max(maxRss ?? 0, r);
  }, 250);
  await resetCounters(o.adminUrl);
  const cpuBefore = o.pid === null ? null : cpuMs(o.pid);
  const simBefore = o.simulatorPid === null ? null : cpuMs(o.simulatorPid);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const until = started + o.durationMs;
  // Viewers start spread evenly over one interval, as browsers opened at different moments would be.
  await Promise.all(Array.from({ length: o.viewers }, (_, i) => viewer(o, (i * o.intervalMs) / o.viewers, until, samples)));
  const elapsed = performance.now() - started;
  const upstream = await readCounters(o.adminUrl);
  const cpuAfter = o.pid === null ? null : cpuMs(o.pid);
  const simAfter = o.simulatorPid === null ? null : cpuMs(o.simulatorPid);
  const client = process.cpuUsage(clientBefore);
  clearInterval(rssTimer);

  const failed = samples.filter((s) => !ok(s.timed));
  const times = samples.map((s) => s.timed.ms);
  const byRoute: PhaseResult["byRoute"] = {};
  for (const route of new Set<Route>(samples.map((s) => s.route))) {
    const t = samples.filter((s) => s.route === route).map((s) => s.timed.ms);
    byRoute[route] = { count: t.length, p50Ms: percentile(t, 50), p95Ms: percentile(t, 95) };
  }
  return {
    viewers: o.viewers,
    durationMs: elapsed,
    requests: samples.length,
    errors: failed.length,
    errorSamples: [...new Set(failed.map((s) => `${s.route}: ${describeFailure(s.timed)}`))].slice(0, 5),
    upstreamRequests: upstream.total,
    upstreamPerSecond: upstream.total / (elapsed / 1000),
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: Math.max(...times),
    byRoute,
    serverCpuShare: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / elapsed,
    simulatorCpuShare: simBefore === null || simAfter === null ? null : (simAfter - simBefore) / elapsed,
    clientCpuShare: (client.user + client.system) / 1000 / elapsed,
    maxRssMb: maxRss,
  };
}

export interface LoadRun {
  single: PhaseResult;
  many: PhaseResult;
  /** many.upstreamPerSecond / single.upstreamPerSecond */
  upstreamRatio: number;
  /** VmHWM of the server process after the run. */
  peakRssMb: number | null;
}

/** One viewer, then N, on the same warm server. */
export async function runLoad(o: Omit<LoadOptions, "viewers">, viewers: number): Promise<LoadRun> {
  // Warm: the first answers of a fresh server are not what a steady stream of viewers sees.
  await Promise.all([
    pollTopologyTab(o.baseUrl, o.topLag),
    pollLinkTab(o.baseUrl, o.watched, { history: o.history, pollIntervalMs: o.intervalMs }),
  ]);
  await sleep(o.intervalMs);
  const single = await runPhase({ ...o, viewers: 1 });
  const many = await runPhase({ ...o, viewers });
  return {
    single,
    many,
    upstreamRatio: many.upstreamPerSecond / single.upstreamPerSecond,
    peakRssMb: o.pid === null ? null : peakRssMb(o.pid),
  };
}
