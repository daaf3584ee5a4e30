"use client";
import { useQuery } from "@tanstack/react-query";
import { LinkDetailSchema } from "@/lib/api/links";
import type { Topology, TopologyLink } from "@/lib/domain/types";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { useWithLastKnown } from "./last-known";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";
import { topologyQueryOptions } from "./use-topology";

/** One link half in full (tasks, configs, partition states), polled; while its cluster is down, what it last knew. */
export function useLinkDetail(cluster: string, link: string) {
  const { pollIntervalMs } = useSettings();
  const query = useQuery({
    queryKey: queryKeys.link(cluster, link),
    queryFn: ({ signal }) => fetchJson(apiPaths.link(cluster, link), LinkDetailSchema, { signal }),
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
  });
  return useWithLastKnown(query, LinkDetailSchema, (answer) => answer);
}

/**
 * The link as the fleet topology sees it (both halves, connections vs flows). Shares the topology query with
 * every other page, so it costs nothing extra when the graph is already loaded. Matched by id when the half's
 * detail is known, otherwise by name and an end of the link (so it still works while this cluster is down and
 * the topology sees the link only through its other half).
 */
export function useTopologyLink({ cluster, link, linkId }: { cluster: string; link: string; linkId?: string }) {
  const { pollIntervalMs } = useSettings();
  return useQuery({
    ...topologyQueryOptions(pollIntervalMs),
    select: (topology: Topology): { link: TopologyLink | null; clusters: Topology["clusters"] } => ({
      link:
        (linkId ? topology.links.find((l) => l.id === linkId) : undefined) ??
        topology.links.find(
          (l) => l.name === link && (l.halves.some((h) => h.cluster === cluster) || l.source === cluster || l.destination === cluster),
        ) ??
        null,
      clusters: topology.clusters,
    }),
  });
}
