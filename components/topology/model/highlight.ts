import { blastRadiusOf } from "@/lib/domain/topology/chains";
import type { Topology } from "@/lib/domain/types";

export type ChainRole = "selected" | "upstream" | "downstream" | "both" | "outside";

export interface Highlight {
  selected: string;
  /** Clusters whose data reaches the selected one, nearest first. */
  upstream: string[];
  /** Clusters the selected one's data reaches, nearest first. */
  downstream: string[];
  /** Links on either chain. */
  links: Set<string>;
}

/** The blast radius of a cluster: everything upstream and downstream of it along the data flows. */
export function highlightOf(topology: Pick<Topology, "links" | "clusters">, selected: string | null): Highlight | null {
  if (!selected || !topology.clusters.some((c) => c.name === selected)) return null;
  const { upstream, downstream } = blastRadiusOf(topology, selected);
  return {
    selected,
    upstream: upstream.clusters,
    downstream: downstream.clusters,
    links: new Set([...upstream.links, ...downstream.links]),
  };
}

/** A cluster's part in the highlighted chain; `null` when nothing is selected. */
export function chainRoleOf(highlight: Highlight | null, cluster: string): ChainRole | null {
  if (!highlight) return null;
  if (cluster === highlight.selected) return "selected";
  const up = highlight.upstream.includes(cluster);
  const down = highlight.downstream.includes(cluster);
  if (up && down) return "both";
  if (up) return "upstream";
  if (down) return "downstream";
  return "outside";
}
