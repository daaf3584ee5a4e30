"use client";
import { useId } from "react";

/** After a failed dry run, Create stays locked until the dry run passes or the person types the link name to proceed anyway. */
export function ProceedAnyway({ link, value, onChange }: { link: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="space-y-2 rounded-md border border-warn bg-warn-bg p-3 text-sm">
      <p>
        The last dry run failed, so <strong>Create link</strong> is locked: fix the problem and validate again. If you know the dry run is
        wrong (for example a check the cluster cannot make before the link exists), you can proceed anyway.
      </p>
      <label htmlFor={id} className="block font-semibold">
        Type <span className="rounded bg-surface px-1.5 py-0.5 font-mono">{link}</span> to create the link despite the failed dry run
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        className="w-full max-w-xs rounded border border-border bg-surface px-2 py-1.5 font-mono text-sm text-fg"
      />
    </div>
  );
}
