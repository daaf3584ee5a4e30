"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { LinkConsumerGroupsResponseSchema } from "@/lib/domain/failover/consumer-group-types";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/** Whether the link's consumer groups would resume on the destination after a failover; polled like the rest of the page. */
export function useLinkConsumerGroups(cluster: string, link: string, { enabled = true }: { enabled?: boolean } = {}) {
  const { pollIntervalMs } = useSettings();
  return useQuery({
    queryKey: queryKeys.linkConsumerGroups(cluster, link),
    queryFn: ({ signal }) => fetchJson(apiPaths.linkConsumerGroups(cluster, link), LinkConsumerGroupsResponseSchema, { signal }),
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
    enabled,
  });
}

/** The consumer groups of several links of one cluster (the runbook's scope), one query per link, shared with the link pages. */
export function useLinksConsumerGroups(cluster: string, links: readonly string[]) {
  const { pollIntervalMs } = useSettings();
  return useQueries({
    queries: links.map((link) => ({
      queryKey: queryKeys.linkConsumerGroups(cluster, link),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchJson(apiPaths.linkConsumerGroups(cluster, link), LinkConsumerGroupsResponseSchema, { signal }),
      refetchInterval: pollIntervalMs,
      refetchIntervalInBackground: false,
      staleTime: pollIntervalMs / 2,
      enabled: cluster !== "",
    })),
  });
}
