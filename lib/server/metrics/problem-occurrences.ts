import type { Topology } from "@/lib/domain/types";
import type { ProblemOccurrence } from "./alerting-metrics";

/**
 * Each link problem once per cluster hosting the link's mirrors (where its data flows to: the destination, or each end of
 * a bidirectional link), so that alerts carry the same `cluster` label as the link's other series.
 */
export function linkProblemOccurrences(topology: Pick<Topology, "links">): ProblemOccurrence[] {
  return topology.links.flatMap((link) => {
    const hosts = [...new Set(link.flows.map((f) => f.to))];
    const clusters = hosts.length > 0 ? hosts : [link.destination ?? link.halves[0]?.cluster].filter((c): c is string => c !== undefined);
    return clusters.flatMap((cluster) => link.problems.map((p) => ({ cluster, link: link.name, code: p.code })));
  });
}
