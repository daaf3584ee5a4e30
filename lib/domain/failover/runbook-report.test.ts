import { describe, expect, it } from "vitest";
import { createRun, reduceRun, type RunEvent } from "../actions/action-run";
import { cliCommand, cliCommands, cliNoteFor, shellQuote } from "../actions/cli-commands";
import { MIRROR_ACTION_NAMES, MIRROR_ACTIONS, topicProgress } from "../actions/mirror-actions";
import { buildRunReport, renderReportMarkdown } from "./runbook-report";

const T0 = Date.UTC(2026, 10, 21, 3, 0, 0);

function finishedFailover() {
  const events: RunEvent[] = [
    { type: "dry-run-started", at: T0 },
    {
      type: "answered",
      at: T0 + 100,
      stage: "dry-run",
      link: "primary-to-jump",
      results: [
        { topic: "orders", ok: true },
        { topic: "pay|ments", ok: false, errorCode: "rejected", message: "Topic 'pay|ments' has already stopped" },
      ],
    },
    { type: "dry-run-finished", at: T0 + 100 },
    { type: "confirmed", at: T0 + 2000, typed: "jump" },
    { type: "execute-started", at: T0 + 2000 },
    {
      type: "answered",
      at: T0 + 2100,
      stage: "execute",
      link: "primary-to-jump",
      results: [{ topic: "orders", ok: true, totalLag: 1200, maxLag: 400 }],
    },
    { type: "execute-finished", at: T0 + 2100, watchMs: 300_000 },
    { type: "observed", at: T0 + 4000, link: "primary-to-jump", topic: "orders", status: "STOPPED" },
  ];
  return events.reduce(
    reduceRun,
    createRun("jump", "failover", [
      { link: "primary-to-jump", topic: "orders" },
      { link: "primary-to-jump", topic: "pay|ments" },
    ]),
  );
}

describe("the run report", () => {
  const report = buildRunReport(finishedFailover(), {
    generatedAt: T0 + 5000,
    clusterId: "lkc-j4mp2x",
    user: "alice",
    readiness: "blocked for promote",
    recommendation: "failover",
  });

  it("records outcome, measured duration, per-topic fate and the CLI commands of what was sent", () => {
    expect(report).toMatchObject({
      title: "Failover on jump",
      action: "failover",
      targetStatus: "STOPPED",
      links: ["primary-to-jump"],
      user: "alice",
      durationSeconds: 2,
      outcome: "Completed: all 1 sent topics reached STOPPED. 1 failed the dry run and was not sent.",
      startedAt: new Date(T0 + 2000).toISOString(),
      cliCommands: ["confluent kafka mirror failover orders --link primary-to-jump --cluster lkc-j4mp2x"],
      cliNote: null,
    });
    expect(report.topics[0]).toMatchObject({
      topic: "orders",
      dryRun: "ok",
      execute: "accepted",
      lagAtAction: 1200,
      finalStatus: "STOPPED",
      reachedTarget: true,
      secondsToTarget: 2,
    });
    expect(report.topics[1]).toMatchObject({ dryRun: "failed", execute: "not sent", reachedTarget: false });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("renders Markdown with the timeline, a topic table that survives pipes, and the commands", () => {
    const md = renderReportMarkdown(report);
    expect(md).toContain("# Failover on jump");
    expect(md).toContain("**Measured time to complete:** 2.0 s");
    expect(md).toContain("## Timeline");
    expect(md).toContain('Confirmed by typing "jump".');
    expect(md).toContain("| primary-to-jump | pay\\|ments | failed | not sent |");
    expect(md).toContain("```sh\nconfluent kafka mirror failover orders --link primary-to-jump --cluster lkc-j4mp2x\n```");
  });

  it("says what went wrong when a sent topic failed", () => {
    const run = [{ type: "observed", at: T0 + 1, link: "l", topic: "x", status: "FAILED" }].reduce(
      (r, e) => reduceRun(r, e as RunEvent),
      [
        { type: "dry-run-started", at: T0 },
        { type: "answered", at: T0, stage: "dry-run", link: "l", results: [{ topic: "x", ok: true }] },
        { type: "dry-run-finished", at: T0 },
        { type: "execute-started", at: T0 },
        { type: "answered", at: T0, stage: "execute", link: "l", results: [{ topic: "x", ok: true }] },
        { type: "execute-finished", at: T0, watchMs: 1000 },
      ].reduce((r, e) => reduceRun(r, e as RunEvent), createRun("dr", "promote", [{ link: "l", topic: "x" }])),
    );
    expect(buildRunReport(run, { generatedAt: T0, clusterId: "lkc-x", user: null }).outcome).toBe(
      "Completed with problems: 0 of 1 sent topics reached STOPPED; 1 FAILED, 0 rejected by the cluster.",
    );
  });

  it("says a dry run only was not executed, with --dry-run commands", () => {
    const run = reduceRun(createRun("dr", "promote", [{ link: "jump-to-dr", topic: "t" }]), { type: "dry-run-started", at: T0 });
    const r = buildRunReport(run, { generatedAt: T0, clusterId: null, user: null });
    expect(r.outcome).toBe("Not executed (dry run only).");
    expect(r.cliCommands[0]).toBe("confluent kafka mirror promote t --link jump-to-dr --cluster <cluster-id> --dry-run");
    expect(r.cliNote).toMatch(/replace <cluster-id>/);
  });
});

describe("the run report's consumer groups", () => {
  it("lists the groups to move as a checklist with their verdicts, and flags members already on the cluster", () => {
    const report = buildRunReport(finishedFailover(), {
      generatedAt: T0,
      clusterId: "lkc-j4mp2x",
      user: null,
      consumerGroups: [
        {
          link: "primary-to-jump",
          group: "app-orders",
          topics: ["orders"],
          verdict: "rereads",
          reason: "Re-reads 12 messages.",
          behindMessages: 12,
          activeMembersOnDestination: 0,
        },
        {
          link: "primary-to-jump",
          group: "batch",
          topics: ["orders", "payments"],
          verdict: "resets",
          reason: "Sync is off.",
          behindMessages: null,
          activeMembersOnDestination: 2,
        },
      ],
    });
    expect(report.consumerGroups).toHaveLength(2);
    const md = renderReportMarkdown(report);
    expect(md).toContain(`## Consumer groups to move to ${report.cluster}`);
    expect(md).toContain("- [ ] `app-orders` (primary-to-jump: orders) — rereads: Re-reads 12 messages.");
    expect(md).toContain("- [ ] `batch` (primary-to-jump: orders, payments) — resets: Sync is off. **2 member(s) already connected on");
  });

  it("leaves the section out when the groups were not read", () => {
    const report = buildRunReport(finishedFailover(), { generatedAt: T0, clusterId: null, user: null });
    expect(report.consumerGroups).toBeNull();
    expect(renderReportMarkdown(report)).not.toContain("Consumer groups");
  });
});

describe("CLI commands", () => {
  it("uses the CLI verbs and flags", () => {
    expect(
      cliCommand({ action: "truncate-and-restore", link: "east-west", clusterId: "lkc-ea5t1k", topics: ["orders"], dryRun: true }),
    ).toBe("confluent kafka mirror truncate-and-restore orders --link east-west --cluster lkc-ea5t1k --include-partitions --dry-run");
    expect(cliCommand({ action: "reverse-and-start", link: "l", clusterId: "lkc-x", topics: ["a", "b"] })).toBe(
      "confluent kafka mirror reverse-and-start a b --link l --cluster lkc-x",
    );
  });

  it("splits long topic lists like the batches Linkscope sends", () => {
    const topics = Array.from({ length: 150 }, (_, i) => `t${i}`);
    expect(cliCommands({ action: "pause", link: "l", clusterId: "lkc-x", topics })).toHaveLength(2);
  });

  it("quotes anything a shell would misread and notes Platform logins", () => {
    expect(shellQuote("a.b_c-d")).toBe("a.b_c-d");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(cliNoteFor("vQ3mJx8kR2yTnL5pWz0aHg")).toMatch(/confluent login --url/);
  });
});

describe("the action catalog", () => {
  it("has a target state for every action, and progress follows it", () => {
    for (const name of MIRROR_ACTION_NAMES) expect(MIRROR_ACTIONS[name].name).toBe(name);
    expect(topicProgress("promote", "PENDING_STOPPED")).toBe("pending");
    expect(topicProgress("promote", "STOPPED")).toBe("done");
    expect(topicProgress("failover", "FAILED")).toBe("failed");
    expect(topicProgress("pause", "LINK_PAUSED")).toBe("done");
    expect(topicProgress("resume", "PAUSED")).toBe("pending");
    expect(topicProgress("truncate-and-restore", "PENDING_RESTORE")).toBe("pending");
    expect(topicProgress("truncate-and-restore", "ACTIVE")).toBe("done");
    expect(topicProgress("promote", null)).toBe("pending");
  });
});
