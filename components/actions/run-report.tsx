"use client";
import { Download } from "lucide-react";
import { useMemo } from "react";
import type { ActionRun } from "@/lib/domain/actions/action-run";
import { buildRunReport, renderReportMarkdown, type ReportContext } from "@/lib/domain/failover/runbook-report";
import { useSettings } from "@/lib/client/settings-context";
import { downloadText as download } from "@/components/ui/download";
import { buttonClass } from "./button-styles";

/** The run's record: outcome, measured time, CLI equivalents, downloadable as Markdown and JSON. */
export function RunReport({ run, context }: { run: ActionRun; context: Omit<ReportContext, "generatedAt" | "user"> }) {
  const { actor } = useSettings();
  const report = useMemo(
    () => buildRunReport(run, { ...context, generatedAt: run.finishedAt ?? Date.now(), user: actor?.user ?? null }),
    [run, context, actor],
  );
  const stamp = new Date(report.generatedAt).toISOString().replace(/[:.]/g, "-");
  const base = `linkscope-${run.action}-${run.cluster}-${stamp}`;
  return (
    <div className="space-y-3">
      <p className="text-sm font-semibold" data-testid="run-report-outcome">
        {report.outcome}
        {report.durationSeconds !== null ? ` Measured time to complete: ${report.durationSeconds.toFixed(1)} s.` : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => download(`${base}.md`, "text/markdown", renderReportMarkdown(report))}
        >
          <Download aria-hidden className="size-4" /> Download report (Markdown)
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => download(`${base}.json`, "application/json", `${JSON.stringify(report, null, 2)}\n`)}
        >
          <Download aria-hidden className="size-4" /> Download report (JSON)
        </button>
      </div>
      <div>
        <h4 className="text-sm font-semibold">Equivalent Confluent CLI commands</h4>
        <pre className="mt-1 relative overflow-x-auto rounded bg-surface-2 p-2 font-mono text-xs text-fg">
          {report.cliCommands.join("\n")}
        </pre>
        {report.cliNote ? <p className="mt-1 text-xs text-muted">{report.cliNote}</p> : null}
      </div>
    </div>
  );
}
