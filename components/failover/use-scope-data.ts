"use client";
import { useQueries } from "@tanstack/react-query";
import { MirrorsResponseSchema, type MirrorView } from "@/lib/api/links";
import { apiPaths } from "@/lib/client/api-paths";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys } from "@/lib/client/query-keys";
import { useSettings } from "@/lib/client/settings-context";

/** Mirrors of other links (downstream of the failover), read once a refresh; null while unknown or unreadable. */
export function useMirrorLists(refs: readonly { key: string; cluster: string; link: string }[]): Map<string, MirrorView[] | null> {
  const { pollIntervalMs } = useSettings();
  const results = useQueries({
    queries: refs.map((r) => ({
      queryKey: queryKeys.linkMirrors(r.cluster, r.link),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchJson(apiPaths.linkMirrors(r.cluster, r.link), MirrorsResponseSchema, { signal }),
      refetchInterval: pollIntervalMs,
      staleTime: pollIntervalMs / 2,
    })),
  });
  return new Map(refs.map((r, i) => [r.key, results[i]?.data?.mirrors ?? null]));
}
