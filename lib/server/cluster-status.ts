import "server-only";
import type { ClusterObservation } from "@/lib/domain/types";
import type { ClusterConfig } from "@/lib/config/schema";
import { ConfluentError } from "@/lib/confluent/errors";

/** The two ways to ask a REST endpoint which Kafka cluster it serves (Confluent Cloud only has the first). */
export interface ClusterProbe {
  get(clusterId: string): Promise<unknown>;
  listIds(): Promise<string[]>;
}

function describeFailure(cluster: ClusterConfig, err: unknown): Pick<ClusterObservation, "status" | "error"> {
  if (!(err instanceof ConfluentError)) {
    return { status: "error", error: `Linkscope could not check ${cluster.name}: an unexpected error occurred (see the server log).` };
  }
  switch (err.kind) {
    case "unreachable":
    case "timeout":
      return { status: "unreachable", error: err.message };
    case "unauthorized":
      return { status: "unauthorized", error: `${err.message} Check the credentials in the config for ${cluster.name}.` };
    case "forbidden":
      return { status: "unauthorized", error: `${err.message} The credentials for ${cluster.name} lack permission to describe the cluster.` };
    default:
      return { status: "error", error: err.message };
  }
}

/** Checks one cluster: reachable, credentials accepted, and serving the configured cluster id (or discovers it). */
export async function checkClusterStatus(cluster: ClusterConfig, probe: ClusterProbe): Promise<ClusterObservation> {
  const base: ClusterObservation = {
    name: cluster.name,
    id: cluster.id ?? null,
    displayName: cluster.displayName ?? cluster.name,
    network: cluster.network ?? null,
    region: cluster.region ?? null,
    status: "ok",
    error: null,
    problems: [],
    asOf: null,
    latencyMs: null,
    lastOkAt: null,
  };
  if (cluster.id) {
    try {
      await probe.get(cluster.id);
      return base;
    } catch (err) {
      if (err instanceof ConfluentError && err.kind === "not-found") {
        return { ...base, status: "error", error: `The REST endpoint does not serve cluster ${cluster.id}; fix the id of ${cluster.name} in the config.` };
      }
      return { ...base, ...describeFailure(cluster, err) };
    }
  }
  let ids: string[];
  try {
    ids = await probe.listIds();
  } catch (err) {
    return { ...base, ...describeFailure(cluster, err) };
  }
  const [only] = ids;
  if (ids.length === 1 && only !== undefined) return { ...base, id: only };
  return {
    ...base,
    status: "error",
    error: ids.length
      ? `The REST endpoint serves ${ids.length} clusters (${ids.join(", ")}); set the id of ${cluster.name} in the config to pick one.`
      : `The REST endpoint serves no Kafka cluster; check the restUrl of ${cluster.name}.`,
  };
}
