import type { ClusterDirectory } from "./cluster-directory";
import { isLinkErrorPresent } from "../links/link-health";
import type { LinkMirrorFigures, MirrorInError } from "./link-mirrors";
import { dialsOut, effectiveLinkMode, hostsMirrors, isKnownConnectionMode, isKnownLinkMode } from "../links/link-modes";
import type { PairedLink } from "./link-pairing";
import type { LinkShape } from "./link-shape";
import { areAllMirrorPartitionsPaused, totalPartitions, unrecognisedPartitionCategories } from "../mirrors/mirror-states";
import type { ProblemCode } from "../problem-codes";
import type { ClusterObservation, LinkHalfObservation, Problem } from "../types";

/** How many mirrors a problem sentence names before it says "and N more". */
export const MIRRORS_NAMED_IN_PROBLEMS = 5;

export interface LinkAssessment {
  /** What a person can act on, in a stable order: halves, pairing, reachability, mirrors. */
  problems: Problem[];
  /** A configured end of the link is unreachable: the rollup turns this into UNAVAILABLE. */
  neededClusterUnreachable: boolean;
}

export function problem(code: ProblemCode, message: string): Problem {
  return { code, message };
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Why Linkscope cannot look inside a configured cluster, as the end of a sentence. */
export function describeClusterTrouble(cluster: Pick<ClusterObservation, "name" | "status">): string {
  switch (cluster.status) {
    case "unreachable":
      return `${cluster.name} is unreachable`;
    case "unauthorized":
      return `${cluster.name} rejected Linkscope's credentials`;
    case "error":
      return `${cluster.name} answered with an error`;
    case "ok":
      return `${cluster.name} is reachable`;
  }
}

function problemsOfHalf(half: LinkHalfObservation): Problem[] {
  const problems: Problem[] = [];
  const at = half.cluster;
  if (!isKnownLinkMode(half.linkMode)) {
    problems.push(problem("unknown-link-mode", `${at} reports an unknown link.mode "${half.linkMode}": the direction shown is a guess`));
  }
  if (!isKnownConnectionMode(half.connectionMode)) {
    problems.push(
      problem("unknown-connection-mode", `${at} reports an unknown connection.mode "${half.connectionMode}": treated as OUTBOUND`),
    );
  }
  if (effectiveLinkMode(half) === "SOURCE" && !dialsOut(half)) {
    problems.push(problem("source-half-inbound", `the source half on ${at} is INBOUND: a source half must dial out, so nobody connects`));
  }
  if (half.state !== "ACTIVE") problems.push(problem("link-not-active", `link state on ${at} is ${half.state}`));
  if (isLinkErrorPresent(half.error)) {
    const message = half.errorMessage ? `: ${half.errorMessage}` : "";
    problems.push(problem("link-error", `${at} reports ${half.error}${message}`));
  }
  problems.push(...(half.readProblems ?? []));
  const tasksInError = (half.tasks ?? []).filter((task) => task.state === "IN_ERROR");
  if (tasksInError.length > 0) {
    const names = tasksInError.map((task) => task.name).join(", ");
    const firstError = tasksInError.flatMap((task) => task.errors)[0];
    const detail = firstError === undefined ? "" : ` (first error: ${firstError.code}: ${firstError.message})`;
    problems.push(problem("tasks-in-error", `${plural(tasksInError.length, "task")} in error on ${at}: ${names}${detail}`));
  }
  return problems;
}

interface PairingProblems {
  problems: Problem[];
  /** The cluster a "cannot see" sentence already blamed, so reachability does not say it twice. */
  blamed: string | null;
}

function problemsOfPairing(link: PairedLink, directory: ClusterDirectory): PairingProblems {
  const problems: Problem[] = [];
  let blamed: string | null = null;
  if (link.remote === null) {
    problems.push(
      problem("remote-cluster-unknown", `${link.main.cluster} does not report the other cluster's id: the other end is unknown`),
    );
  }
  const expected = link.expectedPartner;
  if (expected !== null && link.partner === null && expected.cluster !== null) {
    const host = directory.configuredCluster(expected.cluster);
    if (host?.status === "ok") {
      problems.push(problem("half-missing", `${expected.role} half missing on ${host.name}: no data can flow`));
    } else if (host !== undefined) {
      problems.push(problem("half-not-visible", `cannot see the ${expected.role} half: ${describeClusterTrouble(host)}`));
      blamed = host.name;
    }
    // On an external cluster the partner is out of sight by definition: nothing to say.
  }
  if (link.mainMode === "BIDIRECTIONAL" && link.partner !== null && !dialsOut(link.main) && !dialsOut(link.partner)) {
    problems.push(problem("both-halves-inbound", "both halves are INBOUND: neither cluster dials the other"));
  }
  for (const stray of link.strays) {
    problems.push(
      problem(
        "unexpected-half",
        `unexpected ${stray.linkMode} half on ${stray.cluster}: it does not pair with the half on ${link.main.cluster}`,
      ),
    );
  }
  return { problems, blamed };
}

interface LinkEnd {
  cluster: string;
  /** How a sentence introduces it: "source cluster", "destination cluster", or just "cluster" when bidirectional. */
  role: string;
}

function endsOf(shape: LinkShape): LinkEnd[] {
  const bidirectional = shape.kind === "bidirectional";
  const ends: LinkEnd[] = [];
  if (shape.source !== null) ends.push({ cluster: shape.source, role: bidirectional ? "cluster" : "source cluster" });
  if (shape.destination !== null && shape.destination !== shape.source) {
    ends.push({ cluster: shape.destination, role: bidirectional ? "cluster" : "destination cluster" });
  }
  return ends;
}

function describeMirrorInError(mirror: MirrorInError, withCluster: boolean): string {
  return withCluster ? `${mirror.name} on ${mirror.cluster} (${mirror.status})` : `${mirror.name} (${mirror.status})`;
}

function problemsOfMirrors(figures: LinkMirrorFigures, hostingClusters: number): Problem[] {
  const problems: Problem[] = [];
  const states = figures.partitionStates;
  const inError = figures.mirrorsInError;
  if (inError.length > 0) {
    const named = inError.slice(0, MIRRORS_NAMED_IN_PROBLEMS).map((m) => describeMirrorInError(m, hostingClusters > 1));
    const more = inError.length - named.length;
    const andMore = more > 0 ? `, and ${more} more` : "";
    problems.push(problem("mirrors-in-error", `${plural(inError.length, "mirror")} in error: ${named.join(", ")}${andMore}`));
  } else if (states.IN_ERROR > 0) {
    problems.push(problem("mirror-partitions-in-error", `${plural(states.IN_ERROR, "mirror partition")} in error`));
  }
  if (states.PAUSED > 0 && !areAllMirrorPartitionsPaused(states)) {
    const mirroring = totalPartitions(states) - states.NOT_APPLICABLE;
    problems.push(problem("mirror-partitions-paused", `${states.PAUSED} of ${plural(mirroring, "mirror partition")} paused`));
  }
  const unrecognised = unrecognisedPartitionCategories(states);
  if (unrecognised.length > 0) {
    const listed = unrecognised.map((category) => `${category} (${states[category] ?? 0})`).join(", ");
    problems.push(problem("unknown-partition-states", `mirror partitions in states Linkscope does not know: ${listed}`));
  }
  return problems;
}

/** Every problem of one link, and whether a needed cluster is unreachable. */
export function assessLink(
  link: PairedLink,
  visibleHalves: readonly LinkHalfObservation[],
  shape: LinkShape,
  figures: LinkMirrorFigures,
  directory: ClusterDirectory,
): LinkAssessment {
  const problems = visibleHalves.flatMap(problemsOfHalf);
  const pairing = problemsOfPairing(link, directory);
  problems.push(...pairing.problems);

  let neededClusterUnreachable = false;
  for (const end of endsOf(shape)) {
    if (directory.configuredCluster(end.cluster)?.status !== "unreachable") continue;
    neededClusterUnreachable = true;
    if (end.cluster !== pairing.blamed) problems.push(problem("cluster-unreachable", `${end.role} ${end.cluster} is unreachable`));
  }

  const hostingClusters = new Set(visibleHalves.filter(hostsMirrors).map((half) => half.cluster));
  problems.push(...problemsOfMirrors(figures, hostingClusters.size));
  return { problems, neededClusterUnreachable };
}
