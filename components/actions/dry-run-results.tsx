import type { ActionRun } from "@/lib/domain/actions/action-run";
import { runCounts, runTopics } from "@/lib/domain/actions/action-run";
import { MIRROR_ACTIONS } from "@/lib/domain/actions/mirror-actions";
import { formatCount } from "@/components/ui/format";
import { TopicResultCell } from "./topic-result-cell";
import { TruncationTable } from "./truncation-table";

function lagHeading(action: ActionRun["action"]): string {
  // The cluster reports the total over the mirror's partitions: say so beside tables that show the max.
  if (action === "failover") return "Would lose (total msgs behind)";
  if (action === "promote") return "Promote waits for (total lag, msgs)";
  return "Total lag (msgs)";
}

/** The dry run's answer per topic, with what the real run would cost: lost lag, or truncated messages. */
export function DryRunResults({ run, showLink }: { run: ActionRun; showLink: boolean }) {
  const c = runCounts(run);
  const truncate = run.action === "truncate-and-restore";
  const label = MIRROR_ACTIONS[run.action].label.toLowerCase();
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm font-medium">
        Dry run: <span className="text-ok">{c.dryRunOk} would succeed</span>
        {c.dryRunFailed > 0 ? (
          <>
            , <span className="text-err">{c.dryRunFailed} would fail</span>. Only the {c.dryRunOk} that would succeed are sent when you{" "}
            {label}.
          </>
        ) : (
          "."
        )}
      </p>
      <div className="max-h-[28rem] overflow-auto rounded border border-border">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Dry run result per topic</caption>
          <thead className="sticky top-0 bg-surface-2 text-xs uppercase tracking-wide text-muted">
            <tr>
              {showLink ? (
                <th scope="col" className="px-3 py-2 font-medium">
                  Link
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2 font-medium">
                Topic
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Dry run
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {truncate ? "Would truncate (msgs)" : lagHeading(run.action)}
              </th>
            </tr>
          </thead>
          <tbody>
            {runTopics(run).map((t) => (
              <tr key={`${t.link}/${t.topic}`} className="border-t border-border align-top" data-testid={`dry-run-row-${t.topic}`}>
                {showLink ? <td className="px-3 py-2 font-mono text-xs">{t.link}</td> : null}
                <th scope="row" className="px-3 py-2 text-left font-mono font-normal">
                  {t.topic}
                  {truncate && t.dryRun?.ok ? (
                    <TruncationTable topic={t.topic} total={t.dryRun.messagesTruncated ?? null} partitions={t.dryRun.partitions ?? []} />
                  ) : null}
                </th>
                <td className="px-3 py-2">
                  <TopicResultCell result={t.dryRun} stage="dry-run" />
                </td>
                <td className="px-3 py-2 text-right font-mono tabular-nums">
                  {truncate ? formatCount(t.dryRun?.messagesTruncated ?? null) : formatCount(t.dryRun?.totalLag ?? null)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
