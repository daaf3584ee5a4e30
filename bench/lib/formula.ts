import type { ScaleFacts } from "../../simulator/scenario/scale";

/**
 * Upstream requests one topology refresh must cost (lib/server/fleet/read-cluster.ts), never one per mirror:
 *   cold:    clusters × 2 (status, link list) + halves × 2 (details with tasks, configs) + mirror-hosting clusters (links/-/mirrors)
 *   refresh: the same with configs served from their 5-minute cache: clusters × 2 + halves + mirror-hosting clusters
 */
export interface RequestFormula {
  text: string;
  expected: number;
}

export function coldFormula(f: ScaleFacts): RequestFormula {
  const halves = f.halves.length;
  return {
    text: `clusters×2 + halves×2 + mirror-hosting clusters = ${f.clusters}×2 + ${halves}×2 + ${f.mirrorHostingClusters}`,
    expected: f.clusters * 2 + halves * 2 + f.mirrorHostingClusters,
  };
}

export function refreshFormula(f: ScaleFacts): RequestFormula {
  const halves = f.halves.length;
  return {
    text: `clusters×2 + halves + mirror-hosting clusters = ${f.clusters}×2 + ${halves} + ${f.mirrorHostingClusters}`,
    expected: f.clusters * 2 + halves + f.mirrorHostingClusters,
  };
}

/** Route templates that would mean a request per mirror (N+1). */
export function perMirrorRequests(byRoute: Record<string, number>): number {
  return Object.entries(byRoute)
    .filter(([route]) => /\/mirrors\/\{mirror_topic_name\}$/.test(route))
    .reduce((n, [, count]) => n + count, 0);
}
