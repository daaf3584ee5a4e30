"use client";
import { useQueries } from "@tanstack/react-query";
import { MirrorsResponseSchema, type MirrorView } from "@/lib/api/links";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

export interface MirrorListSource {
  cluster: string;
  linkName: string;
}

export interface MirrorListResult<S extends MirrorListSource> {
  source: S;
  mirrors: MirrorView[] | undefined;
  error: Error | null;
  isPending: boolean;
}

/**
 * The mirror lists of several link halves at once (the same cache entries as each link page's mirror list),
 * polled on the configured interval. Used for the fleet's top mirrors by lag, which only ever needs the halves
 * of the few links with the highest lag.
 */
export function useMirrorLists<S extends MirrorListSource>(sources: readonly S[]): MirrorListResult<S>[] {
  const { pollIntervalMs } = useSettings();
  return useQueries({
    queries: sources.map((s) => ({
      queryKey: queryKeys.linkMirrors(s.cluster, s.linkName),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson(apiPaths.linkMirrors(s.cluster, s.linkName), MirrorsResponseSchema, { signal }),
      refetchInterval: pollIntervalMs,
      refetchIntervalInBackground: false,
      staleTime: pollIntervalMs / 2,
    })),
    combine: (results) =>
      results.flatMap((r, i) => {
        const source = sources[i];
        return source ? [{ source, mirrors: r.data?.mirrors, error: r.error, isPending: r.isPending }] : [];
      }),
  });
}
