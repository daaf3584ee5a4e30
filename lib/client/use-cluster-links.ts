"use client";
import { useQuery } from "@tanstack/react-query";
import { ClusterLinksResponseSchema } from "@/lib/api/links";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { useWithLastKnown } from "./last-known";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/** The link halves hosted on one cluster (`GET /api/clusters/{cluster}/links`), polled; while it is down, what it last knew. */
export function useClusterLinks(cluster: string) {
  const { pollIntervalMs } = useSettings();
  const query = useQuery({
    queryKey: queryKeys.clusterLinks(cluster),
    queryFn: ({ signal }) => fetchJson(apiPaths.clusterLinks(cluster), ClusterLinksResponseSchema, { signal }),
    select: (response) => response.links,
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
  });
  return useWithLastKnown(query, ClusterLinksResponseSchema, (answer) => answer.links);
}
