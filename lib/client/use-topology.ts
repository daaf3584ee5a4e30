"use client";
import { useQuery } from "@tanstack/react-query";
import { TopologySchema } from "@/lib/domain/types";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/**
 * The whole fleet as a graph, polled on the configured interval. Structural sharing keeps unchanged clusters and
 * links the same objects across polls, so memoised graph nodes and edges only re-render for what changed.
 */
export function useTopology() {
  const { pollIntervalMs } = useSettings();
  return useQuery({
    queryKey: queryKeys.topology(),
    queryFn: ({ signal }) => fetchJson(apiPaths.topology(), TopologySchema, { signal }),
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
  });
}
