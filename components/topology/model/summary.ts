import { compareLinkRollupSeverity, linkRollupSeverity } from "@/lib/domain/links/link-health";
import { addPartitionStates, emptyPartitionStates } from "@/lib/domain/mirrors/mirror-states";
import {
  LinkRollupStateSchema,
  TopologyClusterStatusSchema,
  type LinkRollupState,
  type PartitionStates,
  type Topology,
  type TopologyCluster,
  type TopologyClusterStatus,
  type TopologyLink,
} from "@/lib/domain/types";
import { clusterHasProblem, linkHasProblem } from "./filter";

/** Every rollup state, worst first. */
export const LINK_STATES_WORST_FIRST: readonly LinkRollupState[] = [...LinkRollupStateSchema.options].sort(compareLinkRollupSeverity);

export function linksByState(links: readonly Pick<TopologyLink, "state">[]): { state: LinkRollupState; count: number }[] {
  return LINK_STATES_WORST_FIRST.map((state) => ({ state, count: links.filter((l) => l.state === state).length }));
}

const CLUSTER_STATUS_ORDER: readonly TopologyClusterStatus[] = ["unreachable", "unauthorized", "error", "ok", "external"];

export function clustersByStatus(clusters: readonly Pick<TopologyCluster, "status">[]): { status: TopologyClusterStatus; count: number }[] {
  return CLUSTER_STATUS_ORDER.filter((s) => TopologyClusterStatusSchema.options.includes(s)).map((status) => ({
    status,
    count: clusters.filter((c) => c.status === status).length,
  }));
}

/** Mirror partitions of the whole fleet by state category (unknown categories kept verbatim). */
export function fleetPartitionStates(links: readonly Pick<TopologyLink, "partitionStates">[]): PartitionStates {
  return links.length ? addPartitionStates(...links.map((l) => l.partitionStates)) : emptyPartitionStates();
}

// ---------------------------------------------------------------------------------------------------------------
// Links and pages
// ---------------------------------------------------------------------------------------------------------------

/**
 * The cluster whose link page to open for a link: the half hosting the mirrors (the topology lists it first),
 * else an end that is a configured cluster.
 */
export function mainHalfCluster(link: Pick<TopologyLink, "halves" | "destination" | "source">): string | null {
  return link.halves[0]?.cluster ?? link.destination ?? link.source;
}

// ---------------------------------------------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------------------------------------------

export type ProblemTone = "error" | "warning" | "unknown";

export type ProblemTarget = { kind: "cluster"; cluster: string } | { kind: "link"; cluster: string; link: string; linkId: string };

export interface ProblemItem {
  key: string;
  tone: ProblemTone;
  /** What the problem is about: a cluster's display name or a link's name. */
  subject: string;
  /** One or more sentences about the subject. */
  texts: string[];
  /** Where to go to look at it; `null` when there is no page for it. */
  target: ProblemTarget | null;
  /** Higher is worse. */
  severity: number;
}

const STATE_SENTENCE: Record<LinkRollupState, string> = {
  FAILED: "No data moves until the link's configuration or credentials are fixed.",
  NOT_FLOWING: "No data moves over the link: its lag figures are at least what they show.",
  DEGRADED: "Data flows, but something else is wrong.",
  UNKNOWN: "Nothing confirms that the link is running.",
  PAUSED: "The link is paused: nothing replicates until it is resumed.",
  ACTIVE: "",
};

export function linkTone(state: LinkRollupState): ProblemTone {
  if (state === "FAILED" || state === "NOT_FLOWING") return "error";
  if (state === "UNKNOWN") return "unknown";
  return "warning";
}

const CLUSTER_STATUS_SENTENCE: Record<TopologyClusterStatus, string> = {
  unreachable: "Cannot be reached.",
  unauthorized: "Rejects Linkscope's credentials.",
  error: "Answers with errors.",
  ok: "",
  external: "",
};

/** Every cluster and link with problems, worst first: clusters that cannot be read, then links by rollup severity. */
export function problemsOf(topology: Pick<Topology, "clusters" | "links">): ProblemItem[] {
  const items: ProblemItem[] = [];
  for (const cluster of topology.clusters) {
    if (!clusterHasProblem(cluster)) continue;
    items.push({
      key: `cluster:${cluster.name}`,
      tone: "error",
      subject: cluster.displayName || cluster.name,
      texts: [cluster.error ?? CLUSTER_STATUS_SENTENCE[cluster.status]],
      target: { kind: "cluster", cluster: cluster.name },
      severity: 100 + (cluster.status === "error" ? 0 : 1),
    });
  }
  for (const cluster of topology.clusters) {
    if (clusterHasProblem(cluster) || cluster.problems.length === 0) continue;
    items.push({
      key: `cluster-problems:${cluster.name}`,
      tone: "warning",
      subject: cluster.displayName || cluster.name,
      texts: cluster.problems.map((p) => p.message),
      target: { kind: "cluster", cluster: cluster.name },
      // Below unreadable clusters, beside degraded links: the cluster answers, but not all of it could be read.
      severity: 10 * linkRollupSeverity("DEGRADED"),
    });
  }
  for (const link of topology.links) {
    if (!linkHasProblem(link)) continue;
    const cluster = mainHalfCluster(link);
    const target: ProblemTarget | null = cluster ? { kind: "link", cluster, link: link.name, linkId: link.id } : null;
    items.push({
      key: `link:${link.id}`,
      tone: linkTone(link.state),
      subject: link.name,
      texts: link.problems.length ? link.problems.map((p) => p.message) : [STATE_SENTENCE[link.state]],
      target,
      severity: 10 * linkRollupSeverity(link.state),
    });
  }
  return items.sort((a, b) => b.severity - a.severity || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}
