"use client";
import { useQueries } from "@tanstack/react-query";
import { HistoryResponseSchema } from "@/lib/api/history";
import { LinkDetailSchema, MirrorsResponseSchema, type LinkDetail, type MirrorView } from "@/lib/api/links";
import { apiPaths } from "@/lib/client/api-paths";
import { ApiRequestError, fetchJson } from "@/lib/client/fetch-json";
import { queryKeys } from "@/lib/client/query-keys";
import { useSettings } from "@/lib/client/settings-context";
import type { HistoryState } from "./runbook-model";

/** History is fetched per mirror; beyond this many, the rest read "unknown" rather than flood the server. */
export const MAX_HISTORY_MIRRORS = 40;
const HISTORY_WINDOW_MS = 60 * 60_000;
const HISTORY_STEP_SECONDS = 15;

export interface ScopeLinkData {
  link: string;
  detail: LinkDetail | undefined;
  detailError: unknown;
  mirrors: MirrorView[] | undefined;
  mirrorsError: unknown;
  loading: boolean;
}

/** Detail and mirrors of every link in scope, polled like the rest of the dashboard (and shared with the link pages). */
export function useScopeLinks(cluster: string, links: readonly string[]): ScopeLinkData[] {
  const { pollIntervalMs } = useSettings();
  const common = { refetchInterval: pollIntervalMs, refetchIntervalInBackground: false, staleTime: pollIntervalMs / 2 };
  const details = useQueries({
    queries: links.map((link) => ({
      ...common,
      queryKey: queryKeys.link(cluster, link),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson(apiPaths.link(cluster, link), LinkDetailSchema, { signal }),
    })),
  });
  const mirrors = useQueries({
    queries: links.map((link) => ({
      ...common,
      queryKey: queryKeys.linkMirrors(cluster, link),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson(apiPaths.linkMirrors(cluster, link), MirrorsResponseSchema, { signal }),
    })),
  });
  return links.map((link, i) => ({
    link,
    detail: details[i]?.data,
    detailError: details[i]?.error ?? null,
    mirrors: mirrors[i]?.data?.mirrors,
    mirrorsError: mirrors[i]?.error ?? null,
    loading: Boolean(details[i]?.isPending || mirrors[i]?.isPending),
  }));
}

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

function unavailableReason(err: unknown): string {
  if (err instanceof ApiRequestError && err.status === 404) return "this server has no lag history";
  return "lag history could not be read";
}

/** The last hour of lag history per mirror, for the produce rate that turns lag into seconds of data at risk. */
export function useMirrorHistories(cluster: string, mirrors: readonly { link: string; topic: string }[]): Map<string, HistoryState> {
  const { pollIntervalMs } = useSettings();
  const fetched = mirrors.slice(0, MAX_HISTORY_MIRRORS);
  const results = useQueries({
    queries: fetched.map((m) => ({
      queryKey: [...queryKeys.history(cluster, m.link, { topic: m.topic, range: "failover-1h" })],
      queryFn: ({ signal }: { signal: AbortSignal }) => {
        const to = Date.now();
        return fetchJson(
          apiPaths.history({ cluster, link: m.link, topic: m.topic, from: to - HISTORY_WINDOW_MS, to, stepSeconds: HISTORY_STEP_SECONDS }),
          HistoryResponseSchema,
          {
            signal,
          },
        );
      },
      refetchInterval: Math.max(pollIntervalMs, HISTORY_STEP_SECONDS * 1000),
      staleTime: pollIntervalMs,
      retry: false,
    })),
  });
  const states = new Map<string, HistoryState>();
  mirrors.forEach((m, i) => {
    const key = `${m.link}/${m.topic}`;
    const q = results[i];
    if (!q) states.set(key, { kind: "unavailable", reason: `history is read for the first ${MAX_HISTORY_MIRRORS} mirrors only` });
    else if (q.data) states.set(key, { kind: "loaded", series: q.data.series });
    else if (q.error) states.set(key, { kind: "unavailable", reason: unavailableReason(q.error) });
    else states.set(key, { kind: "loading" });
  });
  return states;
}
