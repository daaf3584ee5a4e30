import type { ClusterDirectory } from "./cluster-directory";
import { compareStrings } from "../compare";
import { dialsOut, effectiveLinkMode, isKnownLinkMode, remoteClusterIdOf, type LinkMode } from "../links/link-modes";
import type { LinkHalfObservation } from "../types";

/** `name@cluster_link_id`: what the API calls a link's id, and the key halves pair by. */
export function linkIdOf(half: Pick<LinkHalfObservation, "linkName" | "clusterLinkId">): string {
  return `${half.linkName}@${half.clusterLinkId}`;
}

/**
 * Groups halves that belong to the same link: same link name and same cluster_link_id. A link that was deleted
 * and re-created under the same name gets a new cluster_link_id, so its leftovers never pair with the new one.
 * Nameless records (`UNMANAGED_SOURCE` leftovers, reference trap 13) and repeats of the same cluster's half are
 * dropped.
 */
export function groupHalvesByLink(halves: readonly LinkHalfObservation[]): Map<string, LinkHalfObservation[]> {
  const groups = new Map<string, LinkHalfObservation[]>();
  for (const half of halves) {
    if (half.linkName === "") continue;
    const id = linkIdOf(half);
    const group = groups.get(id) ?? [];
    if (group.some((seen) => seen.cluster === half.cluster)) continue;
    group.push(half);
    groups.set(id, group);
  }
  return groups;
}

/** Which half a link is described from when both are visible: the one that hosts the mirrors. */
const MAIN_HALF_PRIORITY: Record<LinkMode, number> = { DESTINATION: 0, BIDIRECTIONAL: 1, SOURCE: 2 };

function compareMainHalfCandidates(a: LinkHalfObservation, b: LinkHalfObservation): number {
  return (
    MAIN_HALF_PRIORITY[effectiveLinkMode(a)] - MAIN_HALF_PRIORITY[effectiveLinkMode(b)] ||
    Number(!isKnownLinkMode(a.linkMode)) - Number(!isKnownLinkMode(b.linkMode)) ||
    compareStrings(a.cluster, b.cluster)
  );
}

/** The half the main half needs on the other cluster for data to flow. */
export interface ExpectedPartner {
  /** What the sentences call it. */
  role: "source" | "destination" | "remote";
  mode: LinkMode;
  /** Name of the cluster it should live on; `null` when the main half does not say. */
  cluster: string | null;
}

/** A link's visible halves, sorted into the main half, its partner, and anything that does not fit. */
export interface PairedLink {
  id: string;
  main: LinkHalfObservation;
  mainMode: LinkMode;
  /** Name of the other end of the link; `null` when no visible half says which cluster it is. */
  remote: string | null;
  expectedPartner: ExpectedPartner | null;
  partner: LinkHalfObservation | null;
  /** Halves with this link's name and id that are neither the main half nor its partner. */
  strays: LinkHalfObservation[];
}

function expectedPartnerOf(main: LinkHalfObservation, mode: LinkMode, remote: string | null): ExpectedPartner | null {
  switch (mode) {
    case "DESTINATION":
      // A destination half that dials out is the whole link; one that waits for a connection needs the source half.
      return dialsOut(main) ? null : { role: "source", mode: "SOURCE", cluster: remote };
    case "SOURCE":
      return { role: "destination", mode: "DESTINATION", cluster: remote };
    case "BIDIRECTIONAL":
      return { role: "remote", mode: "BIDIRECTIONAL", cluster: remote };
  }
}

/** Sorts one link's halves into main half, partner and strays, and names the other end. */
export function pairHalves(group: readonly LinkHalfObservation[], directory: ClusterDirectory): PairedLink {
  const [main, ...others] = [...group].sort(compareMainHalfCandidates);
  if (main === undefined) throw new Error("pairHalves needs at least one half");
  const mainMode = effectiveLinkMode(main);

  let remote = directory.nameOfId(remoteClusterIdOf(main));
  const expected = expectedPartnerOf(main, mainMode, remote);
  const fits = (half: LinkHalfObservation) =>
    expected !== null && effectiveLinkMode(half) === expected.mode && (remote === null || half.cluster === remote);
  const partner = others.find(fits) ?? null;
  if (remote === null && partner !== null) remote = partner.cluster;

  return {
    id: linkIdOf(main),
    main,
    mainMode,
    remote,
    expectedPartner: expected === null ? null : { ...expected, cluster: remote },
    partner,
    strays: others.filter((half) => half !== partner),
  };
}
