"use client";
import { useQuery } from "@tanstack/react-query";
import { TopLagResponseSchema } from "@/lib/api/top-lag";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/** The fleet's `limit` mirrors with the highest lag, computed by the server from its snapshot: one small request per poll. */
export function useFleetTopLagMirrors(limit: number) {
  const { pollIntervalMs } = useSettings();
  return useQuery({
    queryKey: queryKeys.topLagMirrors(limit),
    queryFn: ({ signal }) => fetchJson(apiPaths.topLagMirrors(limit), TopLagResponseSchema, { signal }),
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
  });
}
