"use client";
import { RefreshCw } from "lucide-react";
import { useIsFetching, useQueryClient, type QueryKey } from "@tanstack/react-query";

/** Refreshes every query under the given key prefixes now, instead of waiting for the next poll. */
export function RefreshButton({ prefixes, label = "Refresh" }: { prefixes: QueryKey[]; label?: string }) {
  const client = useQueryClient();
  const fetching = useIsFetching({ predicate: (q) => prefixes.some((p) => p.every((part, i) => q.queryKey[i] === part)) }) > 0;
  return (
    <button
      type="button"
      onClick={() => void Promise.all(prefixes.map((queryKey) => client.invalidateQueries({ queryKey })))}
      disabled={fetching}
      className="inline-flex items-center gap-1.5 rounded border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60"
    >
      <RefreshCw aria-hidden className={fetching ? "size-4 animate-spin" : "size-4"} />
      {fetching ? "Refreshing…" : label}
    </button>
  );
}
