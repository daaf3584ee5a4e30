"use client";
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { MirrorsResponseSchema } from "@/lib/api/links";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { useWithLastKnown } from "./last-known";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

function linkMirrorsQuery(cluster: string, link: string, pollIntervalMs: number) {
  return queryOptions({
    queryKey: queryKeys.linkMirrors(cluster, link),
    queryFn: ({ signal }) => fetchJson(apiPaths.linkMirrors(cluster, link), MirrorsResponseSchema, { signal }),
    staleTime: pollIntervalMs / 2,
  });
}

/**
 * Every mirror of a link half. Filtering and sorting happen in the browser: the page shows counts per status
 * and answers each keystroke at once, and one cached list serves every filter.
 */
export function useLinkMirrors(cluster: string, link: string, { enabled = true }: { enabled?: boolean } = {}) {
  const { pollIntervalMs } = useSettings();
  const query = useQuery({
    ...linkMirrorsQuery(cluster, link, pollIntervalMs),
    select: (response) => response.mirrors,
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    enabled,
  });
  return useWithLastKnown(query, MirrorsResponseSchema, (answer) => answer.mirrors);
}

/**
 * Starts reading a link's mirrors as the page mounts, before the panels that show them have loaded their code (the
 * link page loads them apart): the list and the code arrive together instead of one after the other.
 */
export function usePrefetchLinkMirrors(cluster: string, link: string, { enabled }: { enabled: boolean }) {
  const client = useQueryClient();
  const { pollIntervalMs } = useSettings();
  useEffect(() => {
    if (enabled) void client.prefetchQuery(linkMirrorsQuery(cluster, link, pollIntervalMs));
  }, [client, cluster, link, pollIntervalMs, enabled]);
}
