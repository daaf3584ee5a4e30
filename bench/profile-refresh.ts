/**
 * `tsx bench/profile-refresh.ts [--scale 4] [--refreshes 5] [--viewers 0]`: where the server's CPU goes on the
 * topology's read path. Starts the scale fleet ×N in the simulator and the production server under `--cpu-prof`,
 * reads the topology cold and then once per snapshot period (each read after the period starts a refresh), optionally
 * with viewers polling as item 4's do (the topology tab and the big link's tab), stops the server and prints the profile's heaviest functions and
 * packages by self time. The .cpuprofile is kept (open it in Chrome's DevTools) and its path printed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { buildIfNeeded } from "../scripts/lib/build-if-needed";
import { generateScaleScenario, scaledFleet } from "../simulator/scenario/scale";
import { productionDashboards, writeDashboardConfig } from "./lib/dashboard-handle";
import { ok, timedFetch, type Timed } from "./lib/http";
import { percentile } from "./lib/stats";
import { pollLinkTab, pollTopologyTab } from "./measure/viewers";
import { cpuMs } from "./lib/process-stats";
import { startSimulatorProcess } from "./lib/simulator-handle";

const root = path.resolve(import.meta.dirname, "..");
const POLL_SECONDS = 5;

const ArgsSchema = z.object({
  scale: z.coerce.number().int().min(1).max(8).default(4),
  refreshes: z.coerce.number().int().min(1).max(50).default(5),
  viewers: z.coerce.number().int().min(0).max(100).default(0),
});

function parseArgs(argv: readonly string[]): z.infer<typeof ArgsSchema> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, "") ?? "";
    raw[key] = argv[i + 1] ?? "";
  }
  return ArgsSchema.strict().parse(raw);
}

const NodeSchema = z.object({
  id: z.number(),
  callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
});
const ProfileSchema = z.object({
  nodes: z.array(NodeSchema),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** A package name for node_modules frames ("zod", "next"), the app's own file for ours, the frame kind otherwise. */
function placeOf(url: string): string {
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return url;
  if (url === "") return "(native/GC)";
  return url.includes("/.next/") ? `app: ${url.slice(url.lastIndexOf("/") + 1)}` : url;
}

function summarize(file: string): void {
  const profile = ProfileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByFunction = new Map<string, number>();
  const selfByPlace = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node || node.callFrame.functionName === "(idle)") return;
    total += dt;
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${placeOf(f.url)}:${f.lineNumber + 1}`;
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + dt);
    selfByPlace.set(placeOf(f.url), (selfByPlace.get(placeOf(f.url)) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join("\n");
  console.log(`\nbusy (not idle) in the profile: ${total.toFixed(0)} ms\n\nby place:\n${top(selfByPlace, 15)}`);
  console.log(`\nby function (self time):\n${top(selfByFunction, 30)}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  buildIfNeeded(root);
  const { scenario, facts } = generateScaleScenario(scaledFleet(args.scale));
  console.log(`fleet ×${args.scale}: ${facts.clusters} clusters, ${facts.links} links, ${facts.mirrorPartitions} mirror partitions`);
  const workDir = mkdtempSync(path.join(tmpdir(), "linkscope-profile-"));
  const profileDir = mkdtempSync(path.join(tmpdir(), "linkscope-cpuprofile-"));
  const sim = await startSimulatorProcess({ root, scenario, workDir });
  try {
    const configFile = writeDashboardConfig({ simulatorConfigYaml: sim.configYaml, workDir, pollIntervalSeconds: POLL_SECONDS });
    const dashboard = await productionDashboards({ root, configFile, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] })();
    const pid = dashboard.pid;
    let viewing = args.viewers > 0;
    const answers: Timed[] = [];
    const viewers = Array.from({ length: args.viewers }, async (_, i) => {
      await new Promise((r) => setTimeout(r, (i * POLL_SECONDS * 1000) / args.viewers));
      while (viewing) {
        const polled = performance.now();
        const samples = (
          await Promise.all([
            pollTopologyTab(dashboard.baseUrl, "endpoint"),
            pollLinkTab(dashboard.baseUrl, facts.bigLink, { history: true, pollIntervalMs: POLL_SECONDS * 1000 }),
          ])
        ).flat();
        for (const s of samples) answers.push(s.timed);
        await new Promise((r) => setTimeout(r, Math.max(0, POLL_SECONDS * 1000 - (performance.now() - polled))));
      }
    });
    try {
      const cpu0 = pid === null ? null : cpuMs(pid);
      const cold = await timedFetch(`${dashboard.baseUrl}/api/topology`);
      if (!ok(cold)) throw new Error(`cold read failed: ${cold.status} ${cold.error ?? cold.body.slice(0, 200)}`);
      const cpu1 = pid === null ? null : cpuMs(pid);
      console.log(
        `cold read ${cold.ms.toFixed(0)} ms, server CPU ${cpu0 === null || cpu1 === null ? "?" : cpu1 - cpu0} ms, ${(cold.bytes / 1024).toFixed(0)} KB`,
      );
      const cpuStart = pid === null ? null : cpuMs(pid);
      for (let i = 0; i < args.refreshes; i++) {
        await new Promise((r) => setTimeout(r, POLL_SECONDS * 1000));
        await timedFetch(`${dashboard.baseUrl}/api/topology`);
      }
      // Let the last refresh finish.
      await new Promise((r) => setTimeout(r, 3000));
      const cpuEnd = pid === null ? null : cpuMs(pid);
      if (cpuStart !== null && cpuEnd !== null)
        console.log(
          `${args.refreshes} refreshes: server CPU ${cpuEnd - cpuStart} ms, ${((cpuEnd - cpuStart) / args.refreshes).toFixed(0)} ms per refresh (viewers' reads included)`,
        );
    } finally {
      viewing = false;
      await Promise.all(viewers);
      await dashboard.stop();
    }
    if (answers.length > 0) {
      const failed = answers.filter((a) => !ok(a)).length;
      console.log(
        `viewers: ${answers.length} answers, ${failed} failed, p50 ${percentile(
          answers.map((a) => a.ms),
          50,
        ).toFixed(0)} ms, p95 ${percentile(
          answers.map((a) => a.ms),
          95,
        ).toFixed(0)} ms`,
      );
    }
  } finally {
    await sim.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  const profiles = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
  if (profiles.length === 0) throw new Error(`the server wrote no profile into ${profileDir}`);
  for (const f of profiles) {
    console.log(`\nprofile: ${path.join(profileDir, f)}`);
    summarize(path.join(profileDir, f));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
