import { compareStrings } from "../compare";
import { worstKnown, type MirrorLagSeconds } from "../mirrors/lag-seconds";
import { notCatchingUpProblem, type NotCatchingUp } from "../mirrors/lag-trend";
import type { Topology, TopologyLink } from "../types";

/** What the fleet read estimated for one hosted mirror. */
export interface MirrorLagFigures extends MirrorLagSeconds {
  notCatchingUp: NotCatchingUp | null;
}

/**
 * The fleet read's lag step: each link gets its worst mirror's estimated seconds (`maxLagSeconds`) and one
 * `mirror-not-catching-up` problem per falling-behind mirror. `mirrorsOf` answers the mirrors a half hosts (SOURCE
 * halves host none). A flowing link that gains a problem is DEGRADED (docs/link-states.md).
 */
export function applyLagFigures(
  topology: Topology,
  mirrorsOf: (cluster: string, link: string) => ReadonlyMap<string, MirrorLagFigures> | undefined,
): Topology {
  const links = topology.links.map((link): TopologyLink => {
    const hosted = link.halves
      .filter((h) => h.linkMode !== "SOURCE")
      .flatMap((h) => [...(mirrorsOf(h.cluster, link.name) ?? new Map<string, MirrorLagFigures>())]);
    if (hosted.length === 0) return link;
    const falling = hosted
      .filter((entry): entry is [string, MirrorLagFigures & { notCatchingUp: NotCatchingUp }] => entry[1].notCatchingUp !== null)
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([topic, f]) => notCatchingUpProblem(topic, f.notCatchingUp));
    const maxLagSeconds = worstKnown(hosted.map(([, f]) => f.seconds));
    if (falling.length === 0) return { ...link, maxLagSeconds };
    return { ...link, maxLagSeconds, problems: [...link.problems, ...falling], state: link.state === "ACTIVE" ? "DEGRADED" : link.state };
  });
  return { ...topology, links };
}
