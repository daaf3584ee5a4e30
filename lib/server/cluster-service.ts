import "server-only";
import type { ClusterSummary } from "@/lib/api/clusters";
import { checkClusterStatus } from "./cluster-status";
import { createCoalescingCache } from "./coalescing-cache";
import { getConfig } from "./config";
import { clientFor } from "./confluent-clients";

/** Upstream answers are reused for a little less than one browser refresh interval, however many browsers watch. */
export function cacheTtlMs(pollIntervalSeconds: number): number {
  return Math.max(1000, pollIntervalSeconds * 1000 - 500);
}

let statusCache: ReturnType<typeof createCoalescingCache<ClusterSummary>> | undefined;

function cache() {
  statusCache ??= createCoalescingCache<ClusterSummary>({ ttlMs: cacheTtlMs(getConfig().pollIntervalSeconds) });
  return statusCache;
}

/** Every configured cluster's live status, checked in parallel; one slow or dead cluster only affects its own entry. */
export async function listClusterStatuses(): Promise<ClusterSummary[]> {
  const { clusters } = getConfig();
  return Promise.all(
    clusters.map((cluster) => cache().get(`status/${cluster.name}`, () => checkClusterStatus(cluster, clientFor(cluster).clusters))),
  );
}
