import { parse as parseYaml } from "yaml";
import { createConfluentClient, type ConfluentClient } from "@/lib/confluent/client";
import { LinkscopeConfigSchema } from "@/lib/config/schema";
import type { RunningSimulator } from "@/simulator/index";
import { FleetService } from "../../lib/server/fleet/fleet-service";
import type { LinkAdminDeps } from "../../lib/server/link-admin/upstream";

/** Link-admin dependencies over a running simulator: the real client and fleet service, no process-wide config. */
export function depsFor(sim: RunningSimulator): LinkAdminDeps & { fleet: FleetService } {
  const config = LinkscopeConfigSchema.parse(parseYaml(sim.configYaml()));
  const clients = new Map<string, ConfluentClient>();
  const clientFor = (c: (typeof config.clusters)[number]) => {
    let client = clients.get(c.name);
    if (!client) {
      client = createConfluentClient(c, { maxRetries: 0 });
      clients.set(c.name, client);
    }
    return client;
  };
  const fleet = new FleetService({ clusters: config.clusters, pollIntervalSeconds: 60, clientFor, coldStartPatienceMs: 60_000 });
  return {
    fleet,
    cluster: (name) => config.clusters.find((c) => c.name === name),
    clientFor,
    snapshot: () => fleet.snapshot(),
    invalidate: () => fleet.invalidate(),
  };
}

export interface KafkaCreds {
  username: string;
  password: string;
}

/** A cluster's Kafka API key and secret (what a link presents), from the simulator's admin API. */
export async function kafkaCredentials(sim: RunningSimulator, cluster: string): Promise<KafkaCreds> {
  const res = await fetch(`${sim.adminUrl}/clusters/${cluster}`);
  const body = (await res.json()) as { credentials: { kafka: { apiKey: string; apiSecret: string } } };
  return { username: body.credentials.kafka.apiKey, password: body.credentials.kafka.apiSecret };
}

export async function admin(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(sim.adminUrl + path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
