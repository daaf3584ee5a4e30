import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfluentError } from "@/lib/confluent/errors";
import type { MirrorActionsApi } from "@/lib/confluent/mirror-actions";
import type { MirrorAction, MirrorActionOutcome, MirrorActionResult, MirrorSelection } from "@/lib/confluent/types";
import { MirrorActionResponseSchema } from "@/lib/api/actions";
import type { AuditCompletion, AuditIntent } from "../audit/audit-log";
import { ApiError } from "../http/api-error";
import { AuditUnavailableError } from "../store/errors";
import { SqliteStore } from "../store/sqlite-store";
import { MirrorActionService, type MirrorActionCommand } from "./mirror-action-service";

type Call = { link: string; action: MirrorAction; topics: string[]; validateOnly: boolean; truncation: boolean };

const accepted = (name: string, lag = 0): MirrorActionResult => ({
  mirrorTopicName: name,
  errorCode: null,
  errorMessage: null,
  accepted: true,
  lags: [{ partition: 0, lag, lastSourceFetchOffset: 10 }],
  messagesTruncated: null,
  partitionTruncation: [],
});
const rejected = (name: string, message: string): MirrorActionResult => ({ ...accepted(name), errorCode: 400, errorMessage: message, accepted: false });

/** A cluster whose answer per call is scripted; by default it accepts every topic. */
function fakeCluster(script: (call: Call, index: number) => MirrorActionResult[] | Error | Promise<MirrorActionResult[]> = (c) => c.topics.map((t) => accepted(t))) {
  const calls: Call[] = [];
  const api: MirrorActionsApi = {
    async run(link: string, action: MirrorAction, selection: MirrorSelection, options = {}): Promise<MirrorActionOutcome> {
      const topics = "topics" in selection ? [...selection.topics] : [];
      const call = { link, action, topics, validateOnly: options.validateOnly ?? false, truncation: options.includePartitionLevelTruncationData ?? false };
      calls.push(call);
      const answer = await script(call, calls.length - 1);
      if (answer instanceof Error) throw answer;
      return { action, endpoint: action, validateOnly: call.validateOnly, results: answer };
    },
  };
  return { api, calls };
}

function fakeAudit({ beginFails = false, finishFails = false } = {}) {
  const begun: AuditIntent[] = [];
  const finished: AuditCompletion[] = [];
  const recorded: Array<{ intent: AuditIntent; done: AuditCompletion }> = [];
  return {
    begun,
    finished,
    recorded,
    audit: {
      async begin(intent: AuditIntent) {
        if (beginFails) throw new AuditUnavailableError("disk full");
        begun.push(intent);
        return {
          id: begun.length,
          async finish(done: AuditCompletion) {
            finished.push(done);
            return !finishFails;
          },
        };
      },
      async record(intent: AuditIntent, done: AuditCompletion) {
        recorded.push({ intent, done });
      },
    },
  };
}

// Link leases and idempotency keys in a real (SQLite) store: what they promise is in lib/server/store/store.test.ts.
const dirs: string[] = [];
const stores: SqliteStore[] = [];
function newStore(): SqliteStore {
  const dir = mkdtempSync(path.join(tmpdir(), "linkscope-actions-"));
  dirs.push(dir);
  const store = new SqliteStore(path.join(dir, "audit.db"), { warn: () => {} });
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(opts: { script?: Parameters<typeof fakeCluster>[0]; audit?: ReturnType<typeof fakeAudit>; batchSize?: number; store?: SqliteStore } = {}) {
  const cluster = fakeCluster(opts.script);
  const audit = opts.audit ?? fakeAudit();
  const invalidate = vi.fn();
  const service = new MirrorActionService({
    isConfigured: (name) => name === "jump",
    actionsFor: () => cluster.api,
    audit: audit.audit,
    store: opts.store ?? newStore(),
    replica: "web-1/7",
    invalidate,
    batchSize: opts.batchSize ?? 100,
    now: () => Date.UTC(2026, 10, 21, 3, 0, 0),
    log: () => {},
  });
  return { service, cluster, audit, invalidate };
}

const cmd = (over: Partial<MirrorActionCommand> = {}): MirrorActionCommand => ({
  cluster: "jump",
  link: "primary-to-jump",
  action: "failover",
  topics: ["a", "b"],
  validateOnly: false,
  idempotencyKey: null,
  actor: { user: "alice", role: "operator" },
  ...over,
});

const topics = (n: number) => Array.from({ length: n }, (_, i) => `t${String(i).padStart(3, "0")}`);

describe("MirrorActionService", () => {
  it("sends batches of at most 100 topics one after another and answers one result per topic in request order", async () => {
    const { service, cluster } = setup({ script: (c) => [...c.topics].reverse().map((t) => accepted(t)) });
    const requested = topics(250);
    const { response } = await service.run(cmd({ topics: requested }));
    expect(cluster.calls.map((c) => c.topics.length)).toEqual([100, 100, 50]);
    expect(cluster.calls.flatMap((c) => c.topics)).toEqual(requested);
    expect(response.results.map((r) => r.topic)).toEqual(requested);
    expect(response).toMatchObject({ batches: 3, outcome: "succeeded", summary: { requested: 250, succeeded: 250, failed: 0 } });
    expect(MirrorActionResponseSchema.safeParse(response).success).toBe(true);
  });

  it("fails a topic the cluster left out of its answer", async () => {
    const { service } = setup({ script: (c) => c.topics.filter((t) => t !== "b").map((t) => accepted(t)) });
    const { response } = await service.run(cmd({ topics: ["a", "b", "c"] }));
    expect(response.results.map((r) => [r.topic, r.ok, r.errorCode ?? null, r.message ?? null])).toEqual([
      ["a", true, null, null],
      ["b", false, "no-answer", "the cluster did not answer for this topic"],
      ["c", true, null, null],
    ]);
    expect(response.outcome).toBe("partial");
  });

  it("reports per-topic rejections of an HTTP 200 answer", async () => {
    const { service } = setup({ script: (c) => c.topics.map((t) => (t === "a" ? rejected(t, "Cannot promote mirror topic 'a' while it is PAUSED") : accepted(t))) });
    const { response } = await service.run(cmd({ action: "promote" }));
    expect(response.results[0]).toMatchObject({ ok: false, errorCode: "rejected", upstreamErrorCode: 400, message: "Cannot promote mirror topic 'a' while it is PAUSED" });
  });

  it("fails every topic of a batch the cluster failed as a whole, does not send later batches, and never retries", async () => {
    const { service, cluster } = setup({
      batchSize: 2,
      script: (c, i) => (i === 1 ? new ConfluentError("upstream", "jump failed to answer POST …/mirrors:failover (HTTP 500).", { status: 500 }) : c.topics.map((t) => accepted(t))),
    });
    const { response } = await service.run(cmd({ topics: ["a", "b", "c", "d", "e", "f"] }));
    expect(cluster.calls).toHaveLength(2);
    expect(response.results.map((r) => [r.topic, r.ok, r.errorCode ?? null])).toEqual([
      ["a", true, null],
      ["b", true, null],
      ["c", false, "upstream-error"],
      ["d", false, "upstream-error"],
      ["e", false, "not-sent"],
      ["f", false, "not-sent"],
    ]);
    expect(response.results[2]?.message).toMatch(/HTTP 500/);
    expect(response.results[4]?.message).toMatch(/an earlier batch failed/);
    expect(response.batches).toBe(2);
  });

  it("maps whole-call failures to the documented codes, and says a timed-out change may have been applied", async () => {
    for (const [err, code] of [
      [new ConfluentError("unreachable", "Could not connect to jump: connection refused."), "cluster-unreachable"],
      [new ConfluentError("not-found", "link not found", { status: 404 }), "not-found"],
      [new ConfluentError("unauthorized", "bad credentials", { status: 401 }), "upstream-error"],
      [new ConfluentError("timeout", "jump did not answer within 5000 ms."), "upstream-timeout"],
    ] as const) {
      const { service } = setup({ script: () => err });
      const { response } = await service.run(cmd({ topics: ["a"] }));
      expect(response.results[0]?.errorCode).toBe(code);
    }
    const { service } = setup({ script: () => new ConfluentError("timeout", "jump did not answer within 5000 ms.") });
    expect((await service.run(cmd())).response.results[0]?.message).toMatch(/may or may not have applied it/);
    expect((await service.run(cmd({ validateOnly: true }))).response.results[0]?.message).not.toMatch(/may or may not/);
  });

  it("uses the vendor's path names and asks for truncation detail only for truncate-and-restore", async () => {
    const { service, cluster } = setup();
    await service.run(cmd({ action: "reverse-and-start" }));
    await service.run(cmd({ action: "reverse-and-pause" }));
    await service.run(cmd({ action: "truncate-and-restore", validateOnly: true }));
    expect(cluster.calls.map((c) => [c.action, c.truncation, c.validateOnly])).toEqual([
      ["reverse-and-start-mirror", false, false],
      ["reverse-and-pause-mirror", false, false],
      ["truncate-and-restore", true, true],
    ]);
  });

  it("returns truncation per partition on a truncate-and-restore dry run", async () => {
    const { service } = setup({
      script: (c) =>
        c.topics.map((t) => ({ ...accepted(t), messagesTruncated: 30, partitionTruncation: [{ partition: 2, offsetTruncatedTo: 1000, messagesTruncated: 30 }] })),
    });
    const { response } = await service.run(cmd({ action: "truncate-and-restore", validateOnly: true, topics: ["orders"] }));
    expect(response.results[0]).toMatchObject({ messagesTruncated: 30, partitions: [{ partition: 2, offsetTruncatedTo: 1000, messagesTruncated: 30 }] });
  });

  it("audits the intent before sending and the outcome after, for dry runs and failures alike", async () => {
    const audit = fakeAudit();
    const { service } = setup({ audit, script: (c) => c.topics.map((t) => (t === "b" ? rejected(t, "no") : accepted(t))) });
    await service.run(cmd({ validateOnly: true }));
    await service.run(cmd());
    expect(audit.begun.map((i) => [i.action, i.validateOnly, i.target, i.user])).toEqual([
      ["failover", true, "jump/primary-to-jump", "alice"],
      ["failover", false, "jump/primary-to-jump", "alice"],
    ]);
    expect(audit.begun[0]?.parameters).toEqual({ topics: ["a", "b"] });
    expect(audit.finished[1]).toEqual({
      outcome: "partial",
      error: null,
      results: [
        { name: "a", ok: true },
        { name: "b", ok: false, errorCode: "rejected", message: "no" },
      ],
    });
    const failing = fakeAudit();
    const { service: down } = setup({ audit: failing, script: () => new ConfluentError("unreachable", "refused") });
    await down.run(cmd());
    expect(failing.finished[0]?.outcome).toBe("failed");
  });

  it("records what an accepted topic cost: data a failover abandons, messages truncated", async () => {
    const audit = fakeAudit();
    const { service } = setup({
      audit,
      script: (c) => c.topics.map((t) => ({ ...accepted(t, 1200), messagesTruncated: c.action === "truncate-and-restore" ? 30 : null })),
    });
    await service.run(cmd({ topics: ["a"] }));
    await service.run(cmd({ topics: ["a"], action: "truncate-and-restore", validateOnly: true }));
    expect(audit.finished.map((f) => f.results[0]?.message)).toEqual(["abandoned 1,200 messages not yet mirrored", "would truncate 30 messages"]);
  });

  it("refuses with audit-unavailable and sends nothing when the intent cannot be written", async () => {
    const { service, cluster } = setup({ audit: fakeAudit({ beginFails: true }) });
    await expect(service.run(cmd())).rejects.toMatchObject({ code: "audit-unavailable", status: 503 });
    expect(cluster.calls).toHaveLength(0);
  });

  it("still answers (with a warning) when only the outcome could not be audited: the change happened", async () => {
    const { service } = setup({ audit: fakeAudit({ finishFails: true }) });
    const { response } = await service.run(cmd());
    expect(response.outcome).toBe("succeeded");
    expect(response.warning).toMatch(/could not be written to the audit log/);
  });

  it("invalidates the fleet snapshot after a real change only", async () => {
    const { service, invalidate } = setup();
    await service.run(cmd({ validateOnly: true }));
    expect(invalidate).not.toHaveBeenCalled();
    await service.run(cmd());
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it("runs one action at a time per link: a second concurrent request gets a 409 that says who holds it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { service, cluster } = setup({
      script: async (c) => {
        await gate;
        return c.topics.map((t) => accepted(t));
      },
    });
    const first = service.run(cmd({ action: "promote" }));
    await vi.waitFor(() => expect(cluster.calls).toHaveLength(1));
    const second = service.run(cmd({ actor: { user: "bob", role: "operator" } }));
    await expect(second).rejects.toBeInstanceOf(ApiError);
    await expect(second).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/Another action is running on link primary-to-jump of jump \(alice started a promote of 2 topics at 03:00:00 UTC on replica web-1\/7\)/) });
    // Another link is not blocked.
    const other = service.run(cmd({ link: "other-link" }));
    release();
    await first;
    await other;
    // Free again afterwards.
    await expect(service.run(cmd())).resolves.toBeDefined();
  });

  it("refuses with audit-unavailable and sends nothing when the link's lease cannot be taken (the store is down)", async () => {
    const store = newStore();
    vi.spyOn(store, "acquireLease").mockRejectedValue(new AuditUnavailableError("cannot use PostgreSQL at db:5432/linkscope (ECONNREFUSED)"));
    const { service, cluster, audit } = setup({ store });
    await expect(service.run(cmd())).rejects.toMatchObject({ code: "audit-unavailable" });
    await expect(service.run(cmd({ idempotencyKey: "k" }))).rejects.toMatchObject({ code: "audit-unavailable" });
    vi.spyOn(store, "claimIdempotency").mockRejectedValue(new AuditUnavailableError("down"));
    await expect(service.run(cmd({ idempotencyKey: "k2" }))).rejects.toMatchObject({ code: "audit-unavailable" });
    expect(cluster.calls).toHaveLength(0);
    expect(audit.begun).toHaveLength(0);
  });

  it("frees the link when the request fails", async () => {
    const { service } = setup({ script: () => Promise.reject(new Error("bug")) });
    await service.run(cmd());
    await expect(service.run(cmd())).resolves.toBeDefined();
  });

  it("answers 404 for a cluster nobody configured", async () => {
    const { service } = setup();
    await expect(service.run(cmd({ cluster: "nope" }))).rejects.toMatchObject({ code: "not-found" });
  });

  describe("idempotency", () => {
    it("makes a double submit one upstream call, also while the first is still running, and audits the duplicate", async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const audit = fakeAudit();
      const { service, cluster } = setup({
        audit,
        script: async (c) => {
          await gate;
          return c.topics.map((t) => accepted(t));
        },
      });
      const first = service.run(cmd({ idempotencyKey: "k1" }));
      const second = service.run(cmd({ idempotencyKey: "k1" }));
      release();
      const [a, b] = await Promise.all([first, second]);
      expect(cluster.calls).toHaveLength(1);
      expect(a.replayed).toBe(false);
      expect(b.replayed).toBe(true);
      expect(b.response).toEqual(a.response);
      const third = await service.run(cmd({ idempotencyKey: "k1" }));
      expect(third.replayed).toBe(true);
      expect(cluster.calls).toHaveLength(1);
      expect(audit.recorded.map((r) => r.done.outcome)).toEqual(["duplicate", "duplicate"]);
    });

    it("refuses the same key with a different request", async () => {
      const { service } = setup();
      await service.run(cmd({ idempotencyKey: "k2" }));
      await expect(service.run(cmd({ idempotencyKey: "k2", topics: ["a"] }))).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already used for a different request/) });
      await expect(service.run(cmd({ idempotencyKey: "k2", validateOnly: true }))).rejects.toMatchObject({ code: "conflict" });
    });

    it("keeps keys per user and forgets a request that failed before reaching the cluster", async () => {
      const { service, cluster } = setup();
      await service.run(cmd({ idempotencyKey: "k3" }));
      await service.run(cmd({ idempotencyKey: "k3", actor: { user: "bob", role: "operator" } }));
      expect(cluster.calls).toHaveLength(2);
      const blocked = setup({ audit: fakeAudit({ beginFails: true }) });
      await expect(blocked.service.run(cmd({ idempotencyKey: "k4" }))).rejects.toMatchObject({ code: "audit-unavailable" });
      await expect(blocked.service.run(cmd({ idempotencyKey: "k4" }))).rejects.toMatchObject({ code: "audit-unavailable" });
    });

    it("forgets keys after ten minutes", async () => {
      let now = 0;
      const cluster = fakeCluster();
      const service = new MirrorActionService({
        isConfigured: () => true,
        actionsFor: () => cluster.api,
        audit: fakeAudit().audit,
        store: newStore(),
        replica: "web-1/7",
        invalidate: () => {},
        now: () => now,
      });
      await service.run(cmd({ idempotencyKey: "k5" }));
      now += 9 * 60_000;
      await service.run(cmd({ idempotencyKey: "k5" }));
      now += 2 * 60_000;
      await service.run(cmd({ idempotencyKey: "k5" }));
      expect(cluster.calls).toHaveLength(2);
    });
  });
});
