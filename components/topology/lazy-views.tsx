"use client";
import { preloadCode } from "@/components/ui/preload-code";
import dynamic from "next/dynamic";
import { MIN_CANVAS_HEIGHT } from "./model/viewport";

// What the topology page draws once the topology has arrived loads apart from the page (bench item 7 measures each
// page's first-load JavaScript): the graph (@xyflow/react, its stylesheet and the canvas around it: a third of the
// page's JavaScript), the link table and the fleet summary. Client-only: the answer they draw is read in the browser.
const loadCanvas = () => import("./topology-canvas");
const loadTable = () => import("./link-table");
const loadSummary = () => import("./fleet-summary");

/**
 * Starts downloading the code of the view the page opens on, and of the summary, while the topology is on its way, so
 * the waits overlap instead of following each other. The module loader keeps one download per chunk; `dynamic` below
 * reuses it.
 */
export function preloadTopologyView(view: "graph" | "table"): void {
  preloadCode(view === "graph" ? loadCanvas : loadTable, loadSummary);
}

/** The graph's place while its code loads: the height the canvas opens at, so nothing below it jumps. */
export function GraphSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading the graph"
      className="animate-pulse bg-surface-2"
      style={{ height: MIN_CANVAS_HEIGHT }}
      data-testid="graph-skeleton"
    />
  );
}

/** The fleet summary's place while its code loads (beside the graph on a wide screen, below it otherwise). */
export function SummarySkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading the fleet summary"
      className="space-y-3 rounded-lg border border-border bg-surface p-4"
      data-testid="summary-skeleton"
    >
      {[90, 80, 70, 60, 50, 40].map((width) => (
        <div key={width} aria-hidden className="h-4 animate-pulse rounded bg-surface-2" style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}

/** The link table's place while its code loads. */
export function TableSkeleton() {
  return (
    <div role="status" aria-label="Loading the link table" className="space-y-2 p-4" data-testid="table-skeleton">
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <div key={i} aria-hidden className="h-8 animate-pulse rounded bg-surface-2" />
      ))}
    </div>
  );
}

export const TopologyCanvas = dynamic(() => loadCanvas().then((m) => m.TopologyCanvas), {
  ssr: false,
  loading: () => <GraphSkeleton />,
});

export const LinkTable = dynamic(() => loadTable().then((m) => m.LinkTable), {
  ssr: false,
  loading: () => <TableSkeleton />,
});

export const FleetSummary = dynamic(() => loadSummary().then((m) => m.FleetSummary), {
  ssr: false,
  loading: () => <SummarySkeleton />,
});
