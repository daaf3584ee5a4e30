import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { parse, stringify } from "yaml";
import { startDashboard, stopChild } from "../../scripts/lib/start-dashboard";

/** A running dashboard under test: its base URL and, when it is a process of its own, the pid (for RSS). */
export interface DashboardHandle {
  baseUrl: string;
  pid: number | null;
  stop(): Promise<void>;
  /** The last lines the server logged (for error reports). */
  log(): string;
}

/** Starts a fresh dashboard (empty caches) on every call. */
export type DashboardFactory = () => Promise<DashboardHandle>;

/** The simulator's config plus the benchmark's settings: the browsers' poll interval and a throwaway history file. */
export function writeDashboardConfig({
  simulatorConfigYaml,
  workDir,
  pollIntervalSeconds,
}: {
  simulatorConfigYaml: string;
  workDir: string;
  pollIntervalSeconds: number;
}): string {
  const config = parse(simulatorConfigYaml) as Record<string, unknown>;
  config.pollIntervalSeconds = pollIntervalSeconds;
  // The machine running the bench is shared: a server starved of CPU would otherwise report healthy clusters as
  // "did not answer within timeoutMs". Latency is what is measured here, not the timeout policy.
  if (Array.isArray(config.clusters)) for (const c of config.clusters as Record<string, unknown>[]) c.timeoutMs = 30_000;
  config.history = { path: path.join(workDir, "dashboard-history.db") };
  const file = path.join(workDir, "linkscope.config.yaml");
  writeFileSync(file, stringify(config));
  return file;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The production build's standalone server, one process per call. */
export function productionDashboards({
  root,
  configFile,
  nodeArgs = [],
}: {
  root: string;
  configFile: string;
  /** Passed to Node before the server script (e.g. `--cpu-prof`). */
  nodeArgs?: readonly string[];
}): DashboardFactory {
  return async () => {
    const port = await freePort();
    let output = "";
    const child = await startDashboard({
      root,
      configFile,
      port,
      nodeArgs,
      onOutput: (chunk) => {
        output = (output + chunk).slice(-8000);
      },
    });
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      pid: child.pid ?? null,
      stop: () => stopChild(child),
      log: () => output,
    };
  };
}
