"use client";
import { useQuery } from "@tanstack/react-query";
import { MirrorsResponseSchema } from "@/lib/api/links";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { useWithLastKnown } from "./last-known";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/**
 * Every mirror of a link half. Filtering and sorting happen in the browser: the page shows counts per status
 * and answers each keystroke at once, and one cached list serves every filter.
 */
export function useLinkMirrors(cluster: string, link: string, { enabled = true }: { enabled?: boolean } = {}) {
  const { pollIntervalMs } = useSettings();
  const query = useQuery({
    queryKey: queryKeys.linkMirrors(cluster, link),
    queryFn: ({ signal }) => fetchJson(apiPaths.linkMirrors(cluster, link), MirrorsResponseSchema, { signal }),
    select: (response) => response.mirrors,
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
    enabled,
  });
  return useWithLastKnown(query, MirrorsResponseSchema, (answer) => answer.mirrors);
}
