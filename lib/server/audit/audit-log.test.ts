import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuditResponseSchema } from "@/lib/api/audit";
import { AuditUnavailableError, INTERRUPTED_MESSAGE } from "../store/errors";
import { auditFilePath } from "../store/shared-store";
import { SqliteStore } from "../store/sqlite-store";
import { AuditLog, type AuditIntent } from "./audit-log";
import { REDACTED, scrubSecrets } from "./scrub-secrets";

// The audit log over the default SQLite store. What every backend must do is in lib/server/store/store.test.ts.

let dir: string;
let lines: string[];
let warnings: string[];
let clock: number;
let stores: SqliteStore[];

const intent = (over: Partial<AuditIntent> = {}): AuditIntent => ({
  user: "alice",
  role: "operator",
  action: "failover",
  route: "POST /api/clusters/{cluster}/links/{link}/mirrors/actions",
  target: "jump/primary-to-jump",
  cluster: "jump",
  link: "primary-to-jump",
  validateOnly: false,
  parameters: { topics: ["orders"] },
  ...over,
});

function newLog(file = path.join(dir, "audit.db")) {
  const store = new SqliteStore(file, { warn: (l) => warnings.push(l), now: () => clock });
  stores.push(store);
  return new AuditLog({ store, owner: "test/1", leaseMs: 30_000, now: () => clock, warn: (l) => warnings.push(l), emit: (l) => lines.push(l) });
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "linkscope-audit-"));
  lines = [];
  warnings = [];
  stores = [];
  clock = Date.UTC(2026, 10, 21, 3, 0, 0);
});

afterEach(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the audit log", () => {
  it("writes an intent before and the outcome after, newest first, and one JSON line per completed attempt", async () => {
    const log = newLog();
    const first = await log.begin(intent({ action: "promote", validateOnly: true }));
    expect((await log.list({ limit: 10 }))[0]).toMatchObject({ id: first.id, outcome: "pending", results: [] });
    clock += 1500;
    expect(await first.finish({ outcome: "succeeded", error: null, results: [{ name: "orders", ok: true }] })).toBe(true);
    const second = await log.begin(intent());
    await second.finish({ outcome: "partial", error: null, results: [{ name: "orders", ok: true }, { name: "payments", ok: false, errorCode: "rejected", message: "PAUSED" }] });

    const entries = await log.list({ limit: 10 });
    expect(AuditResponseSchema.safeParse({ entries }).success).toBe(true);
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ["failover", "partial"],
      ["promote", "succeeded"],
    ]);
    expect(entries[1]).toMatchObject({ user: "alice", validateOnly: true, durationMs: 1500, at: new Date(Date.UTC(2026, 10, 21, 3, 0, 0)).toISOString() });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: "linkscope.audit", id: first.id, action: "promote", outcome: "succeeded", validateOnly: true });
  });

  it("reads an intent as interrupted once its lease ran out without an outcome", async () => {
    const log = newLog();
    const handle = await log.begin(intent());
    clock += 29_999;
    expect((await log.list({ limit: 1 }))[0]?.outcome).toBe("pending");
    clock += 1;
    expect((await log.list({ limit: 1 }))[0]).toMatchObject({ id: handle.id, outcome: "interrupted", error: INTERRUPTED_MESSAGE });
  });

  it("survives a restart, and marks attempts the old process never finished as interrupted", async () => {
    const file = path.join(dir, "audit.db");
    const log = newLog(file);
    await (await log.begin(intent())).finish({ outcome: "succeeded", error: null, results: [] });
    await log.begin(intent({ action: "promote" }));
    await stores[0]!.close();
    const reopened = newLog(file);
    const entries = await reopened.list({ limit: 10 });
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ["promote", "interrupted"],
      ["failover", "succeeded"],
    ]);
    expect(entries[0]?.error).toBe(INTERRUPTED_MESSAGE);
  });

  it("never stores a secret", async () => {
    const log = newLog();
    await log.record(
      intent({
        action: "create-link",
        parameters: {
          credentials: { username: "key", password: "hunter2-secret" },
          configs: { "sasl.jaas.config": "org.apache.kafka...password='x'", "consumer.offset.sync.enable": "true" },
          configList: [{ name: "ssl.key.password", value: "pem-pass" }, { name: "link.mode", value: "DESTINATION" }],
          idempotencyKey: "abc",
        },
      }),
      { outcome: "failed", error: null, results: [] },
    );
    const stored = JSON.stringify(await log.list({ limit: 1 }));
    for (const secret of ["hunter2-secret", "password='x'", "pem-pass"]) expect(stored).not.toContain(secret);
    expect(stored).toContain("consumer.offset.sync.enable");
    expect(stored).toContain('"idempotencyKey":"abc"');
    expect(lines.join("\n")).not.toContain("hunter2-secret");
  });

  it("moves an unreadable file aside with a warning and starts a new one", async () => {
    const file = path.join(dir, "audit.db");
    writeFileSync(file, "this is not a sqlite database, it is a note someone left here ".repeat(200));
    const log = newLog(file);
    await (await log.begin(intent())).finish({ outcome: "succeeded", error: null, results: [] });
    expect(await log.list({ limit: 10 })).toHaveLength(1);
    expect(warnings.join("\n")).toMatch(/was unreadable \(SQLITE_NOTADB\); moved it to .*audit\.db\.unreadable-/);
    expect(readdirSync(dir).some((f) => f.startsWith("audit.db.unreadable-"))).toBe(true);
  });

  it("keeps the entries of an audit file written by an earlier release (schema version 1) and upgrades it", async () => {
    const file = path.join(dir, "audit.db");
    const old = new Database(file);
    old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, user TEXT NOT NULL, role TEXT, action TEXT NOT NULL,
        route TEXT NOT NULL, target TEXT NOT NULL, cluster TEXT, link TEXT, validate_only INTEGER NOT NULL, parameters TEXT NOT NULL,
        outcome TEXT NOT NULL, error TEXT, results TEXT NOT NULL, duration_ms INTEGER);
      INSERT INTO meta VALUES ('schema_version', 1);
      INSERT INTO audit (at, user, role, action, route, target, cluster, link, validate_only, parameters, outcome, error, results, duration_ms)
        VALUES (${clock}, 'bob', 'admin', 'pause', 'POST x', 'jump/l', 'jump', 'l', 0, '{}', 'succeeded', NULL, '[]', 12);`);
    old.close();
    const log = newLog(file);
    await log.record(intent(), { outcome: "denied", error: "no", results: [] });
    expect((await log.list({ limit: 10 })).map((e) => [e.user, e.action])).toEqual([
      ["alice", "failover"],
      ["bob", "pause"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("refuses with AuditUnavailableError when no file can be made, and still ships denials as a line", async () => {
    const blocker = path.join(dir, "blocker");
    writeFileSync(blocker, "a file where a directory should be");
    const log = newLog(path.join(blocker, "audit.db"));
    await expect(log.begin(intent())).rejects.toThrow(AuditUnavailableError);
    await expect(log.begin(intent())).rejects.toThrow(/cannot create the directory/);
    // Denials are best effort: still shipped as a line, never thrown.
    await log.record(intent(), { outcome: "denied", error: "no", results: [] });
    expect(lines).toHaveLength(1);
    expect(warnings.some((w) => w.includes("could not write an audit entry"))).toBe(true);
  });

  it("lives next to the lag history file", () => {
    expect(auditFilePath("./data/history.db")).toBe(path.join("data", "audit.db"));
  });
});

describe("scrubSecrets", () => {
  it("redacts by key, by config entry name, deeply, and keeps nulls as nulls", () => {
    expect(scrubSecrets({ a: { apiKey: "k", api_secret: "s", token: null }, list: [{ name: "sasl.jaas.config", value: "x" }] })).toEqual({
      a: { apiKey: REDACTED, api_secret: REDACTED, token: null },
      list: [{ name: "sasl.jaas.config", value: REDACTED }],
    });
    expect(scrubSecrets(["plain", 1, true])).toEqual(["plain", 1, true]);
  });
});
