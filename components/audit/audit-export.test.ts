import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/api/audit";
import { auditCsv, auditJson, auditRunMarkdown, runIdOf } from "./audit-export";

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 7,
  at: "2026-11-21T03:00:00.000Z",
  user: "alice",
  role: "operator",
  action: "failover",
  route: "POST /api/clusters/{cluster}/links/{link}/mirrors/actions",
  target: "jump/primary-to-jump",
  cluster: "jump",
  link: "primary-to-jump",
  validateOnly: false,
  parameters: { topics: ["orders"], idempotencyKey: "3f2a-9c:exec:primary-to-jump:0" },
  outcome: "partial",
  error: null,
  results: [
    { name: "orders", ok: true },
    { name: "payments", ok: false, errorCode: "rejected", message: 'Mirror "payments" is PAUSED, =cmd' },
  ],
  durationMs: 1200,
  ...over,
});

describe("audit export", () => {
  it("writes one CSV row per entry, quoting commas and defusing formulas", () => {
    const csv = auditCsv([entry(), entry({ id: 8, error: "=HYPERLINK(1), then", results: [] })]).split("\r\n");
    expect(csv[0]).toBe("id,at,user,role,action,target,cluster,link,mode,outcome,results ok,results failed,error,duration ms,run");
    expect(csv[1]).toBe(
      "7,2026-11-21T03:00:00.000Z,alice,operator,failover,jump/primary-to-jump,jump,primary-to-jump,real,partial,1,1,,1200,3f2a-9c",
    );
    expect(csv[2]).toContain(`"'=HYPERLINK(1), then"`);
  });

  it("exports JSON as the API returns it", () => {
    expect(JSON.parse(auditJson([entry()]))).toEqual({ entries: [entry()] });
  });

  it("finds the runbook run of an entry and rebuilds the run's report from its entries", () => {
    expect(runIdOf(entry())).toBe("3f2a-9c");
    expect(runIdOf(entry({ parameters: { topics: [] } }))).toBeNull();
    const md = auditRunMarkdown("3f2a-9c", [
      entry(),
      entry({ id: 5, validateOnly: true, outcome: "succeeded", results: [{ name: "orders", ok: true }] }),
    ]);
    expect(md).toContain("# Runbook run 3f2a-9c");
    expect(md.indexOf("| 5 |")).toBeLessThan(md.indexOf("| 7 |"));
    expect(md).toContain("| 7 | 2026-11-21T03:00:00.000Z | real | jump/primary-to-jump | payments | rejected |");
  });
});
