"use client";
import { runCounts, runTopics, type ActionRun } from "@/lib/domain/actions/action-run";
import { MIRROR_ACTIONS } from "@/lib/domain/actions/mirror-actions";
import { MirrorStatusBadge, StateBadge } from "@/components/ui/state-badge";
import { formatCount, formatDuration } from "@/components/ui/format";
import { useNow } from "@/lib/client/use-now";
import { TopicResultCell } from "./topic-result-cell";

function ProgressBar({ done, failed, total }: { done: number; failed: number; total: number }) {
  const pct = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  return (
    <div className="flex h-3 w-full overflow-hidden rounded-full bg-surface-2" aria-hidden>
      <div className="bg-ok" style={{ width: `${pct(done)}%` }} />
      <div className="bg-err" style={{ width: `${pct(failed)}%` }} />
    </div>
  );
}

/** Live progress of the real run: per topic, accepted or not, its current state, and any state transition errors. */
export function RunProgress({ run, showLink }: { run: ActionRun; showLink: boolean }) {
  const now = useNow(1000);
  const c = runCounts(run);
  const target = MIRROR_ACTIONS[run.action].targetStatus;
  const elapsed = run.executeStartedAt === null ? 0 : (run.finishedAt ?? now) - run.executeStartedAt;
  const left = run.watchDeadline !== null && run.phase === "watching" ? Math.max(0, run.watchDeadline - now) : null;
  const sending = run.phase === "executing";
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <p role="status" aria-live="polite" className="text-sm font-semibold" data-testid="run-progress-summary">
          {sending
            ? `Sending: ${c.sent} of ${c.dryRunOk} topics sent, ${c.accepted} accepted`
            : `${c.done} of ${c.accepted} accepted topics reached ${target}${c.failed > 0 ? `, ${c.failed} FAILED` : ""}${c.rejected > 0 ? `; ${c.rejected} rejected by the cluster` : ""}`}
        </p>
        <ProgressBar done={c.done} failed={c.failed + c.rejected} total={Math.max(c.dryRunOk, 1)} />
        <p className="text-xs text-muted">
          Elapsed {formatDuration(elapsed)}
          {left !== null ? ` · watching for another ${formatDuration(left)}` : ""}
        </p>
      </div>
      <div className="max-h-[28rem] overflow-auto rounded border border-border">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Progress per topic</caption>
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
                Request
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                State now
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Total lag when acted (msgs)
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Reached {target}
              </th>
            </tr>
          </thead>
          <tbody>
            {runTopics(run)
              .filter((t) => t.execute !== null || t.dryRun?.ok)
              .map((t) => (
                <tr key={`${t.link}/${t.topic}`} className="border-t border-border align-top" data-testid={`progress-row-${t.topic}`}>
                  {showLink ? <td className="px-3 py-2 font-mono text-xs">{t.link}</td> : null}
                  <th scope="row" className="px-3 py-2 text-left font-mono font-normal">
                    {t.topic}
                  </th>
                  <td className="px-3 py-2">
                    {t.execute ? <TopicResultCell result={t.execute} stage="execute" /> : <StateBadge tone="pending" label="Queued" />}
                  </td>
                  <td className="px-3 py-2">
                    {t.status ? (
                      <MirrorStatusBadge status={t.status} />
                    ) : (
                      <span className="text-muted">{t.execute?.ok ? "Waiting for the cluster" : "—"}</span>
                    )}
                    {t.transitionErrors.length > 0 ? (
                      <ul className="mt-1 space-y-0.5 text-xs text-err" aria-label={`State transition errors of ${t.topic}`}>
                        {t.transitionErrors.map((e) => (
                          <li key={`${e.code}:${e.message}`}>
                            <span className="font-mono">{e.code}</span>: {e.message}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-right font-mono tabular-nums">{formatCount(t.execute?.totalLag ?? null)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {t.reachedTargetAt !== null && run.executeStartedAt !== null
                      ? `after ${formatDuration(t.reachedTargetAt - run.executeStartedAt)}`
                      : "—"}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
