"use client";
import clsx from "clsx";
import { HISTORY_RANGES, type HistoryRangeId } from "@/lib/client/use-history";

/** Time window presets as a radio group: one tab stop, arrow keys move between options. */
export function RangePicker({ value, onChange, name }: { value: HistoryRangeId; onChange: (range: HistoryRangeId) => void; name: string }) {
  return (
    <fieldset className="inline-flex rounded-md border border-border p-0.5">
      <legend className="sr-only">Time range</legend>
      {HISTORY_RANGES.map((r) => (
        <label
          key={r.id}
          title={r.title}
          className={clsx(
            "cursor-pointer rounded px-2.5 py-1 text-xs font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--focus)]",
            value === r.id ? "bg-accent text-accent-fg" : "text-muted hover:bg-surface-2 hover:text-fg",
          )}
        >
          <input type="radio" name={name} value={r.id} checked={value === r.id} onChange={() => onChange(r.id)} className="sr-only" />
          {r.label}
          <span className="sr-only"> ({r.title})</span>
        </label>
      ))}
    </fieldset>
  );
}

export function UtcToggle({ utc, onChange }: { utc: boolean; onChange: (utc: boolean) => void }) {
  return (
    <label className="inline-flex cursor-pointer items-center gap-1.5 text-xs text-muted">
      <input type="checkbox" checked={utc} onChange={(e) => onChange(e.target.checked)} className="size-3.5 accent-[var(--accent)]" />
      UTC
    </label>
  );
}
