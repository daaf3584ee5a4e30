import { compareStrings } from "../compare";
import { worstKnown, type MirrorLagSeconds } from "../mirrors/lag-seconds";
import { notCatchingUpProblem, type NotCatchingUp } from "../mirrors/lag-trend";
import type { Topology, TopologyLink } from "../types";

/** What the fleet read estimated for one hosted mirror. */
export interface MirrorLagFigures extends MirrorLagSeconds {
  notCatchingUp: NotCatchingUp | null;
}

type HalfLagFigures = ReadonlyMap<string, MirrorLagFigures>;

/** What one half's estimates give its link: computed once per estimates map (the fleet read reuses an unchanged one). */
interface HalfLagSummary {
  worstSeconds: number | null;
  /** The mirror behind worstSeconds does not flow: its seconds are a floor. */
  worstAtLeast: boolean;
  falling: readonly (readonly [string, NotCatchingUp])[];
}

const summaries = new WeakMap<HalfLagFigures, HalfLagSummary>();

function summaryOf(figures: HalfLagFigures): HalfLagSummary {
  const known = summaries.get(figures);
  if (known) return known;
  const seconds: (number | null)[] = [];
  /** The seconds of mirrors that do not flow: floors. */
  const floors: number[] = [];
  const falling: [string, NotCatchingUp][] = [];
  for (const [topic, f] of figures) {
    seconds.push(f.seconds);
    if (f.atLeast && f.seconds !== null) floors.push(f.seconds);
    if (f.notCatchingUp !== null) falling.push([topic, f.notCatchingUp]);
  }
  const worstSeconds = worstKnown(seconds);
  const summary = { worstSeconds, worstAtLeast: worstSeconds !== null && floors.includes(worstSeconds), falling };
  summaries.set(figures, summary);
  return summary;
}

/**
 * The fleet read's lag step: each link gets its worst mirror's estimated seconds (`maxLagSeconds`, with
 * `maxLagSecondsAtLeast` when that mirror does not flow and the figure is a floor) and one
 * `mirror-not-catching-up` problem per falling-behind mirror. `mirrorsOf` answers the mirrors a half hosts (SOURCE
 * halves host none). A flowing link that gains a problem is DEGRADED (docs/link-states.md).
 */
export function applyLagFigures(topology: Topology, mirrorsOf: (cluster: string, link: string) => HalfLagFigures | undefined): Topology {
  const links = topology.links.map((link): TopologyLink => {
    const hosted = link.halves
      .filter((h) => h.linkMode !== "SOURCE")
      .flatMap((h) => {
        const figures = mirrorsOf(h.cluster, link.name);
        return figures === undefined || figures.size === 0 ? [] : [summaryOf(figures)];
      });
    if (hosted.length === 0) return link;
    const falling = hosted
      .flatMap((h) => h.falling)
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([topic, notCatchingUp]) => notCatchingUpProblem(topic, notCatchingUp));
    const maxLagSeconds = worstKnown(hosted.map((h) => h.worstSeconds));
    const maxLagSecondsAtLeast = maxLagSeconds !== null && hosted.some((h) => h.worstAtLeast && h.worstSeconds === maxLagSeconds);
    const withSeconds = { ...link, maxLagSeconds, maxLagSecondsAtLeast };
    if (falling.length === 0) return withSeconds;
    return { ...withSeconds, problems: [...link.problems, ...falling], state: link.state === "ACTIVE" ? "DEGRADED" : link.state };
  });
  return { ...topology, links };
}
