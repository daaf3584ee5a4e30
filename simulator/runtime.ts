/** A running simulator: the world, one listener per cluster, fault settings and request counters. */
import { SimClock, type ClockMode } from "./model/clock";
import { setClusterUp } from "./model/faults";
import { rngFor } from "./model/rng";
import type { ClusterState } from "./model/types";
import type { World } from "./model/world";
import { ClusterServer, RequestCounters, type HttpFaults, type TlsOptions } from "./http/cluster-server";
import type { WireStyle } from "./http/wire-style";
import { buildWorld } from "./scenario/build";
import type { Scenario } from "./scenario/schema";
import { linkscopeConfigYaml, type ConfigCluster } from "./config-yaml";

export interface RuntimeOptions {
  scenario: Scenario;
  host: string;
  basePort: number;
  clock: { mode: ClockMode; speed: number; start: number };
  tls?: Record<string, TlsOptions> | undefined;
  /** Every cluster's wire style, over the scenario's per-cluster `wire`. */
  wire?: WireStyle | undefined;
}

export class SimulatorRuntime {
  readonly clock: SimClock;
  readonly world: World;
  readonly counters = new RequestCounters();
  readonly servers = new Map<string, ClusterServer>();
  readonly faults = new Map<string, HttpFaults>();
  readonly wire = new Map<string, { style: WireStyle }>();

  constructor(private readonly opts: RuntimeOptions) {
    this.clock = new SimClock({ start: opts.clock.start, mode: opts.clock.mode, speed: opts.clock.speed });
    const built = buildWorld(opts.scenario, this.clock);
    this.world = built.world;
    for (const c of this.world.clusters) this.faults.set(c.name, { latencyMs: 0, errorRate: 0, errorMode: "500" });
    for (const f of built.httpFaults)
      this.faults.set(f.cluster, { latencyMs: f.latencyMs, errorRate: f.errorRate, errorMode: f.errorMode });
    for (const c of opts.scenario.clusters) this.wire.set(c.name, { style: opts.wire ?? c.wire });
    for (const c of this.world.clusters) {
      this.servers.set(
        c.name,
        new ClusterServer({
          world: this.world,
          cluster: c,
          host: opts.host,
          port: opts.basePort === 0 ? 0 : opts.basePort + c.index,
          faults: this.faults.get(c.name) as HttpFaults,
          wire: this.wire.get(c.name) ?? { style: "java" },
          counters: this.counters,
          rng: rngFor(opts.scenario.seed, `http-faults:${c.name}`),
          tls: opts.tls?.[c.name],
        }),
      );
    }
  }

  /** Every cluster gets its port, even one that starts stopped, so its URL is stable for the whole run. */
  async startListeners(): Promise<void> {
    for (const c of this.world.clusters) {
      await this.server(c).start();
      if (!c.up) await this.server(c).stop();
    }
  }

  server(c: ClusterState): ClusterServer {
    const s = this.servers.get(c.name);
    if (!s) throw new Error(`no server for ${c.name}`);
    return s;
  }

  cluster(name: string): ClusterState | undefined {
    return this.world.clusterByName(name);
  }

  async stopCluster(c: ClusterState): Promise<void> {
    const at = this.world.advance();
    setClusterUp(this.world, c, false, at);
    await this.server(c).stop();
  }

  async startCluster(c: ClusterState): Promise<void> {
    await this.server(c).start();
    const at = this.world.advance();
    setClusterUp(this.world, c, true, at);
  }

  /** Ports are known once listening; a cluster stopped from t0 reports the port it would use. */
  describeClusters(): Array<ConfigCluster & { port: number; up: boolean }> {
    return this.world.clusters.map((c) => {
      const s = this.server(c);
      return {
        name: c.name,
        displayName: c.displayName,
        id: c.id,
        port: s.port,
        restUrl: s.origin,
        bootstrap: c.bootstrap,
        username: c.rest.username,
        password: c.rest.password,
        network: c.network,
        region: c.region,
        cloud: c.cloud,
        ca: this.opts.tls?.[c.name]?.ca,
        up: c.up,
      };
    });
  }

  configYaml(): string {
    return linkscopeConfigYaml(this.describeClusters());
  }

  async stopAll(): Promise<void> {
    for (const s of this.servers.values()) await s.stop();
  }
}
