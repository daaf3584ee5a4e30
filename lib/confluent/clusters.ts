import "server-only";
import type { ClusterConfig } from "@/lib/config/schema";
import { readCollection } from "./collections";
import { ConfluentError, isConfluentError } from "./errors";
import { apiPaths } from "./paths";
import { ClusterDataSchema } from "./schemas/clusters";
import type { Transport } from "./transport";
import type { KafkaCluster } from "./types";

export interface ClustersApi {
  /** GET /kafka/v3/clusters: Confluent Server answers with exactly one cluster; Confluent Cloud has no such list. */
  list(): Promise<KafkaCluster[]>;
  listIds(): Promise<string[]>;
  get(clusterId: string): Promise<KafkaCluster>;
}

export function createClustersApi(transport: Transport): ClustersApi {
  const list = async () =>
    (await readCollection(transport, { method: "GET", path: apiPaths.clusters() }, ClusterDataSchema)).map((c) => ({
      clusterId: c.cluster_id,
    }));
  return {
    list,
    listIds: async () => (await list()).map((c) => c.clusterId),
    get: async (clusterId) => {
      const c = await transport.json({ method: "GET", path: apiPaths.cluster(clusterId) }, ClusterDataSchema);
      return { clusterId: c.cluster_id };
    },
  };
}

/** The configured cluster id, or the one the endpoint serves (discovered once, retried after a failure). */
export function createClusterIdResolver(cluster: ClusterConfig, clusters: ClustersApi, origin: string): () => Promise<string> {
  if (cluster.id) {
    const id = cluster.id;
    return () => Promise.resolve(id);
  }
  let pending: Promise<string> | null = null;
  const discover = async (): Promise<string> => {
    let ids: string[];
    try {
      ids = await clusters.listIds();
    } catch (err) {
      if (isConfluentError(err, "not-found") || isConfluentError(err, "unsupported")) {
        throw new ConfluentError(
          err.kind,
          `${origin} does not list its Kafka clusters (Confluent Cloud has no GET /kafka/v3/clusters); set id for ${cluster.name} in the config.`,
          { ...(err.status === undefined ? {} : { status: err.status }) },
        );
      }
      throw err;
    }
    const [only] = ids;
    if (ids.length === 1 && only) return only;
    throw new ConfluentError(
      "not-found",
      ids.length === 0
        ? `${origin} serves no Kafka cluster; check restUrl for ${cluster.name} in the config.`
        : `${origin} serves ${ids.length} Kafka clusters (${ids.join(", ")}); set id for ${cluster.name} in the config to pick one.`,
      { retriable: false },
    );
  };
  return () => {
    pending ??= discover().catch((err: unknown) => {
      pending = null;
      throw err;
    });
    return pending;
  };
}
