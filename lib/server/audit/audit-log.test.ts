import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuditResponseSchema } from "@/lib/api/audit";
import { AuditLog, auditFilePath, type AuditIntent } from "./audit-log";
import { AuditStore, AuditUnavailableError, INTERRUPTED_MESSAGE } from "./audit-store";
import { REDACTED, scrubSecrets } from "./scrub-secrets";

let dir: string;
let lines: string[];
let warnings: string[];
let clock: number;

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
  return new AuditLog({ file, now: () => clock, warn: (l) => warnings.push(l), emit: (l) => lines.push(l) });
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "linkscope-audit-"));
  lines = [];
  warnings = [];
  clock = Date.UTC(2026, 10, 21, 3, 0, 0);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the audit log", () => {
  it("writes an intent before and the outcome after, newest first, and one JSON line per completed attempt", () => {
    const log = newLog();
    const first = log.begin(intent({ action: "promote", validateOnly: true }));
    expect(log.list({ limit: 10 })[0]).toMatchObject({ id: first.id, outcome: "pending", results: [] });
    clock += 1500;
    expect(first.finish({ outcome: "succeeded", error: null, results: [{ name: "orders", ok: true }] })).toBe(true);
    const second = log.begin(intent());
    second.finish({ outcome: "partial", error: null, results: [{ name: "orders", ok: true }, { name: "payments", ok: false, errorCode: "rejected", message: "PAUSED" }] });

    const entries = log.list({ limit: 10 });
    expect(AuditResponseSchema.safeParse({ entries }).success).toBe(true);
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ["failover", "partial"],
      ["promote", "succeeded"],
    ]);
    expect(entries[1]).toMatchObject({ user: "alice", validateOnly: true, durationMs: 1500, at: new Date(Date.UTC(2026, 10, 21, 3, 0, 0)).toISOString() });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: "linkscope.audit", id: first.id, action: "promote", outcome: "succeeded", validateOnly: true });
    log.close();
  });

  it("filters by action and outcome, and limits", () => {
    const log = newLog();
    log.record(intent({ action: "pause" }), { outcome: "denied", error: "read-only", results: [] });
    log.begin(intent({ action: "pause" })).finish({ outcome: "succeeded", error: null, results: [] });
    log.begin(intent({ action: "resume" })).finish({ outcome: "failed", error: null, results: [] });
    expect(log.list({ limit: 10, action: "pause" }).map((e) => e.outcome)).toEqual(["succeeded", "denied"]);
    expect(log.list({ limit: 10, outcome: "failed" }).map((e) => e.action)).toEqual(["resume"]);
    expect(log.list({ limit: 1 })).toHaveLength(1);
    log.close();
  });

  it("filters by cluster, link, user, time range and runbook run", () => {
    const log = newLog();
    log.begin(intent({ parameters: { topics: ["a"], idempotencyKey: "run-1:exec:primary-to-jump:0" } })).finish({ outcome: "succeeded", error: null, results: [] });
    clock += 60_000;
    log.begin(intent({ user: "bob", cluster: "dr", link: "jump-to-dr", target: "dr/jump-to-dr", parameters: { topics: ["b"], idempotencyKey: "run-2:exec:jump-to-dr:0" } })).finish({
      outcome: "succeeded",
      error: null,
      results: [],
    });
    const t1 = clock;
    expect(log.list({ limit: 10, cluster: "dr" }).map((e) => e.user)).toEqual(["bob"]);
    expect(log.list({ limit: 10, link: "primary-to-jump" }).map((e) => e.user)).toEqual(["alice"]);
    expect(log.list({ limit: 10, user: "alice" }).map((e) => e.cluster)).toEqual(["jump"]);
    expect(log.list({ limit: 10, from: t1 }).map((e) => e.user)).toEqual(["bob"]);
    expect(log.list({ limit: 10, to: t1 }).map((e) => e.user)).toEqual(["alice"]);
    expect(log.list({ limit: 10, run: "run-1" }).map((e) => e.user)).toEqual(["alice"]);
    expect(log.list({ limit: 10, run: "run" })).toEqual([]);
    log.close();
  });

  it("survives a restart, and marks attempts the old process never finished as interrupted", () => {
    const file = path.join(dir, "audit.db");
    const log = newLog(file);
    log.begin(intent()).finish({ outcome: "succeeded", error: null, results: [] });
    log.begin(intent({ action: "promote" }));
    log.close();
    const reopened = newLog(file);
    const entries = reopened.list({ limit: 10 });
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ["promote", "interrupted"],
      ["failover", "succeeded"],
    ]);
    expect(entries[0]?.error).toBe(INTERRUPTED_MESSAGE);
    reopened.close();
  });

  it("never stores a secret", () => {
    const log = newLog();
    log.record(
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
    const stored = JSON.stringify(log.list({ limit: 1 }));
    for (const secret of ["hunter2-secret", "password='x'", "pem-pass"]) expect(stored).not.toContain(secret);
    expect(stored).toContain("consumer.offset.sync.enable");
    expect(stored).toContain('"idempotencyKey":"abc"');
    expect(lines.join("\n")).not.toContain("hunter2-secret");
    log.close();
  });

  it("moves an unreadable file aside with a warning and starts a new one", () => {
    const file = path.join(dir, "audit.db");
    writeFileSync(file, "this is not a sqlite database, it is a note someone left here ".repeat(200));
    const log = newLog(file);
    log.begin(intent()).finish({ outcome: "succeeded", error: null, results: [] });
    expect(log.list({ limit: 10 })).toHaveLength(1);
    expect(warnings.join("\n")).toMatch(/was unreadable \(SQLITE_NOTADB\); moved it to .*audit\.db\.unreadable-/);
    expect(readdirSync(dir).some((f) => f.startsWith("audit.db.unreadable-"))).toBe(true);
    log.close();
  });

  it("refuses with AuditUnavailableError when no file can be made, and recovers once it can", () => {
    const blocker = path.join(dir, "blocker");
    writeFileSync(blocker, "a file where a directory should be");
    const log = newLog(path.join(blocker, "audit.db"));
    expect(() => log.begin(intent())).toThrow(AuditUnavailableError);
    // Denials are best effort: still shipped as a line, never thrown.
    log.record(intent(), { outcome: "denied", error: "no", results: [] });
    expect(lines).toHaveLength(1);
    expect(warnings.some((w) => w.includes("could not write an audit entry"))).toBe(true);
    expect(() => AuditStore.open(path.join(blocker, "x.db"))).toThrow(/cannot create the directory/);
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
