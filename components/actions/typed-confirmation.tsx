"use client";
import { useId, type ReactNode } from "react";

/**
 * The last gate before an irreversible change: the person types the cluster's name. Exact match only, so muscle
 * memory (Enter, Enter) cannot fail over the wrong cluster.
 */
export function TypedConfirmation({
  expected,
  value,
  onChange,
  consequence,
}: {
  expected: string;
  value: string;
  onChange: (v: string) => void;
  consequence: ReactNode;
}) {
  const id = useId();
  const matches = value === expected;
  return (
    <div className="space-y-2 rounded-md border border-err bg-err-bg p-3">
      <div className="text-sm text-fg">{consequence}</div>
      <label htmlFor={id} className="block text-sm font-semibold text-fg">
        Type <span className="rounded bg-surface px-1.5 py-0.5 font-mono">{expected}</span> to confirm
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        className="w-full max-w-xs rounded border border-border bg-surface px-2 py-1.5 font-mono text-sm text-fg"
      />
      <p id={`${id}-hint`} className="text-xs text-muted" aria-live="polite">
        {value === "" ? "The button unlocks when the name matches exactly." : matches ? "Name matches." : "Does not match yet."}
      </p>
    </div>
  );
}
