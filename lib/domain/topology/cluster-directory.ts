import { compareStrings } from "../compare";
import type { ClusterObservation, TopologyCluster } from "../types";

/**
 * Turns the Kafka cluster ids that links mention into cluster names. An id no configured cluster has becomes an
 * `external` cluster whose name is the id, created on first mention.
 */
export class ClusterDirectory {
  private readonly configured: readonly ClusterObservation[];
  private readonly byName = new Map<string, ClusterObservation>();
  private readonly nameById = new Map<string, string>();
  private readonly externals = new Map<string, TopologyCluster>();

  constructor(clusters: readonly ClusterObservation[]) {
    this.configured = clusters;
    for (const cluster of clusters) {
      this.byName.set(cluster.name, cluster);
      if (cluster.id !== null && !this.nameById.has(cluster.id)) this.nameById.set(cluster.id, cluster.name);
    }
  }

  /** The name of the cluster with this id, registering an external cluster when nobody configured it. */
  nameOfId(id: string | null): string | null {
    if (id === null || id === "") return null;
    const configured = this.nameById.get(id);
    if (configured !== undefined) return configured;
    if (!this.externals.has(id)) {
      this.externals.set(id, {
        name: id,
        id,
        displayName: id,
        network: null,
        region: null,
        status: "external",
        error: null,
        problems: [],
        asOf: null,
        latencyMs: null,
        lastOkAt: null,
      });
    }
    return id;
  }

  /** The configured cluster with this name; `undefined` for external clusters. */
  configuredCluster(name: string): ClusterObservation | undefined {
    return this.byName.get(name);
  }

  /** Configured clusters in configuration order, then external clusters by id. */
  allClusters(): TopologyCluster[] {
    const externals = [...this.externals.values()].sort((a, b) => compareStrings(a.name, b.name));
    return [...this.configured.map((cluster) => ({ ...cluster })), ...externals];
  }
}
