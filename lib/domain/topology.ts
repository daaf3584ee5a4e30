import { ClusterDirectory } from "./cluster-directory";
import { compareStrings } from "./compare";
import { rollupLinkState } from "./link-health";
import { mirrorFiguresOf } from "./link-mirrors";
import { groupHalvesByLink, pairHalves, type PairedLink } from "./link-pairing";
import { assessLink } from "./link-problems";
import { shapeOf } from "./link-shape";
import type { ClusterObservation, LinkHalfObservation, Topology, TopologyLink, TopologyLinkHalf } from "./types";

/** The main half (the one hosting the mirrors) first, then its partner, then anything that did not pair. */
function visibleHalvesOf(link: PairedLink): LinkHalfObservation[] {
  return [link.main, ...(link.partner === null ? [] : [link.partner]), ...link.strays];
}

function toTopologyHalf(half: LinkHalfObservation): TopologyLinkHalf {
  const { cluster, linkMode, connectionMode, state, error, errorMessage } = half;
  return { cluster, linkMode, connectionMode, state, error, errorMessage };
}

function deriveLink(group: readonly LinkHalfObservation[], directory: ClusterDirectory): TopologyLink {
  const link = pairHalves(group, directory);
  const halves = visibleHalvesOf(link);
  const shape = shapeOf(link);
  const figures = mirrorFiguresOf(halves);
  const assessment = assessLink(link, halves, shape, figures, directory);
  return {
    id: link.id,
    name: link.main.linkName,
    clusterLinkId: link.main.clusterLinkId,
    ...shape,
    halves: halves.map(toTopologyHalf),
    state: rollupLinkState({
      halfStates: halves.map((half) => half.state),
      halfErrors: halves.map((half) => half.error),
      neededClusterUnreachable: assessment.neededClusterUnreachable,
      partitionStates: figures.partitionStates,
      hasProblems: assessment.problems.length > 0,
    }),
    problems: assessment.problems,
    mirrorCount: figures.mirrorCount,
    partitionStates: figures.partitionStates,
    partitionStatesSource: figures.partitionStatesSource,
    maxLag: figures.maxLag,
    totalLag: figures.totalLag,
  };
}

/**
 * The fleet as a graph (`GET /api/topology`), from what each configured cluster reported.
 *
 * A cluster that could not be read contributes no halves but never fails the derivation: its links are drawn
 * from the halves other clusters host, with problems saying what cannot be seen.
 * Clusters come in configuration order, then external clusters by id; links by id.
 *
 * Precondition: every half's `cluster` is the name of one of `clusters`. Pass the last known id of a cluster
 * that is down, or links pointing at it will show it as a separate external cluster.
 */
export function deriveTopology(
  clusters: readonly ClusterObservation[],
  halves: readonly LinkHalfObservation[],
  now: Date,
): Topology {
  const directory = new ClusterDirectory(clusters);
  const links = [...groupHalvesByLink(halves).values()]
    .map((group) => deriveLink(group, directory))
    .sort((a, b) => compareStrings(a.id, b.id));
  const readAt = clusters.flatMap((c) => (c.status === "ok" && c.asOf !== null ? [c.asOf] : []));
  return { generatedAt: now.toISOString(), asOf: readAt.length ? Math.min(...readAt) : null, clusters: directory.allClusters(), links };
}
