"use client";
import { ChevronDown, ChevronRight, ScrollText } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import type { AuditEntry } from "@/lib/api/audit";
import { useAudit } from "@/lib/client/use-audit";
import { useSettings } from "@/lib/client/settings-context";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDuration, formatTimestamp } from "@/components/ui/format";
import { Freshness } from "@/components/ui/freshness";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { StateBadge } from "@/components/ui/state-badge";
import Link from "next/link";
import { runIdOf } from "./audit-export";
import { AuditFilterBar } from "./audit-filter-bar";
import { AUDIT_FILTER_NAMES, parseAuditFilters, type AuditPageFilters } from "./audit-filters";
import { AuditRunReport } from "./audit-run-report";
import { AuditOutcomeBadge } from "./audit-outcome-badge";

function ResultsSummary({ entry }: { entry: AuditEntry }) {
  if (entry.results.length === 0) return <span className="text-muted">—</span>;
  const ok = entry.results.filter((r) => r.ok).length;
  const failed = entry.results.length - ok;
  return (
    <span>
      {ok} ok{failed > 0 ? <span className="font-semibold text-err">, {failed} failed</span> : null}
    </span>
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const parameters = Object.keys(entry.parameters).length > 0 ? JSON.stringify(entry.parameters, null, 2) : null;
  const runId = runIdOf(entry);
  return (
    <div className="space-y-3 py-2">
      {entry.error ? <p className="text-sm text-err">{entry.error}</p> : null}
      <p className="text-xs text-muted">
        {entry.route} · entry {entry.id}
        {entry.role ? ` · role ${entry.role}` : ""}
      </p>
      {runId ? (
        <p className="text-sm">
          <Link href={`/audit?run=${encodeURIComponent(runId)}`} className="text-accent hover:underline">
            Open the report of the runbook run this request belongs to
          </Link>
        </p>
      ) : null}
      {entry.results.length > 0 ? (
        <table className="w-auto text-left text-sm">
          <caption className="sr-only">Results of audit entry {entry.id}</caption>
          <thead className="text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                Topic or step
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                Result
              </th>
              <th scope="col" className="py-1 font-medium">
                Message
              </th>
            </tr>
          </thead>
          <tbody>
            {entry.results.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a recorded entry's results never change or reorder, so the position is the row's identity
              <tr key={i} className="border-t border-border align-top">
                <th scope="row" className="py-1 pr-4 text-left font-mono font-normal">
                  {r.name}
                </th>
                <td className="py-1 pr-4">
                  {r.ok ? <StateBadge tone="ok" label="OK" /> : <StateBadge tone="error" label={r.errorCode ?? "Failed"} />}
                </td>
                <td className="max-w-2xl break-words py-1">{r.message ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {parameters ? (
        <details>
          <summary className="cursor-pointer text-sm text-muted">Parameters (secrets removed)</summary>
          <pre className="mt-1 max-h-48 overflow-auto rounded bg-surface-2 p-2 font-mono text-xs">{parameters}</pre>
        </details>
      ) : null}
    </div>
  );
}

/** Every mutation attempt, newest first: who did what to which link, dry run or real, and how it ended, per topic. */
export function AuditLog() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = parseAuditFilters(params);
  const { pollIntervalMs } = useSettings();
  const audit = useAudit(filters);
  const [open, setOpen] = useState<Set<number>>(new Set());

  const replaceQuery = (next: URLSearchParams) => {
    const text = next.toString();
    router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
  };
  const setFilter = (name: keyof AuditPageFilters, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    replaceQuery(next);
  };
  const clearFilters = () => {
    const next = new URLSearchParams(params.toString());
    for (const name of AUDIT_FILTER_NAMES) next.delete(name);
    replaceQuery(next);
  };
  const filtered = Object.values(filters).some((v) => v !== "");
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="audit-heading" className="rounded-lg border border-border bg-surface">
      <div className="flex flex-wrap items-end gap-3 border-b border-border px-4 py-3">
        <h2 id="audit-heading" className="text-base font-semibold">
          Mutation attempts
        </h2>
        <AuditFilterBar filters={filters} onChange={setFilter} onClear={clearFilters} entries={audit.data} />
        <div className="ml-auto">
          <Freshness updatedAt={audit.dataUpdatedAt} pollIntervalMs={pollIntervalMs} failing={audit.isError} />
        </div>
      </div>
      {filters.run && audit.data ? <AuditRunReport run={filters.run} entries={audit.data} /> : null}
      {audit.isPending ? (
        <div className="px-4 py-3">
          <SkeletonBlock label="Loading the audit log" lines={5} />
        </div>
      ) : audit.error && !audit.data ? (
        <div className="px-4 py-3">
          <ApiErrorNotice error={audit.error} what="the audit log" />
        </div>
      ) : audit.data.length === 0 ? (
        <div className="px-4">
          <EmptyState
            icon={ScrollText}
            title={filtered ? "No attempt matches these filters." : "Nothing has been changed through Linkscope yet."}
          >
            {filtered ? "Clear a filter to see more." : "Every dry run, change, failure and refusal appears here, newest first."}
          </EmptyState>
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          {audit.error ? <ApiErrorNotice error={audit.error} what="the audit log" stale className="m-3" /> : null}
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit log, newest first</caption>
            <thead className="text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Details</span>
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Time (UTC)
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  User
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Action
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Target
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Mode
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Outcome
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Results
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  Took
                </th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((e) => {
                const expanded = open.has(e.id);
                return (
                  <Fragment key={e.id}>
                    <tr className="border-t border-border align-top" data-testid={`audit-row-${e.id}`}>
                      <td className="px-4 py-2">
                        <button
                          type="button"
                          onClick={() => toggle(e.id)}
                          aria-expanded={expanded}
                          aria-label={`${expanded ? "Hide" : "Show"} details of entry ${e.id}`}
                          className="rounded p-0.5 hover:bg-surface-2"
                        >
                          {expanded ? <ChevronDown aria-hidden className="size-4" /> : <ChevronRight aria-hidden className="size-4" />}
                        </button>
                      </td>
                      <td className="whitespace-nowrap px-2 py-2 font-mono text-xs">
                        <time dateTime={e.at}>{formatTimestamp(Date.parse(e.at), { utc: true }).replace(" UTC", "")}</time>
                      </td>
                      <td className="px-2 py-2">{e.user}</td>
                      <td className="px-2 py-2 font-semibold">{e.action}</td>
                      <td className="px-2 py-2 font-mono text-xs">{e.target}</td>
                      <td className="px-2 py-2">
                        {e.validateOnly ? <StateBadge tone="neutral" label="Dry run" /> : <StateBadge tone="warning" label="Real" />}
                      </td>
                      <td className="px-2 py-2">
                        <AuditOutcomeBadge outcome={e.outcome} />
                      </td>
                      <td className="px-2 py-2">
                        <ResultsSummary entry={e} />
                      </td>
                      <td className="px-2 py-2 text-right tabular-nums">
                        {e.durationMs === null ? "—" : e.durationMs < 1000 ? `${e.durationMs} ms` : formatDuration(e.durationMs)}
                      </td>
                    </tr>
                    {expanded ? (
                      <tr className="bg-surface-2/40">
                        <td />
                        <td colSpan={8} className="px-2">
                          <EntryDetails entry={e} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
