"use client";
import { X } from "lucide-react";
import { useId } from "react";
import { DebouncedSearch } from "@/components/ui/debounced-search";
import { formatCount } from "@/components/ui/format";
import type { MirrorTableState } from "./mirror-table-state";

/** Status filter (with counts), name search and a way back to everything; all of it lives in the URL. */
export function MirrorFilters({
  state,
  onChange,
  counts,
  shown,
  total,
}: {
  state: MirrorTableState;
  onChange: (next: MirrorTableState) => void;
  counts: { status: string; count: number }[];
  shown: number;
  total: number;
}) {
  const statusId = useId();
  const options = state.status && !counts.some((c) => c.status === state.status) ? [...counts, { status: state.status, count: 0 }] : counts;
  const filtered = state.status !== null || state.q.trim() !== "";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="inline-flex items-center gap-2 text-sm">
        <label htmlFor={statusId} className="text-muted">
          Status
        </label>
        <select
          id={statusId}
          value={state.status ?? ""}
          onChange={(e) => onChange({ ...state, status: e.target.value === "" ? null : e.target.value })}
          className="rounded border border-border bg-surface px-2 py-1.5 text-sm"
        >
          <option value="">All statuses ({formatCount(total)})</option>
          {options.map((c) => (
            <option key={c.status} value={c.status}>
              {c.status} ({formatCount(c.count)})
            </option>
          ))}
        </select>
      </span>
      <DebouncedSearch
        value={state.q}
        onCommit={(q) => onChange({ ...state, q })}
        label="Search mirrors by mirror or source topic name"
        placeholder="Search mirror or source topic"
        className="w-72"
      />
      {filtered ? (
        <button
          type="button"
          onClick={() => onChange({ ...state, status: null, q: "" })}
          className="inline-flex items-center gap-1 rounded border border-border px-2 py-1.5 text-sm hover:bg-surface-2"
        >
          <X aria-hidden className="size-4" /> Clear filters
        </button>
      ) : null}
      <p className="ml-auto text-sm text-muted" aria-live="polite" data-testid="mirrors-count">
        {filtered ? `Showing ${formatCount(shown)} of ${formatCount(total)} mirrors` : `${formatCount(total)} mirrors`}
      </p>
    </div>
  );
}
