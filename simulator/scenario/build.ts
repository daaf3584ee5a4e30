/** Turns a validated scenario into a running World at t0, as if the fleet had been running already. */
import { runScan } from "../model/auto-create";
import { addConsumingGroup } from "../model/consumer-groups";
import { runOffsetSync } from "../model/offset-sync";
import type { SimClock } from "../model/clock";
import { createWorld } from "../model/create-world";
import { setClusterUp, setNetworkCut } from "../model/faults";
import { plainJaas } from "../model/jaas";
import { HEALTHY } from "../model/link-availability";
import { createLink } from "../model/link-ops";
import { addMirror, expectedMirrorName } from "../model/mirror-ops";
import { spread } from "../model/offsets";
import { deleteTopic, newTopic, registerTopic } from "../model/topic-ops";
import type { ClusterState, LinkHalf } from "../model/types";
import type { World } from "../model/world";
import { ScenarioError } from "./load";
import type { HttpFaultSpec, Scenario, ScenarioCluster } from "./schema";

export interface BuiltFleet {
  world: World;
  httpFaults: HttpFaultSpec[];
}

function bootstrapOf(c: ScenarioCluster): string {
  return c.bootstrap ?? `${c.name}.sim.local:9092`;
}

function expandTemplates(value: string, scenario: Scenario, where: string): string {
  return value.replace(/\$\{([a-z0-9-]+)\.(bootstrap|jaas|id|apiKey|apiSecret)\}/g, (_, name: string, field: string) => {
    const c = scenario.clusters.find((x) => x.name === name);
    if (!c) throw new ScenarioError(`${where}: \${${name}.${field}} names an unknown cluster`);
    switch (field) {
      case "bootstrap":
        return bootstrapOf(c);
      case "jaas":
        return plainJaas(c.credentials.apiKey, c.credentials.apiSecret);
      case "id":
        return c.id;
      case "apiKey":
        return c.credentials.apiKey;
      default:
        return c.credentials.apiSecret;
    }
  });
}

export function buildWorld(scenario: Scenario, clock: SimClock): BuiltFleet {
  const s = scenario.settings;
  const world = createWorld(clock, {
    seed: scenario.seed,
    mirrorSetupMs: s.mirrorSetupMs,
    restoreSetupMs: s.restoreSetupMs,
    restorePhaseMs: s.restorePhaseMs,
    promoteSyncMs: s.promoteSyncMs,
    autoCreateIntervalMs: s.autoCreateIntervalMs,
    defaultFetchRate: s.fetchRate,
  });
  const at = clock.now();

  scenario.clusters.forEach((c, index) => {
    const cluster: ClusterState = {
      index,
      name: c.name,
      displayName: c.displayName,
      id: c.id,
      network: c.network,
      privateZone: c.privateZone ?? `zone:${c.name}`,
      region: c.region,
      cloud: c.cloud,
      flavor: c.flavor ?? (c.id.startsWith("lkc-") ? "cloud" : "platform"),
      bootstrap: bootstrapOf(c),
      rest: { username: c.credentials.restUsername ?? c.credentials.apiKey, password: c.credentials.restPassword ?? c.credentials.apiSecret },
      kafka: { username: c.credentials.apiKey, password: c.credentials.apiSecret },
      up: true,
      topics: new Map(),
      links: new Map(),
      unmanagedSources: [],
      groups: new Map(),
    };
    world.addCluster(cluster);
    for (const t of c.topics) {
      const topic = newTopic(world, cluster, {
        name: t.name,
        partitions: t.partitions,
        replicationFactor: t.replicationFactor,
        produceRate: t.produceRate,
        initialMessages: t.initialMessages,
        at,
      });
      registerTopic(world, topic, at);
    }
  });

  // Halves that others take their cluster_link_id from come first: destination halves before source halves.
  const ordered = [...scenario.links].sort((a, b) => rank(a.configs) - rank(b.configs));
  const halves = new Map<(typeof scenario.links)[number], LinkHalf>();
  for (const l of ordered) {
    const cluster = world.clusterByName(l.cluster) as ClusterState;
    const remote = world.clusterByName(l.remote) as ClusterState;
    const where = `link ${l.name} on ${l.cluster}`;
    const configs = Object.entries(l.configs).map(([name, value]) => ({ name, value: expandTemplates(value, scenario, where) }));
    const mode = l.configs["link.mode"] ?? "DESTINATION";
    const idField = mode === "SOURCE" ? "destination_cluster_id" : mode === "BIDIRECTIONAL" ? "remote_cluster_id" : "source_cluster_id";
    try {
      const half = createLink(world, cluster, l.name, { [idField]: remote.id, configs }, {
        at,
        validateOnly: false,
        validateLink: false,
        trusted: true,
        ...(l.fetchRate !== undefined ? { fetchRate: l.fetchRate } : {}),
        ...(l.clusterLinkId !== undefined ? { clusterLinkId: l.clusterLinkId } : {}),
      });
      halves.set(l, half);
    } catch (err) {
      throw new ScenarioError(`${where}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  world.recomputeHealth(at);

  // Mirrors of mirrors need their source first: resolve in passes.
  let pending = scenario.links.flatMap((l) => l.mirrors.map((m) => ({ l, m })));
  while (pending.length > 0) {
    const next: typeof pending = [];
    for (const { l, m } of pending) {
      const half = halves.get(l) as LinkHalf;
      const remote = world.clusterByName(l.remote) as ClusterState;
      const source = remote.topics.get(m.source);
      if (!source) {
        next.push({ l, m });
        continue;
      }
      const name = m.name ?? expectedMirrorName(half, m.source);
      if (half.cluster.topics.has(name)) throw new ScenarioError(`link ${l.name} on ${l.cluster}: topic ${name} already exists`);
      const sourceEnd = source.log.endOffsets(at);
      const behind = spread(m.lag, source.log.weights);
      const initialOffsets = sourceEnd.map((o, p) => Math.max(0, o - (behind[p] ?? 0)));
      const topic =
        m.status === "PENDING_MIRROR"
          ? addMirror(world, half, source, name, at)
          : addMirror(world, half, source, name, at, { status: m.status === "PAUSED" ? "PAUSED" : "ACTIVE", initialOffsets });
      if (topic.mirror) {
        topic.mirror.everFetched = m.status !== "PENDING_MIRROR";
        if (m.fetchRate !== undefined) topic.mirror.fetchRateOverride = m.fetchRate;
      }
      if (m.status === "STOPPED" && topic.mirror) {
        topic.mirror.stopKind = "promote";
        topic.produceRate = m.produceRate ?? 0;
        world.completeStop(topic, at);
      } else {
        world.refreshLogMode(topic, at);
      }
    }
    if (next.length === pending.length) {
      const { l, m } = next[0] as (typeof next)[number];
      throw new ScenarioError(`link ${l.name} on ${l.cluster}: source topic ${m.source} does not exist on ${l.remote}`);
    }
    pending = next;
  }

  // Auto-create filters apply at t0 as if the link had been running: matching topics start ACTIVE and caught up.
  for (const half of halves.values()) runScan(world, half, at, { asExisting: true });

  for (const c of scenario.clusters) {
    const cluster = world.clusterByName(c.name) as ClusterState;
    for (const g of c.consumerGroups) {
      try {
        addConsumingGroup(cluster, { id: g.name, topics: g.topics, lag: g.lag, consumeRate: g.consumeRate, members: g.members }, at);
      } catch (err) {
        throw new ScenarioError(`cluster ${c.name}, consumer group ${g.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  // Offset sync has been running too: destination groups start with the offsets of t0.
  for (const half of halves.values()) runOffsetSync(world, half, at);

  for (const name of scenario.faults.stoppedClusters) setClusterUp(world, world.clusterByName(name) as ClusterState, false, at);
  for (const [a, b] of scenario.faults.networkCuts) {
    setNetworkCut(world, world.clusterByName(a) as ClusterState, world.clusterByName(b) as ClusterState, true, at);
  }
  for (const d of scenario.faults.deletedTopics) {
    const topic = world.clusterByName(d.cluster)?.topics.get(d.topic);
    if (!topic) throw new ScenarioError(`faults.deletedTopics: ${d.cluster} has no topic ${d.topic}`);
    deleteTopic(world, topic, at);
  }
  for (const half of halves.values()) if (half.health === HEALTHY) world.refreshLink(half, at);
  return { world, httpFaults: scenario.faults.http };
}

function rank(configs: Record<string, string>): number {
  return configs["link.mode"] === "SOURCE" ? 1 : 0;
}
