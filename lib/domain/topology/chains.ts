import type { ClusterEdge, Topology } from "../types";

/** Where data goes (or comes from), transitively, starting at one cluster. */
export interface Chain {
  /** Clusters reached, nearest first; never the starting cluster itself. */
  clusters: string[];
  /** Ids of the links whose data flows were followed, in the order they were reached. */
  links: string[];
}

/** Both directions at once: what a failover of this cluster touches. */
export interface BlastRadius {
  upstream: Chain;
  downstream: Chain;
}

type Direction = "downstream" | "upstream";

function walk(topology: Pick<Topology, "links">, start: string, direction: Direction): Chain {
  const near = (flow: ClusterEdge) => (direction === "downstream" ? flow.from : flow.to);
  const far = (flow: ClusterEdge) => (direction === "downstream" ? flow.to : flow.from);

  const reached = new Set<string>([start]);
  const clusters: string[] = [];
  const links = new Set<string>();
  // Breadth first, so clusters come nearest first; the reached set makes cycles (bidirectional links) harmless.
  const queue = [start];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const link of topology.links) {
      for (const flow of link.flows) {
        if (near(flow) !== current) continue;
        links.add(link.id);
        const next = far(flow);
        if (reached.has(next)) continue;
        reached.add(next);
        clusters.push(next);
        queue.push(next);
      }
    }
  }
  return { clusters, links: [...links] };
}

/** Every cluster the data of `cluster` reaches through mirroring, and the links it travels. */
export function downstreamOf(topology: Pick<Topology, "links">, cluster: string): Chain {
  return walk(topology, cluster, "downstream");
}

/** Every cluster whose data reaches `cluster` through mirroring, and the links it travels. */
export function upstreamOf(topology: Pick<Topology, "links">, cluster: string): Chain {
  return walk(topology, cluster, "upstream");
}

export function blastRadiusOf(topology: Pick<Topology, "links">, cluster: string): BlastRadius {
  return { upstream: upstreamOf(topology, cluster), downstream: downstreamOf(topology, cluster) };
}
