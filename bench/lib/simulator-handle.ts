import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ScenarioInput } from "@/simulator/scenario/schema";
import { startSimulator } from "@/simulator/index";

/** What the benchmark needs of a running simulator, wherever it runs. */
export interface SimulatorHandle {
  adminUrl: string;
  clusters: SimulatorCluster[];
  configYaml: string;
  /** The simulator's process id when it runs apart, for CPU accounting; null in-process. */
  pid: number | null;
  startMs: number;
  stop(): Promise<void>;
}

const SimulatorClusterSchema = z.object({
  name: z.string(),
  id: z.string(),
  restUrl: z.string(),
  username: z.string(),
  password: z.string(),
});
export type SimulatorCluster = z.infer<typeof SimulatorClusterSchema>;

const ReadySchema = z.object({
  adminUrl: z.string(),
  clusters: z.array(SimulatorClusterSchema),
  configYaml: z.string(),
  startMs: z.number(),
});

const READY_MARKER = "BENCH_SIMULATOR_READY ";

/** Starts the simulator in a child process (real time), so its CPU is not the measuring client's. */
export async function startSimulatorProcess({
  root,
  scenario,
  workDir,
}: {
  root: string;
  scenario: ScenarioInput;
  workDir: string;
}): Promise<SimulatorHandle> {
  const file = path.join(workDir, "scenario.json");
  writeFileSync(file, JSON.stringify(scenario));
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench", "simulator-child.ts"), file], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (c: Buffer) => {
    errors = (errors + c.toString("utf8")).slice(-4000);
  });
  const ready = await new Promise<z.infer<typeof ReadySchema>>((resolve, reject) => {
    let buffer = "";
    const onData = (c: Buffer) => {
      buffer += c.toString("utf8");
      const at = buffer.indexOf(READY_MARKER);
      const end = buffer.indexOf("\n", at);
      if (at < 0 || end < 0) return;
      child.stdout.off("data", onData);
      try {
        resolve(ReadySchema.parse(JSON.parse(buffer.slice(at + READY_MARKER.length, end))));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the simulator exited (${code}) before it was ready:\n${errors}`)));
  });
  child.stdout.resume();
  return {
    ...ready,
    pid: child.pid ?? null,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

/** The same, in this process (the smoke test). */
export async function startSimulatorInProcess(scenario: ScenarioInput): Promise<SimulatorHandle> {
  const started = performance.now();
  const sim = await startSimulator({ scenario, basePort: 0, adminPort: 0, clock: { speed: 1 } });
  return {
    adminUrl: sim.adminUrl,
    clusters: sim.clusters,
    configYaml: sim.configYaml(),
    pid: null,
    startMs: performance.now() - started,
    stop: () => sim.stop(),
  };
}
