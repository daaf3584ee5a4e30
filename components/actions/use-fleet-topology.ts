"use client";
import { useQuery } from "@tanstack/react-query";
import { TopologySchema } from "@/lib/domain/types";
import { apiPaths } from "@/lib/client/api-paths";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys } from "@/lib/client/query-keys";
import { useSettings } from "@/lib/client/settings-context";

/** The fleet graph, from the same cached query every other page uses. */
export function useFleetTopology() {
  const { pollIntervalMs } = useSettings();
  return useQuery({
    queryKey: queryKeys.topology(),
    queryFn: ({ signal }) => fetchJson(apiPaths.topology(), TopologySchema, { signal }),
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
  });
}

export function useClusterId(cluster: string): string | null {
  return useFleetTopology().data?.clusters.find((c) => c.name === cluster)?.id ?? null;
}
