"use client";
import { useQueries } from "@tanstack/react-query";
import { useEffect, type Dispatch } from "react";
import { MirrorDetailSchema, MirrorsResponseSchema } from "@/lib/api/links";
import { runTopics, type ActionRun, type RunEvent } from "@/lib/domain/actions/action-run";
import { apiPaths } from "@/lib/client/api-paths";
import { ApiRequestError, fetchJson } from "@/lib/client/fetch-json";
import { queryKeys } from "@/lib/client/query-keys";
import { useSettings } from "@/lib/client/settings-context";

/** Topics watched one by one (fresh, with state transition errors); the rest are read from the link's mirror list. */
const MAX_DETAIL_POLLS = 20;
/** Progress is what people stare at: faster than the page refresh, never faster than this. */
const MIN_PROGRESS_INTERVAL_MS = 2_000;

/**
 * Polls the mirrors a run is watching and feeds what it sees into the run. A topic that is not a mirror (yet) reads as
 * "no status": truncate-and-restore acts on a plain topic that becomes a mirror again.
 */
export function useRunObservation(run: ActionRun, dispatch: Dispatch<RunEvent>) {
  const { pollIntervalMs } = useSettings();
  const active = run.phase === "executing" || run.phase === "watching";
  const watched = runTopics(run).filter((t) => t.execute?.ok === true);
  const links = [...new Set(watched.map((t) => t.link))];
  const pending = watched.filter((t) => t.progress !== "done" && t.progress !== "failed").slice(0, MAX_DETAIL_POLLS);
  const interval = Math.max(MIN_PROGRESS_INTERVAL_MS, Math.min(pollIntervalMs, 5_000));

  const lists = useQueries({
    queries: links.map((link) => ({
      queryKey: queryKeys.linkMirrors(run.cluster, link),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchJson(apiPaths.linkMirrors(run.cluster, link), MirrorsResponseSchema, { signal }),
      refetchInterval: active ? pollIntervalMs : (false as const),
      enabled: active,
    })),
  });

  const details = useQueries({
    queries: pending.map((t) => ({
      queryKey: [...queryKeys.mirror(run.cluster, t.link, t.topic), "progress"],
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        try {
          return await fetchJson(apiPaths.mirror(run.cluster, t.link, t.topic), MirrorDetailSchema, { signal });
        } catch (err) {
          if (err instanceof ApiRequestError && err.status === 404) return null;
          throw err;
        }
      },
      refetchInterval: active ? interval : (false as const),
      enabled: active,
      retry: false,
    })),
  });

  const listStamp = lists.map((q) => q.dataUpdatedAt).join(",");
  const detailStamp = details.map((q) => q.dataUpdatedAt).join(",");

  // biome-ignore lint/correctness/useExhaustiveDependencies: only new answers matter, and the stamps change exactly when one arrives
  useEffect(() => {
    if (!active) return;
    const at = Date.now();
    const seen = new Set<string>();
    details.forEach((q, i) => {
      const t = pending[i];
      if (!t || q.dataUpdatedAt === 0) return;
      seen.add(`${t.link}/${t.topic}`);
      dispatch({
        type: "observed",
        at,
        link: t.link,
        topic: t.topic,
        status: q.data?.status ?? null,
        transitionErrors: q.data?.stateTransitionErrors ?? [],
      });
    });
    lists.forEach((q, i) => {
      const link = links[i];
      if (!link || !q.data) return;
      const byName = new Map(q.data.mirrors.map((m) => [m.name, m]));
      for (const t of watched) {
        if (t.link !== link || seen.has(`${t.link}/${t.topic}`)) continue;
        const m = byName.get(t.topic);
        if (m) dispatch({ type: "observed", at, link, topic: t.topic, status: m.status });
      }
    });
  }, [listStamp, detailStamp, active]);
}
