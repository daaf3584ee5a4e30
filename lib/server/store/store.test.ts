import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuditResponseSchema } from "@/lib/api/audit";
import { postgresAvailability, startPostgres, type PostgresServer } from "@/test/support/postgres-server";
import { INTERRUPTED_MESSAGE } from "./errors";
import { PostgresStore } from "./postgres-store";
import { SqliteStore } from "./sqlite-store";
import type { NewAuditEntry, SharedStore } from "./types";

// One suite, two backends: whatever SQLite promises a single process, PostgreSQL promises every replica. With
// PostgreSQL "two replicas" are two store instances on one database; SQLite belongs to one process (opening the file
// interrupts whatever a previous process left pending), so there both names are the same instance.

const T = Date.UTC(2026, 10, 21, 3, 0, 0);
const LEASE = 30_000;

const entry = (over: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  at: T,
  user: "alice",
  role: "operator",
  action: "failover",
  route: "POST /api/clusters/{cluster}/links/{link}/mirrors/actions",
  target: "jump/primary-to-jump",
  cluster: "jump",
  link: "primary-to-jump",
  validateOnly: false,
  parameters: { topics: ["orders"], idempotencyKey: "k" },
  outcome: "pending",
  error: null,
  results: [],
  durationMs: null,
  ...over,
});

interface Backend {
  /** A fresh, empty store location; `open` gives another replica's store on it. */
  fresh(): Promise<{ open: () => SharedStore; cleanup: () => Promise<void> }>;
}

const sqlite: Backend = {
  async fresh() {
    const dir = mkdtempSync(path.join(tmpdir(), "linkscope-store-"));
    const store = new SqliteStore(path.join(dir, "audit.db"), { warn: () => {} });
    return { open: () => store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const { available: postgresAvailable } = postgresAvailability();
let server: PostgresServer | undefined;
let databases = 0;
const postgres: Backend = {
  async fresh() {
    const name = `store_test_${++databases}`;
    const admin = new pg.Client({ connectionString: server!.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = server!.url.replace(/\/postgres$/, `/${name}`);
    return { open: () => new PostgresStore({ url, warn: () => {} }), cleanup: async () => {} };
  },
};

function contract(backend: Backend) {
  let stores: SharedStore[] = [];
  let cleanup: () => Promise<void>;
  let open: () => SharedStore;
  const replica = () => {
    const s = open();
    stores.push(s);
    return s;
  };

  beforeEach(async () => {
    ({ open, cleanup } = await backend.fresh());
    stores = [];
  });
  afterEach(async () => {
    for (const s of stores) await s.close();
    await cleanup();
  });

  describe("audit log", () => {
    it("writes a pending entry, completes it, and lists newest first with every field", async () => {
      const store = replica();
      const first = await store.insertAudit(entry({ action: "promote", validateOnly: true }), { owner: "a", expiresAt: T + LEASE });
      expect((await store.listAudit({ limit: 10 }, T))[0]).toMatchObject({ id: first, outcome: "pending", results: [] });
      await store.completeAudit(first, { outcome: "succeeded", error: null, results: [{ name: "orders", ok: true }], durationMs: 1500 });
      const second = await store.insertAudit(entry({ at: T + 2000 }), null);
      await store.completeAudit(second, {
        outcome: "partial",
        error: null,
        results: [{ name: "orders", ok: true }, { name: "payments", ok: false, errorCode: "rejected", message: "PAUSED" }],
        durationMs: 10,
      });
      const entries = await replica().listAudit({ limit: 10 }, T + 3000);
      expect(AuditResponseSchema.safeParse({ entries }).success).toBe(true);
      expect(entries.map((e) => [e.id, e.action, e.outcome])).toEqual([
        [second, "failover", "partial"],
        [first, "promote", "succeeded"],
      ]);
      expect(entries[1]).toEqual({
        id: first,
        at: new Date(T).toISOString(),
        user: "alice",
        role: "operator",
        action: "promote",
        route: "POST /api/clusters/{cluster}/links/{link}/mirrors/actions",
        target: "jump/primary-to-jump",
        cluster: "jump",
        link: "primary-to-jump",
        validateOnly: true,
        parameters: { topics: ["orders"], idempotencyKey: "k" },
        outcome: "succeeded",
        error: null,
        results: [{ name: "orders", ok: true }],
        durationMs: 1500,
      });
    });

    it("filters by action and outcome, and limits", async () => {
      const store = replica();
      await store.insertAudit(entry({ action: "pause", outcome: "denied", error: "read-only", durationMs: 0 }), null);
      await store.insertAudit(entry({ action: "pause", outcome: "succeeded", durationMs: 0 }), null);
      await store.insertAudit(entry({ action: "resume", outcome: "failed", durationMs: 0 }), null);
      expect((await store.listAudit({ limit: 10, action: "pause" }, T)).map((e) => e.outcome)).toEqual(["succeeded", "denied"]);
      expect((await store.listAudit({ limit: 10, outcome: "failed" }, T)).map((e) => e.action)).toEqual(["resume"]);
      expect(await store.listAudit({ limit: 1 }, T)).toHaveLength(1);
    });

    it("reads a pending entry whose lease ran out as interrupted, and keeps a renewed one pending", async () => {
      const store = replica();
      const dead = await store.insertAudit(entry(), { owner: "a", expiresAt: T + LEASE });
      const alive = await store.insertAudit(entry({ action: "promote" }), { owner: "b", expiresAt: T + LEASE });
      await store.renewAudit(alive, T + 2 * LEASE);
      expect((await store.listAudit({ limit: 10 }, T + LEASE - 1)).map((e) => e.outcome)).toEqual(["pending", "pending"]);
      const later = await replica().listAudit({ limit: 10 }, T + LEASE);
      expect(later.map((e) => [e.id, e.outcome])).toEqual([
        [alive, "pending"],
        [dead, "interrupted"],
      ]);
      expect(later[1]?.error).toBe(INTERRUPTED_MESSAGE);
      // An owner that was only slow still records what happened.
      await store.completeAudit(dead, { outcome: "succeeded", error: null, results: [], durationMs: 40_000 });
      expect((await store.listAudit({ limit: 10, outcome: "succeeded" }, T + LEASE)).map((e) => e.id)).toEqual([dead]);
    });
  });

  describe("link leases", () => {
    it("gives a link to one owner at a time and tells the others who holds it", async () => {
      const [a, b] = [replica(), replica()];
      expect(await a.acquireLease("jump\nlink", { owner: "a", expiresAt: T + LEASE }, "alice started a failover", T)).toEqual({ ok: true });
      expect(await b.acquireLease("jump\nlink", { owner: "b", expiresAt: T + LEASE }, "bob started a promote", T + 1)).toEqual({ ok: false, heldBy: "alice started a failover" });
      expect(await b.acquireLease("jump\nother", { owner: "b", expiresAt: T + LEASE }, "bob started a promote", T + 1)).toEqual({ ok: true });
      await b.releaseLease("jump\nlink", "b");
      expect((await b.acquireLease("jump\nlink", { owner: "b", expiresAt: T + LEASE }, "bob", T + 2)).ok).toBe(false);
      await a.releaseLease("jump\nlink", "a");
      expect((await b.acquireLease("jump\nlink", { owner: "b", expiresAt: T + LEASE }, "bob", T + 3)).ok).toBe(true);
    });

    it("frees a link whose holder stopped renewing, and interrupts that holder's pending entry", async () => {
      const [a, b] = [replica(), replica()];
      await a.acquireLease("l", { owner: "a", expiresAt: T + LEASE }, "alice", T);
      const pending = await a.insertAudit(entry(), { owner: "a", expiresAt: T + LEASE });
      expect(await a.renewLease("l", { owner: "a", expiresAt: T + LEASE + 10_000 })).toBe(true);
      expect((await b.acquireLease("l", { owner: "b", expiresAt: T + 2 * LEASE }, "bob", T + LEASE)).ok).toBe(false);
      expect(await b.acquireLease("l", { owner: "b", expiresAt: T + 3 * LEASE }, "bob", T + LEASE + 10_000)).toEqual({ ok: true });
      expect(await a.renewLease("l", { owner: "a", expiresAt: T + 4 * LEASE })).toBe(false);
      const [interrupted] = await b.listAudit({ limit: 1 }, T + LEASE + 10_000);
      expect(interrupted).toMatchObject({ id: pending, outcome: "interrupted", error: INTERRUPTED_MESSAGE });
    });

    it("lets exactly one of many simultaneous requests from two replicas take a link", async () => {
      const [a, b] = [replica(), replica()];
      const attempts = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).acquireLease("race", { owner: `o${i}`, expiresAt: T + LEASE }, `request ${i}`, T)),
      );
      expect(attempts.filter((r) => r.ok)).toHaveLength(1);
    });
  });

  describe("idempotency keys", () => {
    const lease = (owner: string, expiresAt = T + LEASE) => ({ owner, expiresAt });

    it("claims a key once; the same request sees it pending, then answered; a different request is a mismatch", async () => {
      const [a, b] = [replica(), replica()];
      expect(await a.claimIdempotency("alice\nk", "fp1", lease("a"), T)).toEqual({ kind: "claimed" });
      expect(await b.claimIdempotency("alice\nk", "fp1", lease("b"), T + 1)).toEqual({ kind: "pending" });
      expect(await b.claimIdempotency("alice\nk", "fp2", lease("b"), T + 1)).toEqual({ kind: "mismatch" });
      const answer = { action: "failover", results: [{ topic: "orders", ok: true }], auditId: 7 };
      await a.answerIdempotency("alice\nk", "a", answer, T + 600_000);
      expect(await b.claimIdempotency("alice\nk", "fp1", lease("b"), T + 599_999)).toEqual({ kind: "answered", answer });
      expect(await b.claimIdempotency("alice\nk", "fp2", lease("b"), T + 599_999)).toEqual({ kind: "mismatch" });
      // Ten minutes on, the key is new again.
      expect(await b.claimIdempotency("alice\nk", "fp2", lease("b", T + 700_000), T + 600_000)).toEqual({ kind: "claimed" });
    });

    it("forgets an unanswered claim only for its owner, and frees a dead owner's claim after its lease", async () => {
      const [a, b] = [replica(), replica()];
      await a.claimIdempotency("k", "fp", lease("a"), T);
      await b.forgetIdempotency("k", "b");
      expect(await b.claimIdempotency("k", "fp", lease("b"), T)).toEqual({ kind: "pending" });
      await a.forgetIdempotency("k", "a");
      expect(await b.claimIdempotency("k", "fp", lease("b"), T)).toEqual({ kind: "claimed" });
      await b.renewIdempotency("k", lease("b", T + 2 * LEASE));
      expect(await a.claimIdempotency("k", "fp", lease("a"), T + LEASE)).toEqual({ kind: "pending" });
      expect(await a.claimIdempotency("k", "fp", lease("a", T + 3 * LEASE), T + 2 * LEASE)).toEqual({ kind: "claimed" });
    });

    it("lets exactly one of simultaneous claims of a key from two replicas win", async () => {
      const [a, b] = [replica(), replica()];
      const states = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claimIdempotency("race", "fp", lease(`o${i}`), T)));
      expect(states.filter((s) => s.kind === "claimed")).toHaveLength(1);
      expect(states.filter((s) => s.kind === "pending")).toHaveLength(9);
    });
  });

  describe("rate limits", () => {
    it("counts attempts per key in fixed windows shared by replicas", async () => {
      const [a, b] = [replica(), replica()];
      expect(await a.countAttempt("user:alice", 60_000, T)).toEqual({ count: 1, windowStart: T });
      expect(await b.countAttempt("user:alice", 60_000, T + 30_000)).toEqual({ count: 2, windowStart: T });
      expect(await b.countAttempt("user:bob", 60_000, T + 30_000)).toEqual({ count: 1, windowStart: T + 30_000 });
      expect(await a.countAttempt("user:alice", 60_000, T + 59_999)).toEqual({ count: 3, windowStart: T });
      expect(await a.countAttempt("user:alice", 60_000, T + 60_000)).toEqual({ count: 1, windowStart: T + 60_000 });
      const counts = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).countAttempt("burst", 60_000, T)));
      expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });

  it("migrates once when two replicas start at the same moment, and both see the same data", async () => {
    const [a, b] = [replica(), replica()];
    await Promise.all([a.ping(), b.ping()]);
    const id = await a.insertAudit(entry({ outcome: "denied", durationMs: 0 }), null);
    expect((await b.listAudit({ limit: 5 }, T)).map((e) => e.id)).toEqual([id]);
  });
}

describe("SQLite store", () => contract(sqlite));

describe.skipIf(!postgresAvailable)("PostgreSQL store (a real PostgreSQL started by this test)", () => {
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  contract(postgres);
});
