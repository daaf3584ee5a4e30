"use client";
import { useQuery } from "@tanstack/react-query";
import { ClustersResponseSchema } from "@/lib/api/clusters";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

export function useClusters() {
  const { pollIntervalMs } = useSettings();
  return useQuery({
    queryKey: queryKeys.clusters(),
    queryFn: ({ signal }) => fetchJson(apiPaths.clusters(), ClustersResponseSchema, { signal }),
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
  });
}
