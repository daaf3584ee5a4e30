"use client";
import { useQueries } from "@tanstack/react-query";
import { ReadinessResponseSchema } from "@/lib/api/readiness";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

/** GET /api/readiness for each link of the runbook's scope: the server judges every mirror; polled like the rest. */
export function useLinksReadiness(cluster: string, links: readonly string[]) {
  const { pollIntervalMs } = useSettings();
  return useQueries({
    queries: links.map((link) => ({
      queryKey: queryKeys.readiness(cluster, link),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson(apiPaths.readiness(cluster, link), ReadinessResponseSchema, { signal }),
      refetchInterval: pollIntervalMs,
      refetchIntervalInBackground: false,
      staleTime: pollIntervalMs / 2,
      enabled: cluster !== "",
    })),
  });
}
