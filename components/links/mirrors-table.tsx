"use client";
import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import clsx from "clsx";
import { useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { MirrorView } from "@/lib/api/links";
import { formatCount, formatDuration, formatTimestamp } from "@/components/ui/format";
import { MirrorStatusBadge } from "@/components/ui/state-badge";
import { pagePaths } from "./link-paths";
import { mirrorErrorOf } from "./mirror-error";
import type { MirrorColumn, MirrorTableState } from "./mirror-table-state";
import { StaleLag } from "@/components/ui/stale-lag";

export const ROW_HEIGHT = 40;
const MAX_BODY_HEIGHT = 560;
// One template for header and body rows: the body rows are absolutely positioned, so table layout cannot align them.
const GRID = "minmax(170px,2fr) minmax(130px,1.3fr) 180px 84px 104px 116px 104px minmax(230px,2fr)";

const COLUMNS: { id: MirrorColumn; label: string; numeric?: boolean; hint?: string }[] = [
  { id: "name", label: "Mirror" },
  { id: "sourceTopic", label: "Source topic" },
  { id: "status", label: "Status", hint: "Sorted by severity" },
  { id: "partitions", label: "Partitions", numeric: true },
  { id: "maxLag", label: "Max lag", numeric: true, hint: "Largest per-partition lag, in messages" },
  { id: "totalLag", label: "Total lag", numeric: true, hint: "Sum of per-partition lags, in messages" },
  { id: "timeInState", label: "In state for", numeric: true, hint: "Since the last status change (state_time_ms)" },
  { id: "error", label: "Error" },
];

function SortHeader({
  column,
  state,
  onSort,
}: {
  column: (typeof COLUMNS)[number];
  state: MirrorTableState;
  onSort: (c: MirrorColumn) => void;
}) {
  const active = state.sort === column.id;
  const Icon = !active ? ArrowUpDown : state.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : "none"}
      className={clsx("flex items-center px-2 py-2 font-medium", column.numeric && "justify-end")}
    >
      <button
        type="button"
        onClick={() => onSort(column.id)}
        title={column.hint ? `${column.hint}. Click to sort.` : "Click to sort."}
        className={clsx("inline-flex items-center gap-1 rounded px-1 uppercase hover:text-fg", active && "text-fg")}
      >
        {column.label}
        <Icon aria-hidden className={clsx("size-3.5", !active && "opacity-50")} />
      </button>
    </th>
  );
}

function MirrorRow({ m, cluster, link, now }: { m: MirrorView; cluster: string; link: string; now: number }) {
  const error = mirrorErrorOf(m);
  return (
    <>
      <th scope="row" className="flex min-w-0 items-center px-2 text-left font-normal">
        <Link href={pagePaths.mirror(cluster, link, m.name)} className="truncate font-medium text-accent hover:underline" title={m.name}>
          {m.name}
        </Link>
      </th>
      <td className={clsx("flex min-w-0 items-center px-2 font-mono text-xs", m.sourceTopic === m.name && "text-muted")}>
        <span className="truncate" title={m.sourceTopic}>
          {m.sourceTopic}
        </span>
      </td>
      <td className="flex items-center px-2">
        <MirrorStatusBadge status={m.status} />
      </td>
      <td className="flex items-center justify-end px-2 tabular-nums">{formatCount(m.partitions)}</td>
      <td
        className={clsx("flex items-center justify-end px-2 font-mono tabular-nums", (m.maxLag ?? 0) > 0 && "font-semibold")}
        title={m.maxLag === null ? "No lag reported" : undefined}
      >
        <StaleLag compact staleSince={m.flowing ? null : m.staleSince}>
          {formatCount(m.maxLag)}
        </StaleLag>
      </td>
      <td className="flex items-center justify-end px-2 font-mono tabular-nums" title={m.totalLag === null ? "No lag reported" : undefined}>
        <StaleLag compact staleSince={m.flowing ? null : m.staleSince}>
          {formatCount(m.totalLag)}
        </StaleLag>
      </td>
      <td className="flex items-center justify-end px-2 tabular-nums" title={`Since ${formatTimestamp(m.stateTimeMs)}`}>
        {formatDuration(now - m.stateTimeMs)}
      </td>
      <td className="flex min-w-0 items-center px-2">
        {error ? (
          <span className="truncate font-mono text-xs font-semibold text-err" title={error}>
            {error}
          </span>
        ) : (
          <span className="text-muted">—</span>
        )}
      </td>
    </>
  );
}

/**
 * The mirrors, virtualized: only the rows in view (plus a few) are in the DOM, so 10,000 mirrors scroll as
 * smoothly as 10. Header and rows share one CSS grid template.
 */
export function MirrorsTable({
  mirrors,
  state,
  onSort,
  cluster,
  link,
  now,
}: {
  mirrors: readonly MirrorView[];
  state: MirrorTableState;
  onSort: (column: MirrorColumn) => void;
  cluster: string;
  link: string;
  now: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: mirrors.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => mirrors[i]?.name ?? i,
    overscan: 10,
  });
  return (
    <div
      ref={scrollRef}
      className="overflow-auto rounded-md border border-border"
      style={{ maxHeight: MAX_BODY_HEIGHT + ROW_HEIGHT }}
      data-testid="mirrors-scroll"
    >
      <table className="grid min-w-[1120px] text-sm" aria-rowcount={mirrors.length + 1}>
        <caption className="sr-only">Mirror topics of this link; column headers sort the table.</caption>
        <thead className="sticky top-0 z-10 grid border-b border-border bg-surface text-xs tracking-wide text-muted">
          <tr className="grid" style={{ gridTemplateColumns: GRID }} aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <SortHeader key={c.id} column={c} state={state} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody className="relative grid" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const m = mirrors[item.index];
            if (!m) return null;
            return (
              <tr
                key={item.key}
                data-testid={`mirror-row-${m.name}`}
                aria-rowindex={item.index + 2}
                className="absolute left-0 grid w-full border-b border-border hover:bg-surface-2"
                style={{ gridTemplateColumns: GRID, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <MirrorRow m={m} cluster={cluster} link={link} now={now} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
