import { z } from "zod";
import type { TopologyCluster, TopologyLink } from "../types";

/*
 * How much of the fleet the figures cover. A half that hosts mirrors but whose cluster Linkscope cannot read adds
 * nothing live to the counts and lists; a half whose link does not flow adds last-known figures only. Any such half
 * makes the fleet-wide counts partial, and an all-clear ("no lag", every partition active) cannot be said then.
 */

export const FleetCoverageSchema = z.object({
  /** Link halves that host mirrors (every half that is not a SOURCE half). */
  hostingHalves: z.number().int().nonnegative(),
  /** Of those, halves on clusters Linkscope could not read: their figures are missing or the last reading. */
  unreadHalves: z.number().int().nonnegative(),
  /** Of those, halves read but whose link does not flow: their lag is only a floor. */
  staleHalves: z.number().int().nonnegative(),
  /**
   * Configured clusters Linkscope cannot read. Counted on their own because a cluster that has not answered since
   * Linkscope started hosts halves nobody knows of: no half count can include them.
   */
  unreadClusters: z.number().int().nonnegative(),
});
export type FleetCoverage = z.infer<typeof FleetCoverageSchema>;

export function fleetCoverage(
  clusters: readonly Pick<TopologyCluster, "name" | "status">[],
  links: readonly Pick<TopologyLink, "halves" | "flowing">[],
): FleetCoverage {
  const status = new Map(clusters.map((c) => [c.name, c.status]));
  let hostingHalves = 0;
  let unreadHalves = 0;
  let staleHalves = 0;
  for (const link of links) {
    for (const half of link.halves) {
      if (half.linkMode === "SOURCE") continue;
      hostingHalves++;
      if (status.get(half.cluster) !== "ok") unreadHalves++;
      else if (!link.flowing) staleHalves++;
    }
  }
  const unreadClusters = clusters.filter((c) => c.status !== "ok" && c.status !== "external").length;
  return { hostingHalves, unreadHalves, staleHalves, unreadClusters };
}

export function isPartial(coverage: FleetCoverage): boolean {
  return coverage.unreadHalves > 0 || coverage.staleHalves > 0 || coverage.unreadClusters > 0;
}

/** "partial: 3 halves not read / stale (1 not read, 2 stale; 1 cluster not read)"; null when nothing is missing. */
export function partialText(coverage: FleetCoverage): string | null {
  if (!isPartial(coverage)) return null;
  const n = coverage.unreadHalves + coverage.staleHalves;
  const clusters =
    coverage.unreadClusters > 0 ? `; ${coverage.unreadClusters} ${coverage.unreadClusters === 1 ? "cluster" : "clusters"} not read` : "";
  return `partial: ${n} ${n === 1 ? "half" : "halves"} not read / stale (${coverage.unreadHalves} not read, ${coverage.staleHalves} stale${clusters})`;
}
