import type { AuditEntry } from "@/lib/api/audit";

/*
 * The audit log as files for a post-mortem or a ticket: JSON (the entries as the API returns them) and CSV (one row
 * per entry, results summarised, for a spreadsheet). Parameters never hold secrets (the server scrubs them).
 */

const CSV_COLUMNS = [
  "id",
  "at",
  "user",
  "role",
  "action",
  "target",
  "cluster",
  "link",
  "mode",
  "outcome",
  "results ok",
  "results failed",
  "error",
  "duration ms",
  "run",
] as const;

/** RFC 4180 quoting, plus a leading ' for values a spreadsheet would run as a formula. */
function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The runbook run an entry belongs to: the part of its idempotency key before the first ":". */
export function runIdOf(entry: AuditEntry): string | null {
  const key = entry.parameters.idempotencyKey;
  if (typeof key !== "string") return null;
  const id = key.split(":")[0] ?? "";
  return /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : null;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) => {
    const ok = e.results.filter((r) => r.ok).length;
    return [
      e.id,
      e.at,
      e.user,
      e.role,
      e.action,
      e.target,
      e.cluster,
      e.link,
      e.validateOnly ? "dry run" : "real",
      e.outcome,
      ok,
      e.results.length - ok,
      e.error,
      e.durationMs,
      runIdOf(e),
    ]
      .map(csvCell)
      .join(",");
  });
  return `${[CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

export function auditJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify({ entries }, null, 2)}\n`;
}

/** A runbook run rebuilt from its audit entries (oldest first): what was asked, per topic, and how each batch ended. */
export function auditRunMarkdown(run: string, entries: readonly AuditEntry[]): string {
  const ordered = [...entries].sort((a, b) => a.id - b.id);
  const first = ordered[0];
  const last = ordered.at(-1);
  const lines = [`# Runbook run ${run}`, ""];
  if (first && last) {
    lines.push(
      `- Action: ${[...new Set(ordered.map((e) => e.action))].join(", ")}`,
      `- Who: ${[...new Set(ordered.map((e) => e.user))].join(", ")}`,
      `- Links: ${[...new Set(ordered.map((e) => e.target))].join(", ")}`,
      `- From ${first.at} to ${last.at} (${ordered.length} ${ordered.length === 1 ? "request" : "requests"}, as recorded in the audit log)`,
      "",
      "| Entry | Time (UTC) | Mode | Link | Topic | Result | Message |",
      "|---:|---|---|---|---|---|---|",
    );
    for (const e of ordered) {
      const mode = e.validateOnly ? "dry run" : "real";
      if (e.results.length === 0)
        lines.push(`| ${e.id} | ${e.at} | ${mode} | ${e.target} | — | ${e.outcome} | ${(e.error ?? "").replace(/\|/g, "\\|")} |`);
      for (const r of e.results) {
        lines.push(
          `| ${e.id} | ${e.at} | ${mode} | ${e.target} | ${r.name} | ${r.ok ? "ok" : (r.errorCode ?? "failed")} | ${(r.message ?? "").replace(/\|/g, "\\|")} |`,
        );
      }
    }
  } else {
    lines.push("No audit entry belongs to this run (it may be older than the entries kept, or the id is mistyped).");
  }
  return `${lines.join("\n")}\n`;
}
