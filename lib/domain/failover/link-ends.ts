import type { Topology, TopologyLink } from "../types";

/** The topology link a cluster hosts mirrors for, by name (a source half never hosts them). */
export function hostedLink(topology: Pick<Topology, "links">, cluster: string, linkName: string): TopologyLink | undefined {
  return topology.links.find((l) => l.name === linkName && l.halves.some((h) => h.cluster === cluster && h.linkMode !== "SOURCE"));
}

/** The other end of a link as seen from `cluster`. */
export function remoteEnd(link: Pick<TopologyLink, "source" | "destination">, cluster: string): string | null {
  if (link.destination === cluster) return link.source;
  if (link.source === cluster) return link.destination;
  return null;
}
