import type { TopicActionResult } from "./action-results";
import { MIRROR_ACTIONS, topicProgress, type MirrorActionName, type TopicProgress } from "./mirror-actions";
import { required } from "../required";

/*
 * One run of a mirror action as the browser drives it: dry run, confirmation, execution in batches, then watching
 * each topic until it reaches the action's target state or the watch times out. A pure reducer, so the page, the
 * failback panel and the link page's action panel share the same rules and the tests can replay a whole run.
 */

export interface RunTarget {
  link: string;
  topic: string;
}

export const runKey = (t: RunTarget) => `${t.link}/${t.topic}`;

export interface TransitionError {
  code: string;
  message: string;
}

export interface TopicRun extends RunTarget {
  dryRun: TopicActionResult | null;
  execute: TopicActionResult | null;
  status: string | null;
  statusAt: number | null;
  transitionErrors: TransitionError[];
  reachedTargetAt: number | null;
  progress: TopicProgress | null;
}

export type RunPhase = "draft" | "dry-running" | "dry-run-done" | "executing" | "watching" | "finished";
export type RunFinish = "completed" | "timed-out" | "nothing-accepted";

export interface TimelineEvent {
  at: number;
  level: "info" | "ok" | "warn" | "error";
  text: string;
}

export interface ActionRun {
  cluster: string;
  action: MirrorActionName;
  order: string[];
  topics: Record<string, TopicRun>;
  phase: RunPhase;
  timeline: TimelineEvent[];
  dryRunAt: number | null;
  confirmedAt: number | null;
  executeStartedAt: number | null;
  watchDeadline: number | null;
  finishedAt: number | null;
  finish: RunFinish | null;
}

export type RunEvent =
  | { type: "dry-run-started"; at: number }
  | {
      type: "answered";
      at: number;
      stage: "dry-run" | "execute";
      link: string;
      results: readonly TopicActionResult[];
      batch?: { index: number; count: number };
    }
  | {
      type: "request-failed";
      at: number;
      stage: "dry-run" | "execute";
      link: string;
      topics: readonly string[];
      code: string;
      message: string;
    }
  | { type: "dry-run-finished"; at: number }
  | { type: "confirmed"; at: number; typed: string }
  | { type: "execute-started"; at: number }
  | { type: "execute-finished"; at: number; watchMs: number }
  | { type: "observed"; at: number; link: string; topic: string; status: string | null; transitionErrors?: readonly TransitionError[] }
  | { type: "tick"; at: number }
  | { type: "extend-watch"; at: number; ms: number };

export function createRun(cluster: string, action: MirrorActionName, targets: readonly RunTarget[]): ActionRun {
  const topics: Record<string, TopicRun> = {};
  const order: string[] = [];
  for (const t of targets) {
    const key = runKey(t);
    if (topics[key]) continue;
    order.push(key);
    topics[key] = {
      ...t,
      dryRun: null,
      execute: null,
      status: null,
      statusAt: null,
      transitionErrors: [],
      reachedTargetAt: null,
      progress: null,
    };
  }
  return {
    cluster,
    action,
    order,
    topics,
    phase: "draft",
    timeline: [],
    dryRunAt: null,
    confirmedAt: null,
    executeStartedAt: null,
    watchDeadline: null,
    finishedAt: null,
    finish: null,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function runTopics(run: ActionRun): TopicRun[] {
  return run.order.map((k) => required(run.topics[k], `topic ${k} of the run`));
}

/** Topics the execution sends: those the dry run accepted (a topic the dry run rejected would fail for real too). */
export function executableTopics(run: ActionRun): TopicRun[] {
  return runTopics(run).filter((t) => t.dryRun?.ok === true);
}

/** Topics the cluster accepted for real, which the run then watches. */
export function watchedTopics(run: ActionRun): TopicRun[] {
  return runTopics(run).filter((t) => t.execute?.ok === true);
}

export interface RunCounts {
  total: number;
  dryRunOk: number;
  dryRunFailed: number;
  sent: number;
  accepted: number;
  rejected: number;
  done: number;
  failed: number;
  pending: number;
}

export function runCounts(run: ActionRun): RunCounts {
  const all = runTopics(run);
  const watched = all.filter((t) => t.execute?.ok === true);
  return {
    total: all.length,
    dryRunOk: all.filter((t) => t.dryRun?.ok === true).length,
    dryRunFailed: all.filter((t) => t.dryRun !== null && !t.dryRun.ok).length,
    sent: all.filter((t) => t.execute !== null).length,
    accepted: watched.length,
    rejected: all.filter((t) => t.execute !== null && !t.execute.ok).length,
    done: watched.filter((t) => t.progress === "done").length,
    failed: watched.filter((t) => t.progress === "failed").length,
    pending: watched.filter((t) => t.progress !== "done" && t.progress !== "failed").length,
  };
}

/** Measured time to complete: from the first real request to the last topic reaching its target. */
export function runDurationMs(run: ActionRun): number | null {
  if (run.executeStartedAt === null) return null;
  const reached = watchedTopics(run).map((t) => t.reachedTargetAt);
  if (reached.length === 0 || reached.some((t) => t === null)) return null;
  return Math.max(...(reached as number[])) - run.executeStartedAt;
}

function withTopic(run: ActionRun, key: string, change: (t: TopicRun) => TopicRun): ActionRun {
  const current = run.topics[key];
  return current ? { ...run, topics: { ...run.topics, [key]: change(current) } } : run;
}

function log(run: ActionRun, at: number, level: TimelineEvent["level"], text: string): ActionRun {
  return { ...run, timeline: [...run.timeline, { at, level, text }] };
}

function finishIfSettled(run: ActionRun, at: number): ActionRun {
  if (run.phase !== "watching") return run;
  const c = runCounts(run);
  if (c.pending > 0) return run;
  const target = MIRROR_ACTIONS[run.action].targetStatus;
  const duration = runDurationMs(run);
  const text =
    c.failed === 0
      ? `All ${plural(c.done, "topic")} reached ${target}${duration === null ? "" : ` ${Math.round(duration / 1000)} s after the first request`}.`
      : `${c.done} of ${plural(c.accepted, "topic")} reached ${target}; ${c.failed} FAILED.`;
  return log({ ...run, phase: "finished", finish: "completed", finishedAt: at }, at, c.failed === 0 ? "ok" : "error", text);
}

function applyResults(run: ActionRun, stage: "dry-run" | "execute", link: string, results: readonly TopicActionResult[]): ActionRun {
  let next = run;
  for (const r of results) {
    next = withTopic(next, runKey({ link, topic: r.topic }), (t) =>
      stage === "dry-run" ? { ...t, dryRun: r } : { ...t, execute: r, progress: r.ok ? "pending" : null },
    );
  }
  return next;
}

export function reduceRun(run: ActionRun, event: RunEvent): ActionRun {
  const label = MIRROR_ACTIONS[run.action].label.toLowerCase();
  switch (event.type) {
    case "dry-run-started": {
      const cleared = runTopics(run).reduce((r, t) => withTopic(r, runKey(t), (x) => ({ ...x, dryRun: null })), run);
      return log(
        { ...cleared, phase: "dry-running", dryRunAt: event.at },
        event.at,
        "info",
        `Dry run of ${label} for ${plural(run.order.length, "topic")} on ${run.cluster}.`,
      );
    }
    case "answered": {
      const next = applyResults(run, event.stage, event.link, event.results);
      const ok = event.results.filter((r) => r.ok).length;
      const failed = event.results.length - ok;
      const batch = event.batch && event.batch.count > 1 ? ` (batch ${event.batch.index + 1} of ${event.batch.count})` : "";
      const what = event.stage === "dry-run" ? "Dry run" : `Sent ${label}`;
      const verdict = event.stage === "dry-run" ? `${ok} would succeed, ${failed} would fail` : `${ok} accepted, ${failed} rejected`;
      return log(next, event.at, failed === 0 ? "ok" : "warn", `${what} on link ${event.link}${batch}: ${verdict}.`);
    }
    case "request-failed": {
      const result = (topic: string): TopicActionResult => ({ topic, ok: false, errorCode: event.code, message: event.message });
      const next = applyResults(run, event.stage, event.link, event.topics.map(result));
      const what = event.stage === "dry-run" ? "Dry run" : `The ${label} request`;
      return log(
        next,
        event.at,
        "error",
        `${what} on link ${event.link} failed for ${plural(event.topics.length, "topic")}: ${event.message}`,
      );
    }
    case "dry-run-finished":
      return { ...run, phase: "dry-run-done" };
    case "confirmed":
      return log({ ...run, confirmedAt: event.at }, event.at, "info", `Confirmed by typing "${event.typed}".`);
    case "execute-started":
      return log(
        { ...run, phase: "executing", executeStartedAt: event.at },
        event.at,
        "info",
        `Started ${label} of ${plural(executableTopics(run).length, "topic")}.`,
      );
    case "execute-finished": {
      const c = runCounts(run);
      if (c.accepted === 0) {
        return log(
          { ...run, phase: "finished", finish: "nothing-accepted", finishedAt: event.at },
          event.at,
          "error",
          "The cluster accepted no topic: nothing changed.",
        );
      }
      const target = MIRROR_ACTIONS[run.action].targetStatus;
      const watching = { ...run, phase: "watching" as const, watchDeadline: event.at + event.watchMs };
      return finishIfSettled(
        log(watching, event.at, "info", `Watching ${plural(c.accepted, "topic")} until they reach ${target}.`),
        event.at,
      );
    }
    case "observed": {
      const key = runKey(event);
      const before = run.topics[key];
      if (before?.execute?.ok !== true || run.phase === "finished") {
        return withTopic(run, key, (t) => ({
          ...t,
          status: event.status,
          statusAt: event.at,
          transitionErrors: [...(event.transitionErrors ?? t.transitionErrors)],
        }));
      }
      const progress = topicProgress(run.action, event.status);
      const reached = progress === "done" && before.reachedTargetAt === null ? event.at : before.reachedTargetAt;
      let next = withTopic(run, key, (t) => ({
        ...t,
        status: event.status,
        statusAt: event.at,
        transitionErrors: [...(event.transitionErrors ?? t.transitionErrors)],
        progress,
        reachedTargetAt: reached,
      }));
      if (progress !== before.progress && progress === "done") next = log(next, event.at, "ok", `${event.topic} reached ${event.status}.`);
      if (progress !== before.progress && progress === "failed") next = log(next, event.at, "error", `${event.topic} is ${event.status}.`);
      const newErrors = (event.transitionErrors ?? []).filter(
        (e) => !before.transitionErrors.some((b) => b.code === e.code && b.message === e.message),
      );
      for (const e of newErrors) next = log(next, event.at, "error", `${event.topic}: ${e.code}: ${e.message}`);
      return finishIfSettled(next, event.at);
    }
    case "tick": {
      if (run.phase !== "watching" || run.watchDeadline === null || event.at < run.watchDeadline) return run;
      const c = runCounts(run);
      const target = MIRROR_ACTIONS[run.action].targetStatus;
      return log(
        { ...run, phase: "finished", finish: "timed-out", finishedAt: event.at },
        event.at,
        "warn",
        `Stopped watching: ${plural(c.pending, "topic")} had not reached ${target}. The cluster may still finish them; check the mirrors.`,
      );
    }
    case "extend-watch": {
      const resumed = run.finish === "timed-out" ? { ...run, phase: "watching" as const, finish: null, finishedAt: null } : run;
      if (resumed.phase !== "watching") return run;
      return log(
        { ...resumed, watchDeadline: event.at + event.ms },
        event.at,
        "info",
        `Watching for another ${Math.round(event.ms / 60_000)} min.`,
      );
    }
  }
}
