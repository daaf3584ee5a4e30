"use client";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { createRun, executableTopics, reduceRun, type ActionRun, type RunTarget } from "@/lib/domain/actions/action-run";
import { chunk, MAX_TOPICS_PER_UPSTREAM_CALL } from "@/lib/domain/actions/batching";
import type { MirrorActionName } from "@/lib/domain/actions/mirror-actions";
import { ApiRequestError } from "@/lib/client/fetch-json";
import { useMirrorActionMutation } from "@/lib/client/use-mirror-actions";
import { useRunObservation } from "./use-run-observation";

/** How long a run watches its topics before it says so; the person can keep watching. */
export const DEFAULT_WATCH_MS = 5 * 60_000;
export const EXTEND_WATCH_MS = 5 * 60_000;

function randomId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function groupByLink(targets: readonly RunTarget[]): Map<string, string[]> {
  const byLink = new Map<string, string[]>();
  for (const t of targets) byLink.set(t.link, [...(byLink.get(t.link) ?? []), t.topic]);
  return byLink;
}

function failureOf(err: unknown): { code: string; message: string } {
  if (err instanceof ApiRequestError) {
    if (err.code === "network-error") {
      return {
        code: "network-error",
        message:
          "Lost contact with the Linkscope server: the request may or may not have reached the cluster. Check the mirrors' state before trying again.",
      };
    }
    return { code: err.code, message: err.message };
  }
  return { code: "client-error", message: err instanceof Error ? err.message : "The request failed." };
}

/**
 * Drives one action run: the dry run and the real run go out in requests of at most 100 topics per link, one after
 * another, each with its own idempotency key, so every batch shows up as progress and a double click is harmless.
 */
export function useActionRun({
  cluster,
  action,
  targets,
  watchMs = DEFAULT_WATCH_MS,
}: {
  cluster: string;
  action: MirrorActionName;
  targets: readonly RunTarget[];
  watchMs?: number;
}) {
  const [run, dispatch] = useReducer(reduceRun, undefined, () => createRun(cluster, action, targets));
  const runId = useRef(randomId());
  const dryRuns = useRef(0);
  const [busy, setBusy] = useState(false);
  const mutation = useMirrorActionMutation();
  const latest = useRef<ActionRun>(run);
  latest.current = run;

  useRunObservation(run, dispatch);

  useEffect(() => {
    if (run.phase !== "watching") return;
    const id = setInterval(() => dispatch({ type: "tick", at: Date.now() }), 1000);
    return () => clearInterval(id);
  }, [run.phase]);

  const send = useCallback(
    async (stage: "dry-run" | "execute", byLink: Map<string, string[]>) => {
      const attempt = stage === "dry-run" ? `dry${++dryRuns.current}` : "exec";
      let stopped: string | null = null;
      for (const [link, topics] of byLink) {
        const batches = chunk(topics, MAX_TOPICS_PER_UPSTREAM_CALL);
        for (const [index, batch] of batches.entries()) {
          if (stopped !== null) {
            dispatch({
              type: "request-failed",
              at: Date.now(),
              stage,
              link,
              topics: batch,
              code: "not-sent",
              message: `Not sent: an earlier request failed (${stopped}).`,
            });
            continue;
          }
          try {
            const response = await mutation.mutateAsync({
              cluster,
              link,
              body: { action, topics: batch, validateOnly: stage === "dry-run" },
              idempotencyKey: `${runId.current}:${attempt}:${link}:${index}`,
            });
            dispatch({ type: "answered", at: Date.now(), stage, link, results: response.results, batch: { index, count: batches.length } });
          } catch (err) {
            const failure = failureOf(err);
            dispatch({ type: "request-failed", at: Date.now(), stage, link, topics: batch, ...failure });
            if (stage === "execute") stopped = failure.code;
          }
        }
      }
    },
    [action, cluster, mutation],
  );

  const dryRun = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    try {
      dispatch({ type: "dry-run-started", at: Date.now() });
      await send("dry-run", groupByLink(targets));
      dispatch({ type: "dry-run-finished", at: Date.now() });
    } finally {
      setBusy(false);
    }
  }, [busy, send, targets]);

  const execute = useCallback(
    async (typed: string) => {
      if (busy || latest.current.phase !== "dry-run-done") return;
      setBusy(true);
      try {
        dispatch({ type: "confirmed", at: Date.now(), typed });
        dispatch({ type: "execute-started", at: Date.now() });
        await send("execute", groupByLink(executableTopics(latest.current)));
        dispatch({ type: "execute-finished", at: Date.now(), watchMs });
      } finally {
        setBusy(false);
      }
    },
    [busy, send, watchMs],
  );

  const keepWatching = useCallback(() => dispatch({ type: "extend-watch", at: Date.now(), ms: EXTEND_WATCH_MS }), []);

  return { run, busy, dryRun, execute, keepWatching, runId: runId.current };
}
