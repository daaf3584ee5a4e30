import "server-only";
import { createConfluentClient, type ConfluentClient } from "@/lib/confluent/client";
import type { ClusterConfig } from "@/lib/config/schema";
import { getConfig } from "./config";

// One client per configured cluster for the life of the process, so its in-flight cap and back-off state are shared
// by every page and the sampler.
const clients = new Map<string, ConfluentClient>();

export function clientFor(cluster: ClusterConfig): ConfluentClient {
  let client = clients.get(cluster.name);
  if (!client) {
    client = createConfluentClient(cluster);
    clients.set(cluster.name, client);
  }
  return client;
}

export function configuredCluster(name: string): ClusterConfig | undefined {
  return getConfig().clusters.find((c) => c.name === name);
}
