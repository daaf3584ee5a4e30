"use client";
import type { ReadinessResponse } from "@/lib/api/readiness";
import { countVerdicts, formatReadingTime, leadingReasons, overallVerdict, type MirrorReadiness } from "@/lib/domain/failover/readiness";
import { formatCount } from "@/components/ui/format";
import { LinkStateBadge, MirrorStatusBadge } from "@/components/ui/state-badge";
import { AtRiskCell } from "./at-risk-cell";
import type { ScopeMirror } from "./runbook-model";
import { ReasonList, VerdictBadge, VerdictDetails } from "./verdict";

type ReadinessLink = ReadinessResponse["link"];

function syncText(s: ReadinessLink["offsetSync"]): string {
  if (s.enabled === null) return "unknown";
  if (!s.enabled) return "off";
  return s.taskState && s.taskState !== "ACTIVE" ? `on, task ${s.taskState}` : "on";
}

function LinkChecks({ links }: { links: readonly ReadinessLink[] }) {
  return (
    // Its own scroll box: at 390 px the five columns would otherwise widen the page.
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Link checks</caption>
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Link
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Link state
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Source
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Consumer offset sync
            </th>
            <th scope="col" className="py-1 font-medium">
              ACL sync
            </th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr key={l.name} className="border-t border-border">
              <th scope="row" className="py-1.5 pr-3 text-left font-mono font-normal">
                {l.name}
              </th>
              <td className="py-1.5 pr-3">
                <LinkStateBadge state={l.state} />
                {l.error ? <span className="ml-2 font-mono text-xs text-err">{l.error}</span> : null}
              </td>
              <td className="py-1.5 pr-3">
                {l.sourceCluster ?? "unknown"}
                {l.sourceClusterStatus && l.sourceClusterStatus !== "ok" ? (
                  <span className="ml-1 font-semibold text-err">({l.sourceClusterStatus})</span>
                ) : null}
              </td>
              <td
                className={`py-1.5 pr-3 ${l.offsetSync.enabled === false || (l.offsetSync.taskState ?? "ACTIVE") !== "ACTIVE" ? "text-warn" : ""}`}
              >
                {syncText(l.offsetSync)}
              </td>
              <td className="py-1.5">{syncText(l.aclSync)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Why the verdicts are what they are, once per reason, for both actions. */
function LeadingReasons({ mirrors, total }: { mirrors: readonly MirrorReadiness[]; total: number }) {
  const of = (n: number) => (total > 1 ? ` (${n === total ? "all" : n} of ${total} mirrors)` : "");
  const promote = leadingReasons(mirrors, "promote").map((r) => ({ level: r.level, text: `${r.text}${of(r.mirrors)}` }));
  const failover = leadingReasons(mirrors, "failover")
    .filter((r) => !promote.some((p) => p.text.startsWith(r.text)))
    .map((r) => ({ level: r.level, text: `${r.text}${of(r.mirrors)}` }));
  if (promote.length === 0 && failover.length === 0)
    return <p className="text-sm text-ok">No warnings: every mirror in scope is ready for both.</p>;
  return (
    <div className="grid gap-3 md:grid-cols-2" data-testid="readiness-reasons">
      <div>
        <h3 className="text-sm font-semibold">For promote</h3>
        {promote.length ? <ReasonList reasons={promote} className="mt-1" /> : <p className="text-sm text-muted">No warnings.</p>}
      </div>
      <div>
        <h3 className="text-sm font-semibold">For failover (besides the above)</h3>
        {failover.length ? <ReasonList reasons={failover} className="mt-1" /> : <p className="text-sm text-muted">Nothing more.</p>}
      </div>
    </div>
  );
}

export interface ReadinessStepProps {
  links: readonly ReadinessLink[];
  /** When the oldest answer behind the table was read (epoch ms). */
  asOf: number;
  mirrors: readonly ScopeMirror[];
  excluded: ReadonlySet<string>;
  onToggle: (key: string) => void;
  disabled: boolean;
  showLink: boolean;
}

/** Per mirror: state, lag, data at risk, and a verdict for promote and for failover, each opening to its reasons. */
export function ReadinessStep({ links, asOf, mirrors, excluded, onToggle, disabled, showLink }: ReadinessStepProps) {
  const included = mirrors.filter((m) => !excluded.has(`${m.link}/${m.topic}`));
  const promote = countVerdicts(included, "promote");
  const failover = countVerdicts(included, "failover");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm" role="status" data-testid="readiness-summary">
        <span className="flex items-center gap-2">
          <VerdictBadge verdict={overallVerdict(included, "promote")} prefix="Promote" />
          <span className="text-muted">
            {promote.ready} ready, {promote.caution} caution, {promote.blocked} blocked
            {promote.done ? `, ${promote.done} already stopped` : ""}
          </span>
        </span>
        <span className="flex items-center gap-2">
          <VerdictBadge verdict={overallVerdict(included, "failover")} prefix="Failover" />
          <span className="text-muted">
            {failover.ready} ready, {failover.caution} caution{failover.done ? `, ${failover.done} already stopped` : ""}
          </span>
        </span>
      </div>
      <p className="text-xs text-muted" data-testid="readiness-as-of">
        As of {formatReadingTime(asOf)}: the clusters' readings the server judged, refreshed with the rest of the dashboard.
      </p>
      <LeadingReasons mirrors={included} total={included.length} />
      <LinkChecks links={links} />
      <div className="max-h-[32rem] overflow-auto rounded border border-border">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Readiness per mirror</caption>
          <thead className="sticky top-0 z-10 bg-surface-2 text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                In scope
              </th>
              {showLink ? (
                <th scope="col" className="px-3 py-2 font-medium">
                  Link
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2 font-medium">
                Mirror
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                State
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Max lag
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Data at risk on failover
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Promote
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Failover
              </th>
            </tr>
          </thead>
          <tbody>
            {mirrors.map((m) => {
              const key = `${m.link}/${m.topic}`;
              return (
                <tr key={key} className="border-t border-border align-top" data-testid={`readiness-row-${m.topic}`}>
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      checked={!excluded.has(key)}
                      onChange={() => onToggle(key)}
                      disabled={disabled || m.promote.verdict === "done"}
                      aria-label={`Include ${m.topic}`}
                    />
                  </td>
                  {showLink ? <td className="px-3 py-2 font-mono text-xs">{m.link}</td> : null}
                  <th scope="row" className="px-3 py-2 text-left font-mono font-normal">
                    {m.topic}
                  </th>
                  <td className="px-3 py-2">
                    <MirrorStatusBadge status={m.status} />
                  </td>
                  <td className="px-3 py-2 text-right font-mono tabular-nums" data-testid="readiness-max-lag">
                    {m.staleSince !== null ? "≥ " : ""}
                    {formatCount(m.lag.max)}
                    {m.staleSince !== null ? (
                      <span className="block font-sans text-xs text-warn">not flowing · as of {formatReadingTime(m.staleSince)}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {m.failover.verdict === "done" ? (
                      <span className="text-muted">— (already stopped)</span>
                    ) : (
                      <AtRiskCell risk={m.atRisk} />
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <VerdictDetails assessment={m.promote} label={`Promote ${m.topic}`} />
                  </td>
                  <td className="px-3 py-2">
                    <VerdictDetails assessment={m.failover} label={`Failover ${m.topic}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
