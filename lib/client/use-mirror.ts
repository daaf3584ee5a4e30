"use client";
import { useQuery } from "@tanstack/react-query";
import { MirrorDetailSchema } from "@/lib/api/links";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { useWithLastKnown } from "./last-known";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/** One mirror topic with its per-partition lags and state transition errors, polled; while its cluster is down, what it last knew. */
export function useMirror(cluster: string, link: string, topic: string) {
  const { pollIntervalMs } = useSettings();
  const query = useQuery({
    queryKey: queryKeys.mirror(cluster, link, topic),
    queryFn: ({ signal }) => fetchJson(apiPaths.mirror(cluster, link, topic), MirrorDetailSchema, { signal }),
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
  });
  return useWithLastKnown(query, MirrorDetailSchema, (answer) => answer);
}
