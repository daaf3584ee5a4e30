import type { Topology, TopologyCluster, TopologyLink } from "@/lib/domain/types";

export interface TopologyFilter {
  /** Free text: matches cluster names, display names, ids, regions and zones, and link names and ids. */
  q: string;
  /** Only links that are not ACTIVE or have problems, and clusters that are not OK. */
  problemsOnly: boolean;
}

export interface FilterResult {
  clusters: Set<string>;
  links: Set<string>;
  /** Whether any filter is on. */
  active: boolean;
}

/** A link needs attention when its rollup is anything but ACTIVE or it carries a problem sentence. */
export function linkHasProblem(link: Pick<TopologyLink, "state" | "problems">): boolean {
  return link.state !== "ACTIVE" || link.problems.length > 0;
}

/** A configured cluster that could not be read. External clusters are not problems: nobody expects to read them. */
export function clusterHasProblem(cluster: Pick<TopologyCluster, "status">): boolean {
  return cluster.status !== "ok" && cluster.status !== "external";
}

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

export function clusterMatches(cluster: TopologyCluster, q: string): boolean {
  const needle = normalise(q);
  if (!needle) return true;
  return [cluster.name, cluster.displayName, cluster.id ?? "", cluster.region ?? "", cluster.network ?? ""].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

export function linkNameMatches(link: TopologyLink, q: string): boolean {
  const needle = normalise(q);
  if (!needle) return true;
  return link.name.toLowerCase().includes(needle) || link.id.toLowerCase().includes(needle);
}

/** The clusters a link touches (source, destination and every half's host), without nulls. */
export function endpointsOf(link: TopologyLink): string[] {
  const names = new Set<string>();
  for (const name of [link.source, link.destination]) if (name) names.add(name);
  for (const e of [...link.flows, ...link.connections]) {
    names.add(e.from);
    names.add(e.to);
  }
  for (const half of link.halves) names.add(half.cluster);
  return [...names];
}

/**
 * Which clusters and links stay visible. A link stays when it passes "problems only" and its name, or one of
 * the clusters it touches, matches the search. A cluster stays when a visible link touches it (so a link never
 * dangles), or when it matches the search itself and, with "problems only", is not OK.
 */
export function applyFilter(topology: Pick<Topology, "clusters" | "links">, filter: TopologyFilter): FilterResult {
  const q = normalise(filter.q);
  const active = q !== "" || filter.problemsOnly;
  const byName = new Map(topology.clusters.map((c) => [c.name, c]));
  const matchingClusters = new Set(topology.clusters.filter((c) => clusterMatches(c, q)).map((c) => c.name));

  const links = new Set<string>();
  const clusters = new Set<string>();
  for (const link of topology.links) {
    if (filter.problemsOnly && !linkHasProblem(link)) continue;
    const ends = endpointsOf(link);
    if (q && !linkNameMatches(link, q) && !ends.some((name) => matchingClusters.has(name))) continue;
    links.add(link.id);
    for (const name of ends) if (byName.has(name)) clusters.add(name);
  }
  for (const cluster of topology.clusters) {
    if (!matchingClusters.has(cluster.name)) continue;
    if (filter.problemsOnly && !clusterHasProblem(cluster)) continue;
    clusters.add(cluster.name);
  }
  return { clusters, links, active };
}
