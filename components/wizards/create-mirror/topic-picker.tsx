"use client";
import { useState } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { TopicView } from "@/lib/api/mirror-admin";
import { plural } from "@/components/topology/format";
import { TextInput } from "../ui/field";

/** The source's topics: search, multi-select; already-mirrored and internal topics are marked and cannot be picked. */
export function TopicPicker({
  topics,
  mirrored,
  createdHere,
  selected,
  onChange,
  source,
}: {
  topics: UseQueryResult<TopicView[]>;
  mirrored: ReadonlySet<string>;
  /** Mirrors this page has just created: they are the result, not a reason to refuse. */
  createdHere: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  source: string;
}) {
  const [q, setQ] = useState("");
  if (topics.isPending) return <p className="text-sm text-muted">Reading {source}&apos;s topics…</p>;
  if (topics.isError)
    return (
      <p className="text-sm text-warn">
        Could not list {source}&apos;s topics ({topics.error.message}); type names below instead.
      </p>
    );
  const shown = topics.data.filter((t) => t.name.toLowerCase().includes(q.toLowerCase()));
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };
  return (
    <div className="space-y-2">
      <TextInput
        type="search"
        aria-label={`Search ${source}'s topics`}
        placeholder={`Search ${topics.data.length} topics…`}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="max-w-sm"
      />
      <ul aria-label={`${source}'s topics`} className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-border p-2">
        {shown.length === 0 ? <li className="text-sm text-muted">No topic matches.</li> : null}
        {shown.map((t) => {
          const disabled = t.internal || mirrored.has(t.name) || createdHere.has(t.name);
          return (
            <li key={t.name}>
              <label className={`flex items-baseline gap-2 text-sm ${disabled ? "text-muted" : ""}`}>
                <input
                  type="checkbox"
                  className="translate-y-0.5"
                  disabled={disabled}
                  checked={selected.has(t.name)}
                  onChange={(e) => toggle(t.name, e.target.checked)}
                />
                {/* On a phone the count and marks move under the name as whole phrases rather than breaking. */}
                <span className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-0.5">
                  <span className="break-all font-mono">{t.name}</span>
                  {t.partitions !== null ? (
                    <span className="whitespace-nowrap text-xs text-muted">{plural(t.partitions, "partition")}</span>
                  ) : null}
                  {createdHere.has(t.name) ? (
                    <span className="whitespace-nowrap rounded bg-ok-bg px-1.5 text-xs text-ok">created just now</span>
                  ) : mirrored.has(t.name) ? (
                    <span className="whitespace-nowrap rounded bg-neutral-bg px-1.5 text-xs text-neutral">already mirrored</span>
                  ) : null}
                  {t.internal ? (
                    <span className="whitespace-nowrap rounded bg-neutral-bg px-1.5 text-xs text-neutral">internal</span>
                  ) : null}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-muted" aria-live="polite">
        {selected.size} selected
      </p>
    </div>
  );
}
