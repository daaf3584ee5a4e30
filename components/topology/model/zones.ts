import type { TopologyCluster } from "@/lib/domain/types";

// Apart from the layout (layout.ts builds ELK's graph): the page groups a large fleet by zone before the graph's code loads.

export type ZoneKey = "public" | "private" | "unknown";

/** Groups top to bottom: the public network above, private networks below, clusters without a zone last. */
export const ZONE_ORDER: readonly ZoneKey[] = ["public", "private", "unknown"];

export const ZONE_LABEL: Record<ZoneKey, string> = {
  public: "Public network",
  private: "Private network",
  unknown: "Network zone not configured",
};

export function zoneOf(cluster: Pick<TopologyCluster, "network">): ZoneKey {
  return cluster.network ?? "unknown";
}
