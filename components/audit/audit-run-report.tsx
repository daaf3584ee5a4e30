"use client";
import { Download } from "lucide-react";
import type { AuditEntry } from "@/lib/api/audit";
import { downloadText } from "@/components/ui/download";
import { auditRunMarkdown } from "./audit-export";

/**
 * The report of one runbook run, rebuilt from the audit log: it survives a reload, another browser and another
 * replica, because every request of the run is an audit entry carrying the run's id in its idempotency key.
 */
export function AuditRunReport({ run, entries }: { run: string; entries: readonly AuditEntry[] }) {
  const real = entries.filter((e) => !e.validateOnly);
  const topics = real.flatMap((e) => e.results);
  const failed = topics.filter((r) => !r.ok).length;
  return (
    <section aria-label={`Report of runbook run ${run}`} className="space-y-2 border-b border-border bg-info-bg px-4 py-3 text-sm">
      <p className="font-semibold">
        Runbook run <span className="font-mono">{run}</span>: {entries.length} {entries.length === 1 ? "request" : "requests"} recorded
        {real.length > 0
          ? `, ${topics.length - failed} of ${topics.length} ${topics.length === 1 ? "topic" : "topics"} accepted in the real run`
          : ", dry runs only"}
        .
      </p>
      <p className="text-muted">
        The entries of the run are listed below (newest first). The report keeps them oldest first, one row per topic.
      </p>
      <button
        type="button"
        disabled={entries.length === 0}
        onClick={() => downloadText(`linkscope-run-${run}.md`, "text/markdown", auditRunMarkdown(run, entries))}
        className="inline-flex items-center gap-1 rounded border border-border bg-surface px-2 py-1 text-sm hover:bg-surface-2 disabled:opacity-50"
      >
        <Download aria-hidden className="size-4" /> Download the run report (Markdown)
      </button>
    </section>
  );
}
