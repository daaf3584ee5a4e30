import type { ClusterObservation, LinkHalfObservation, MirrorSummary } from "../types";

/** Test builders: a healthy default, overridden by what the test is about. */

export function aCluster(name: string, overrides: Partial<ClusterObservation> = {}): ClusterObservation {
  return {
    name,
    id: `lkc-${name}`,
    displayName: name.toUpperCase(),
    network: null,
    region: null,
    status: "ok",
    error: null,
    problems: [],
    asOf: null,
    latencyMs: null,
    lastOkAt: null,
    ...overrides,
  };
}

export function anUnreachableCluster(name: string, overrides: Partial<ClusterObservation> = {}): ClusterObservation {
  return aCluster(name, { status: "unreachable", error: `${name} refused the connection`, ...overrides });
}

type HalfBasics = Pick<LinkHalfObservation, "cluster" | "linkName">;

export function aHalf(basics: HalfBasics & Partial<LinkHalfObservation>): LinkHalfObservation {
  return {
    clusterLinkId: "LinkId0000000000000001",
    linkMode: "DESTINATION",
    connectionMode: "OUTBOUND",
    sourceClusterId: null,
    destinationClusterId: null,
    remoteClusterId: null,
    state: "ACTIVE",
    error: null,
    errorMessage: null,
    tasks: null,
    categoryCounts: null,
    mirrors: null,
    topicNames: [],
    ...basics,
  };
}

export function aMirror(name: string, overrides: Partial<MirrorSummary> = {}): MirrorSummary {
  return { name, sourceTopic: name, status: "ACTIVE", partitions: 1, maxLag: 0, totalLag: 0, ...overrides };
}
