import type { HistorySeries } from "@/lib/api/history";
import type { LinkDetail, MirrorView } from "@/lib/api/links";
import { hostedLink, remoteEnd } from "@/lib/domain/failover/failover-impact";
import type { LinkReadinessInput, MirrorReadinessInput, SyncInput } from "@/lib/domain/failover/readiness";
import { dataAtRisk, dataAtRiskWithoutHistory, sourceOffsetsFromHistory, staleDataAtRisk } from "@/lib/domain/failover/rpo";
import type { Topology, TopologyLink } from "@/lib/domain/types";

/*
 * Turns what the API says (topology, link detail, mirror list, lag history) into the domain's readiness inputs.
 * No fetching here, so the rules are testable with plain objects.
 */

export interface MirrorHost {
  cluster: string;
  displayName: string;
  status: string;
  links: TopologyLink[];
}

/** Configured clusters that host mirrors, each with the links whose mirrors it hosts: what can be failed over. */
export function mirrorHosts(topology: Pick<Topology, "clusters" | "links">): MirrorHost[] {
  return topology.clusters
    .filter((c) => c.status !== "external")
    .map((c) => ({
      cluster: c.name,
      displayName: c.displayName,
      status: c.status,
      links: topology.links
        .filter((l) => hostedLink({ links: [l] }, c.name, l.name) !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((h) => h.links.length > 0);
}

function syncOf(detail: LinkDetail | undefined, config: string, task: string): SyncInput {
  if (!detail) return { enabled: null, taskState: null, taskErrors: [] };
  const value = detail.configs.find((c) => c.name === config)?.value;
  const t = detail.tasksReported ? detail.tasks.find((x) => x.name === task) : undefined;
  return {
    enabled: value === null || value === undefined ? false : value.toLowerCase() === "true",
    taskState: t?.state ?? null,
    taskErrors: (t?.errors ?? []).map((e) => `${e.code}: ${e.message}`),
  };
}

export function linkReadinessInput(
  topology: Pick<Topology, "clusters" | "links">,
  cluster: string,
  linkName: string,
  detail: LinkDetail | undefined,
): LinkReadinessInput {
  const link = hostedLink(topology, cluster, linkName);
  const source = link ? remoteEnd(link, cluster) : (detail?.remoteCluster ?? null);
  const half = link?.halves.find((h) => h.cluster === cluster && h.linkMode !== "SOURCE");
  return {
    cluster,
    link: linkName,
    linkState: link?.state ?? null,
    linkError: detail?.error ?? half?.error ?? null,
    sourceCluster: source,
    sourceClusterStatus: topology.clusters.find((c) => c.name === source)?.status ?? null,
    problems: link?.problems ?? detail?.problems ?? [],
    flowing: link?.flowing ?? null,
    cause: link?.cause ?? null,
    causeCode: link?.causeCode ?? null,
    offsetSync: syncOf(detail, "consumer.offset.sync.enable", "ConsumerOffsetSync"),
    aclSync: syncOf(detail, "acl.sync.enable", "AclSync"),
  };
}

export { sourceOffsetsFromHistory };

export type HistoryState =
  | { kind: "loaded"; series: readonly HistorySeries[] }
  | { kind: "unavailable"; reason: string }
  | { kind: "loading" };

export function mirrorReadinessInput(mirror: MirrorView, history: HistoryState, now: number = Date.now()): MirrorReadinessInput {
  const lags = mirror.lags.map((l) => ({ partition: l.partition, lag: l.lag }));
  const live =
    history.kind === "loaded"
      ? dataAtRisk(lags, sourceOffsetsFromHistory(mirror.name, history.series))
      : dataAtRiskWithoutHistory(lags, history.kind === "loading" ? "lag history is still loading" : history.reason);
  // A stale mirror's lag is a floor: what the destination last knew of the source (docs/link-states.md).
  const atRisk = !mirror.flowing && mirror.staleSince !== null ? staleDataAtRisk(live, mirror.staleSince, now) : live;
  return {
    topic: mirror.name,
    status: mirror.status,
    flowing: mirror.flowing,
    staleSince: mirror.staleSince,
    maxLag: mirror.maxLag,
    totalLag: mirror.totalLag,
    atRisk,
  };
}
