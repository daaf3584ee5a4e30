"use client";
import { useQuery } from "@tanstack/react-query";
import { ClusterLinksResponseSchema } from "@/lib/api/links";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/** The link halves hosted on one cluster (`GET /api/clusters/{cluster}/links`), polled. */
export function useClusterLinks(cluster: string) {
  const { pollIntervalMs } = useSettings();
  return useQuery({
    queryKey: queryKeys.clusterLinks(cluster),
    queryFn: ({ signal }) => fetchJson(apiPaths.clusterLinks(cluster), ClusterLinksResponseSchema, { signal }),
    select: (response) => response.links,
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
  });
}
