import { describe, expect, it } from "vitest";
import { createRun, executableTopics, reduceRun, runCounts, runDurationMs, runTopics, type ActionRun, type RunEvent } from "./action-run";

const T0 = Date.UTC(2026, 10, 21, 3, 0, 0);
const replay = (run: ActionRun, events: RunEvent[]) => events.reduce(reduceRun, run);
const targets = [
  { link: "primary-to-jump", topic: "a" },
  { link: "primary-to-jump", topic: "b" },
  { link: "primary-to-jump", topic: "c" },
];

function dryRunAndExecute(): ActionRun {
  return replay(createRun("jump", "promote", targets), [
    { type: "dry-run-started", at: T0 },
    {
      type: "answered",
      at: T0 + 100,
      stage: "dry-run",
      link: "primary-to-jump",
      results: [
        { topic: "a", ok: true },
        { topic: "b", ok: true },
        { topic: "c", ok: false, errorCode: "rejected", message: "Mirror topic 'c' is PAUSED" },
      ],
    },
    { type: "dry-run-finished", at: T0 + 100 },
    { type: "confirmed", at: T0 + 5_000, typed: "jump" },
    { type: "execute-started", at: T0 + 5_000 },
    {
      type: "answered",
      at: T0 + 5_200,
      stage: "execute",
      link: "primary-to-jump",
      results: [
        { topic: "a", ok: true, totalLag: 0 },
        { topic: "b", ok: true, totalLag: 40 },
      ],
    },
    { type: "execute-finished", at: T0 + 5_200, watchMs: 300_000 },
  ]);
}

describe("an action run", () => {
  it("ignores duplicate targets", () => {
    expect(createRun("jump", "pause", [...targets, targets[0]!]).order).toHaveLength(3);
  });

  it("executes only what the dry run accepted and watches what the cluster accepted", () => {
    const run = dryRunAndExecute();
    expect(executableTopics(run).map((t) => t.topic)).toEqual(["a", "b"]);
    expect(run.phase).toBe("watching");
    expect(run.watchDeadline).toBe(T0 + 5_200 + 300_000);
    expect(runCounts(run)).toMatchObject({
      total: 3,
      dryRunOk: 2,
      dryRunFailed: 1,
      sent: 2,
      accepted: 2,
      rejected: 0,
      pending: 2,
      done: 0,
    });
    expect(run.timeline.map((e) => e.text)).toEqual([
      "Dry run of promote for 3 topics on jump.",
      "Dry run on link primary-to-jump: 2 would succeed, 1 would fail.",
      'Confirmed by typing "jump".',
      "Started promote of 2 topics.",
      "Sent promote on link primary-to-jump: 2 accepted, 0 rejected.",
      "Watching 2 topics until they reach STOPPED.",
    ]);
  });

  it("finishes when every watched topic reaches the target, measuring from the first request", () => {
    const run = replay(dryRunAndExecute(), [
      { type: "observed", at: T0 + 10_000, link: "primary-to-jump", topic: "a", status: "STOPPED" },
      { type: "observed", at: T0 + 10_000, link: "primary-to-jump", topic: "b", status: "PENDING_STOPPED" },
      { type: "observed", at: T0 + 20_000, link: "primary-to-jump", topic: "b", status: "PENDING_STOPPED" },
      { type: "observed", at: T0 + 35_000, link: "primary-to-jump", topic: "b", status: "STOPPED" },
    ]);
    expect(run.phase).toBe("finished");
    expect(run.finish).toBe("completed");
    expect(runDurationMs(run)).toBe(30_000);
    expect(run.topics["primary-to-jump/a"]?.reachedTargetAt).toBe(T0 + 10_000);
    expect(run.timeline.at(-1)?.text).toBe("All 2 topics reached STOPPED 30 s after the first request.");
  });

  it("logs state transition errors once and a FAILED topic as failed", () => {
    const err = { code: "REMOTE_LINK_NOT_FOUND_ERROR", message: "remote link missing" };
    const run = replay(dryRunAndExecute(), [
      { type: "observed", at: T0 + 10_000, link: "primary-to-jump", topic: "a", status: "PENDING_STOPPED", transitionErrors: [err] },
      { type: "observed", at: T0 + 12_000, link: "primary-to-jump", topic: "a", status: "PENDING_STOPPED", transitionErrors: [err] },
      { type: "observed", at: T0 + 13_000, link: "primary-to-jump", topic: "a", status: "FAILED" },
      { type: "observed", at: T0 + 14_000, link: "primary-to-jump", topic: "b", status: "STOPPED" },
    ]);
    expect(run.timeline.filter((e) => e.text.includes("REMOTE_LINK_NOT_FOUND_ERROR"))).toHaveLength(1);
    expect(run.finish).toBe("completed");
    expect(runCounts(run)).toMatchObject({ done: 1, failed: 1 });
    expect(run.timeline.at(-1)).toMatchObject({ level: "error", text: "1 of 2 topics reached STOPPED; 1 FAILED." });
    expect(runDurationMs(run)).toBeNull();
  });

  it("times out, can be extended, and then still completes", () => {
    let run = replay(dryRunAndExecute(), [
      { type: "observed", at: T0 + 10_000, link: "primary-to-jump", topic: "a", status: "STOPPED" },
      { type: "tick", at: T0 + 100_000 },
    ]);
    expect(run.phase).toBe("watching");
    run = reduceRun(run, { type: "tick", at: T0 + 5_200 + 300_000 });
    expect(run.finish).toBe("timed-out");
    expect(run.timeline.at(-1)?.text).toMatch(/1 topic had not reached STOPPED/);
    run = replay(run, [
      { type: "extend-watch", at: T0 + 400_000, ms: 300_000 },
      { type: "observed", at: T0 + 410_000, link: "primary-to-jump", topic: "b", status: "STOPPED" },
    ]);
    expect(run.finish).toBe("completed");
  });

  it("records a whole request that failed as a failure of each of its topics", () => {
    const run = replay(createRun("jump", "failover", targets), [
      { type: "dry-run-started", at: T0 },
      {
        type: "request-failed",
        at: T0 + 1,
        stage: "dry-run",
        link: "primary-to-jump",
        topics: ["a", "b", "c"],
        code: "conflict",
        message: "Another action is running on this link.",
      },
      { type: "dry-run-finished", at: T0 + 1 },
    ]);
    expect(runTopics(run).every((t) => t.dryRun?.ok === false && t.dryRun.errorCode === "conflict")).toBe(true);
    expect(executableTopics(run)).toEqual([]);
  });

  it("finishes at once when the cluster accepts nothing", () => {
    const run = replay(createRun("jump", "failover", targets.slice(0, 1)), [
      { type: "dry-run-started", at: T0 },
      { type: "answered", at: T0, stage: "dry-run", link: "primary-to-jump", results: [{ topic: "a", ok: true }] },
      { type: "dry-run-finished", at: T0 },
      { type: "execute-started", at: T0 + 1 },
      {
        type: "answered",
        at: T0 + 2,
        stage: "execute",
        link: "primary-to-jump",
        results: [{ topic: "a", ok: false, errorCode: "rejected", message: "no" }],
      },
      { type: "execute-finished", at: T0 + 2, watchMs: 1000 },
    ]);
    expect(run).toMatchObject({ phase: "finished", finish: "nothing-accepted" });
  });

  it("a failover that stops at once finishes with the first observation", () => {
    const run = replay(createRun("dr", "failover", [{ link: "jump-to-dr", topic: "a" }]), [
      { type: "dry-run-started", at: T0 },
      { type: "answered", at: T0, stage: "dry-run", link: "jump-to-dr", results: [{ topic: "a", ok: true }] },
      { type: "dry-run-finished", at: T0 },
      { type: "execute-started", at: T0 + 1000 },
      {
        type: "answered",
        at: T0 + 1200,
        stage: "execute",
        link: "jump-to-dr",
        results: [{ topic: "a", ok: true }],
        batch: { index: 0, count: 1 },
      },
      { type: "execute-finished", at: T0 + 1200, watchMs: 60_000 },
      { type: "observed", at: T0 + 3000, link: "jump-to-dr", topic: "a", status: "STOPPED" },
    ]);
    expect(run.finish).toBe("completed");
    expect(runDurationMs(run)).toBe(2000);
  });

  it("ignores observations of topics it is not watching and after it finished", () => {
    const run = dryRunAndExecute();
    const observed = reduceRun(run, { type: "observed", at: T0 + 9_000, link: "primary-to-jump", topic: "c", status: "PAUSED" });
    expect(observed.topics["primary-to-jump/c"]?.status).toBe("PAUSED");
    expect(observed.topics["primary-to-jump/c"]?.progress).toBeNull();
    expect(reduceRun(run, { type: "observed", at: 1, link: "x", topic: "nope", status: "STOPPED" })).toBe(run);
  });
});
