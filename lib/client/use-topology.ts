"use client";
import { useQuery } from "@tanstack/react-query";
import { TopologySchema } from "@/lib/domain/types";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/** The one definition of the topology query: every hook that reads the graph shares its cache entry and polling. */
export function topologyQueryOptions(pollIntervalMs: number) {
  return {
    queryKey: queryKeys.topology(),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson(apiPaths.topology(), TopologySchema, { signal }),
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
  };
}

/**
 * The whole fleet as a graph, polled on the configured interval. Structural sharing keeps unchanged clusters and
 * links the same objects across polls, so memoised graph nodes and edges only re-render for what changed.
 */
export function useTopology() {
  const { pollIntervalMs } = useSettings();
  return useQuery(topologyQueryOptions(pollIntervalMs));
}

/** The Kafka cluster id of a configured cluster, once the topology has it. */
export function useClusterId(cluster: string): string | null {
  return useTopology().data?.clusters.find((c) => c.name === cluster)?.id ?? null;
}
