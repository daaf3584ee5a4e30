import { fleetCoverage } from "./coverage";
import { ClusterDirectory } from "./cluster-directory";
import { compareStrings } from "../compare";
import { linkFlow, type FlowCause, type LinkFlow } from "../mirrors/flow";
import { rollupLinkState } from "../links/link-health";
import { dialsOut } from "../links/link-modes";
import { mirrorFiguresOf } from "./link-mirrors";
import { groupHalvesByLink, pairHalves, type PairedLink } from "./link-pairing";
import { assessLink, problem } from "./link-problems";
import { shapeOf } from "./link-shape";
import type { ClusterObservation, LinkHalfObservation, Topology, TopologyLink, TopologyLinkHalf } from "../types";

/** The main half (the one hosting the mirrors) first, then its partner, then anything that did not pair. */
function visibleHalvesOf(link: PairedLink): LinkHalfObservation[] {
  return [link.main, ...(link.partner === null ? [] : [link.partner]), ...link.strays];
}

function toTopologyHalf(half: LinkHalfObservation): TopologyLinkHalf {
  const { cluster, linkMode, connectionMode, state, error, errorMessage } = half;
  return { cluster, linkMode, connectionMode, state, error, errorMessage };
}

/** A half the link needs but Linkscope does not see: a configuration cause when its cluster was read, else unread. */
function missingPartnerCause(link: PairedLink, directory: ClusterDirectory): FlowCause | null {
  const expected = link.expectedPartner;
  if (expected === null || link.partner !== null || expected.cluster === null) return null;
  const host = directory.configuredCluster(expected.cluster);
  if (host === undefined) return null;
  if (host.status === "ok") return { code: "configuration", text: `the ${expected.role} half is missing on ${host.name}: create it` };
  return expected.role === "source"
    ? null
    : { code: "destination-unread", text: `Linkscope cannot read ${host.name} (${host.status}), which hosts the mirrors` };
}

/** Both halves waiting for the other to dial, or a source half that does not dial: nobody connects. */
function dialCauses(link: PairedLink): FlowCause[] {
  const causes: FlowCause[] = [];
  if (link.mainMode === "SOURCE" && !dialsOut(link.main)) {
    causes.push({ code: "configuration", text: `the source half on ${link.main.cluster} is INBOUND: nobody connects` });
  }
  if (link.mainMode === "BIDIRECTIONAL" && link.partner !== null && !dialsOut(link.main) && !dialsOut(link.partner)) {
    causes.push({ code: "configuration", text: "both halves are INBOUND: neither cluster dials the other" });
  }
  return causes;
}

function flowOf(link: PairedLink, halves: readonly LinkHalfObservation[], directory: ClusterDirectory): LinkFlow {
  const context = { clusterStatus: (name: string) => directory.configuredCluster(name)?.status };
  const remoteOf = (half: Pick<LinkHalfObservation, "cluster">) =>
    half === link.main ? link.remote : half === link.partner ? link.main.cluster : null;
  const extra = [missingPartnerCause(link, directory), ...dialCauses(link)].filter((c): c is FlowCause => c !== null);
  return linkFlow(halves, remoteOf, context, extra);
}

function deriveLink(group: readonly LinkHalfObservation[], directory: ClusterDirectory): TopologyLink {
  const link = pairHalves(group, directory);
  const halves = visibleHalvesOf(link);
  const shape = shapeOf(link);
  const figures = mirrorFiguresOf(halves);
  const assessment = assessLink(link, halves, shape, figures, directory);
  const flow = flowOf(link, halves, directory);
  const problems =
    flow.cause === null ? assessment.problems : [problem("link-not-flowing", `No data moves: ${flow.cause.text}.`), ...assessment.problems];
  return {
    id: link.id,
    name: link.main.linkName,
    clusterLinkId: link.main.clusterLinkId,
    ...shape,
    halves: halves.map(toTopologyHalf),
    state: rollupLinkState({ flow, partitionStates: figures.partitionStates, hasProblems: problems.length > 0 }),
    flowing: flow.flowing,
    cause: flow.cause?.text ?? null,
    causeCode: flow.cause?.code ?? null,
    // The derivation is pure: the fleet read fills this in from the readings before (flow.ts nextStaleSince).
    staleSince: null,
    // Also filled in by the fleet read: the budget from the config, the seconds from history.
    rpoSeconds: null,
    maxLagSeconds: null,
    problems,
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
export function deriveTopology(clusters: readonly ClusterObservation[], halves: readonly LinkHalfObservation[], now: Date): Topology {
  const directory = new ClusterDirectory(clusters);
  const links = [...groupHalvesByLink(halves).values()]
    .map((group) => deriveLink(group, directory))
    .sort((a, b) => compareStrings(a.id, b.id));
  const readAt = clusters.flatMap((c) => (c.status === "ok" && c.asOf !== null ? [c.asOf] : []));
  const all = directory.allClusters();
  return {
    generatedAt: now.toISOString(),
    asOf: readAt.length ? Math.min(...readAt) : null,
    clusters: all,
    links,
    coverage: fleetCoverage(all, links),
  };
}
