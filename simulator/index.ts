/**
 * Programmatic entry point: start a simulated fleet speaking Confluent REST v3 on loopback.
 *
 *   const sim = await startSimulator({ scenario: "demo", basePort: 0, adminPort: 0, clock: "manual" });
 *   … sim.clusters[0].restUrl, sim.adminUrl, sim.configYaml() …
 *   await sim.stop();
 */
import { AdminServer } from "./http/admin-router";
import type { TlsOptions } from "./http/cluster-server";
import type { WireStyle } from "./http/wire-style";
import { SimulatorRuntime } from "./runtime";
import { loadScenario } from "./scenario/load";
import type { ScenarioInput } from "./scenario/schema";

export type { ScenarioInput as ScenarioObject } from "./scenario/schema";
export type { TlsOptions } from "./http/cluster-server";

export interface StartSimulatorOptions {
  /** A bundled scenario name (seed-dr-chain, hybrid, active-active, demo, scale), a path to a JSON file, or a scenario object. */
  scenario: string | ScenarioInput;
  host?: string;
  /** Cluster i listens on basePort + i; 0 gives every cluster an ephemeral port. Default 18090. */
  basePort?: number;
  /** Default 18089; 0 for an ephemeral port. */
  adminPort?: number;
  /** "manual": time moves only through the admin API. Default: real time × speed 1. */
  clock?: "manual" | { speed: number };
  /** Simulated time at start (epoch ms); default the scenario's startTime, else the real time. */
  startTime?: number;
  /** Serve these clusters (by name) over HTTPS, optionally requiring a client certificate. */
  tls?: Record<string, TlsOptions>;
  /** Serialize every cluster's answers this way, whatever the scenario says (see http/wire-style.ts). */
  wire?: WireStyle;
}

export interface SimulatedCluster {
  name: string;
  id: string;
  displayName: string;
  port: number;
  restUrl: string;
  bootstrap: string;
  username: string;
  password: string;
  network: "private" | "public";
  region: string;
  cloud: string;
}

export interface RunningSimulator {
  clusters: SimulatedCluster[];
  adminUrl: string;
  /** A Linkscope YAML config for the fleet (current credentials). */
  configYaml(): string;
  stop(): Promise<void>;
  /** The runtime, for in-process tests that want to look inside. */
  runtime: SimulatorRuntime;
}

export async function startSimulator(opts: StartSimulatorOptions): Promise<RunningSimulator> {
  const scenario = loadScenario(opts.scenario);
  const host = opts.host ?? "127.0.0.1";
  const manual = opts.clock === "manual";
  const speed = typeof opts.clock === "object" ? opts.clock.speed : 1;
  const start = opts.startTime ?? (scenario.startTime ? Date.parse(scenario.startTime) : Math.floor(Date.now() / 1000) * 1000);
  const runtime = new SimulatorRuntime({
    scenario,
    host,
    basePort: opts.basePort ?? 18090,
    clock: { mode: manual ? "manual" : "realtime", speed, start },
    tls: opts.tls,
    wire: opts.wire,
  });
  const admin = new AdminServer(runtime, host);
  try {
    await runtime.startListeners();
    await admin.start(opts.adminPort ?? 18089);
  } catch (err) {
    await runtime.stopAll();
    await admin.stop();
    throw err;
  }
  let stopped = false;
  return {
    clusters: runtime.describeClusters().map(({ up: _up, ca: _ca, ...c }) => c),
    adminUrl: admin.url,
    configYaml: () => runtime.configYaml(),
    runtime,
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all([runtime.stopAll(), admin.stop()]);
    },
  };
}
