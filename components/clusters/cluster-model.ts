import type { LinkHalfSummary, MirrorView } from "@/lib/api/links";
import type { Topology, TopologyClusterStatus, TopologyLink } from "@/lib/domain/types";
import { endpointsOf } from "../topology/model/filter";

/** What to check when a cluster cannot be read; null when it can. */
export function clusterAdvice(status: TopologyClusterStatus): string | null {
  switch (status) {
    case "unreachable":
      return "Check that its REST endpoint (restUrl in the Linkscope config) answers from the Linkscope server, and the network path to it. Links other clusters host are still shown.";
    case "unauthorized":
      return "Check the credentials Linkscope uses for it (auth in the Linkscope config): the key may have been rotated or lack the rights to read cluster links.";
    case "error":
      return "The cluster answered, but not as expected; the message above says how. Linkscope retries on every refresh.";
    default:
      return null;
  }
}

/** Links that touch `cluster` but have no visible half on it (e.g. the source of a destination-initiated link). */
export function linksInvolving(topology: Pick<Topology, "links">, cluster: string): TopologyLink[] {
  return topology.links.filter((l) => endpointsOf(l).includes(cluster) && !l.halves.some((h) => h.cluster === cluster));
}

/** The hosted halves whose mirror lists are worth reading: every half but a SOURCE half. */
export function mirrorHostingHalves(
  cluster: string,
  halves: readonly Pick<LinkHalfSummary, "name" | "linkMode">[],
): { cluster: string; linkName: string }[] {
  return halves.filter((h) => h.linkMode !== "SOURCE").map((h) => ({ cluster, linkName: h.name }));
}

export type MirrorRow = MirrorView & { link: string };

/** Worst status first, then the most lag, then by name. */
export function sortMirrorRows(rows: MirrorRow[], compareStatus: (a: string, b: string) => number): MirrorRow[] {
  return rows.sort(
    (a, b) =>
      compareStatus(a.status, b.status) ||
      (b.maxLag ?? -1) - (a.maxLag ?? -1) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.link < b.link ? -1 : 1),
  );
}
