import { rpoBudgetSeconds, type RpoBudgetSettings } from "@/lib/config/rpo-budgets";
import { hostsMirrors } from "@/lib/domain/links/link-modes";
import { worstKnown } from "@/lib/domain/mirrors/lag-seconds";
import type { LinkHalfObservation, Topology, TopologyLink } from "@/lib/domain/types";
import type { HalfFlow, HostedHalfFigures } from "./alerting-metrics";

/** The topology link a hosting half belongs to: same name, and its data flows to the half's cluster. */
function linkOf(topology: Pick<Topology, "links">, half: LinkHalfObservation): TopologyLink | undefined {
  const named = topology.links.filter((l) => l.name === half.linkName);
  return (
    named.find((l) => l.flows.some((f) => f.to === half.cluster)) ?? named.find((l) => l.halves.some((h) => h.cluster === half.cluster))
  );
}

function flowOf(link: TopologyLink | undefined): HalfFlow | null {
  return link === undefined ? null : { flowing: link.flowing, staleSinceMs: link.flowing ? null : link.staleSince };
}

/**
 * The alerting figures of every half that hosts mirrors: whether data flows (the link's judgement, docs/link-states.md),
 * the configured budget, and the mirrors and tasks the clusters reported.
 */
export function hostedHalfFigures(
  halves: readonly LinkHalfObservation[],
  topology: Pick<Topology, "links">,
  budgets: RpoBudgetSettings,
  lagSecondsOf: (cluster: string, link: string, mirror: string) => number | null = () => null,
): HostedHalfFigures[] {
  return halves.filter(hostsMirrors).map((h) => {
    const link = linkOf(topology, h);
    const mirrors = (h.mirrors ?? []).map((m) => ({
      name: m.name,
      status: m.status,
      lagSeconds: lagSecondsOf(h.cluster, h.linkName, m.name),
    }));
    return {
      cluster: h.cluster,
      link: h.linkName,
      flow: flowOf(link),
      // The half's own worst mirror: a bidirectional link's two halves each have theirs.
      maxLagSeconds: worstKnown(mirrors.map((m) => m.lagSeconds)),
      rpoBudgetSeconds: rpoBudgetSeconds(budgets, h.cluster, h.linkName),
      mirrors,
      tasks: h.tasks,
    };
  });
}
