"use client";
import { Download, X } from "lucide-react";
import type { AuditEntry } from "@/lib/api/audit";
import { useClusters } from "@/lib/client/use-clusters";
import { DebouncedSearch } from "@/components/ui/debounced-search";
import { downloadText } from "@/components/ui/download";
import { auditCsv, auditJson } from "./audit-export";
import { AUDIT_ACTION_CHOICES, AUDIT_OUTCOME_CHOICES, isoToLocalInput, localInputToIso, type AuditPageFilters } from "./audit-filters";

const selectClass = "rounded border border-border bg-surface px-2 py-1.5 text-sm";

function Choice({
  label,
  value,
  all,
  options,
  onChange,
}: {
  label: string;
  value: string;
  all: string;
  options: readonly string[];
  onChange: (v: string) => void;
}) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-muted">{label}</span>
      {/* Named by the label alone: a wrapping label would also read out the chosen option. */}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} className={selectClass}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function Time({ label, value, onChange }: { label: string; value: string; onChange: (iso: string) => void }) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-muted">{label} (UTC)</span>
      <input
        type="datetime-local"
        value={isoToLocalInput(value)}
        onChange={(e) => onChange(localInputToIso(e.target.value))}
        className={selectClass}
      />
    </label>
  );
}

/** Filters that live in the URL (so a filtered view can be shared), and the export of what they show. */
export function AuditFilterBar({
  filters,
  onChange,
  onClear,
  entries,
}: {
  filters: AuditPageFilters;
  onChange: (name: keyof AuditPageFilters, value: string) => void;
  onClear: () => void;
  entries: readonly AuditEntry[] | undefined;
}) {
  const clusters = useClusters();
  const clusterNames = (clusters.data?.clusters ?? []).filter((c) => c.status !== "external").map((c) => c.name);
  const any = Object.values(filters).some((v) => v !== "");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Choice
        label="Action"
        value={filters.action}
        all="All actions"
        options={AUDIT_ACTION_CHOICES}
        onChange={(v) => onChange("action", v)}
      />
      <Choice
        label="Outcome"
        value={filters.outcome}
        all="All outcomes"
        options={AUDIT_OUTCOME_CHOICES}
        onChange={(v) => onChange("outcome", v)}
      />
      <Choice
        label="Cluster"
        value={filters.cluster}
        all="All clusters"
        options={filters.cluster && !clusterNames.includes(filters.cluster) ? [filters.cluster, ...clusterNames] : clusterNames}
        onChange={(v) => onChange("cluster", v)}
      />
      <div className="text-sm">
        <span aria-hidden className="block text-xs text-muted">
          Link
        </span>
        <DebouncedSearch
          value={filters.link}
          onCommit={(v) => onChange("link", v.trim())}
          label="Link (exact name)"
          placeholder="exact link name"
          className="block w-40"
        />
      </div>
      <div className="text-sm">
        <span aria-hidden className="block text-xs text-muted">
          User
        </span>
        <DebouncedSearch
          value={filters.user}
          onCommit={(v) => onChange("user", v.trim())}
          label="User"
          placeholder="user name"
          className="block w-32"
        />
      </div>
      <Time label="From" value={filters.from} onChange={(v) => onChange("from", v)} />
      <Time label="To" value={filters.to} onChange={(v) => onChange("to", v)} />
      {any ? (
        <button
          type="button"
          onClick={onClear}
          className="inline-flex items-center gap-1 rounded border border-border px-2 py-1.5 text-sm hover:bg-surface-2"
        >
          <X aria-hidden className="size-4" /> Clear filters
        </button>
      ) : null}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={!entries?.length}
          onClick={() => entries && downloadText(`linkscope-audit-${stamp}.csv`, "text/csv", auditCsv(entries))}
          className="inline-flex items-center gap-1 rounded border border-border px-2 py-1.5 text-sm hover:bg-surface-2 disabled:opacity-50"
        >
          <Download aria-hidden className="size-4" /> Export CSV
        </button>
        <button
          type="button"
          disabled={!entries?.length}
          onClick={() => entries && downloadText(`linkscope-audit-${stamp}.json`, "application/json", auditJson(entries))}
          className="inline-flex items-center gap-1 rounded border border-border px-2 py-1.5 text-sm hover:bg-surface-2 disabled:opacity-50"
        >
          <Download aria-hidden className="size-4" /> Export JSON
        </button>
      </div>
    </div>
  );
}
