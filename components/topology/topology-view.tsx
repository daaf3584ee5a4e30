"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import clsx from "clsx";
import {
  ArrowLeft,
  Crosshair,
  LayoutGrid,
  ListFilter,
  Network,
  RefreshCw,
  RotateCcw,
  Search,
  ServerCrash,
  Table2,
  TriangleAlert,
  X,
} from "lucide-react";
import { Freshness } from "@/components/ui/freshness";
import type { Topology } from "@/lib/domain/types";
import { useSettings } from "@/lib/client/settings-context";
import { useTopology } from "@/lib/client/use-topology";
import { EdgeMarkerDefs } from "./edge-markers";
import { plural } from "./format";
import { clusterHref } from "./hrefs";
import { TopologyLegend } from "./legend";
import { FleetSummary, LinkTable, preloadTopologyView, TopologyCanvas } from "./lazy-views";
import { applyFilter, type FilterResult } from "./model/filter";
import { fleetViewOf, type FleetView } from "./model/fleet-view";
import { highlightOf } from "./model/highlight";
import { problemsOf } from "./model/summary";
import type { TopologyViewMode } from "./model/url-state";
import { TopologySkeleton } from "./topology-skeleton";
import { useDraggedPositions } from "./use-dragged-positions";
import { useTopologyUrlState } from "./use-topology-url-state";

/** Below the `md` breakpoint (768 px). */
const PHONE_QUERY = "(max-width: 767.98px)";

function nameOf(topology: Topology, name: string): string {
  const c = topology.clusters.find((x) => x.name === name);
  return c ? c.displayName || c.name : name;
}

function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  // Local state keeps typing smooth; the URL follows each keystroke (replaceState, no navigation).
  const [text, setText] = useState(value);
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) setText(value);
    last.current = value;
  }, [value]);
  return (
    <div className="relative">
      <label htmlFor="topology-search" className="sr-only">
        Search clusters and links
      </label>
      <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted" />
      <input
        id="topology-search"
        type="search"
        value={text}
        placeholder="Search clusters and links"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          last.current = e.target.value;
          onChange(e.target.value);
        }}
        className="w-64 rounded border border-border bg-surface py-1.5 pl-8 pr-2 text-sm text-fg placeholder:text-muted"
      />
    </div>
  );
}

function ViewSwitch({ view, onChange }: { view: TopologyViewMode; onChange: (view: TopologyViewMode) => void }) {
  const options: { value: TopologyViewMode; label: string; icon: typeof Network }[] = [
    { value: "graph", label: "Graph", icon: Network },
    { value: "table", label: "Table", icon: Table2 },
  ];
  return (
    <fieldset aria-label="View" className="inline-flex rounded border border-border">
      {options.map(({ value, label, icon: Icon }) => (
        <button
          key={value}
          type="button"
          aria-pressed={view === value}
          onClick={() => onChange(value)}
          className={clsx(
            "inline-flex items-center gap-1.5 px-3 py-1.5 text-sm font-medium first:rounded-l last:rounded-r",
            view === value ? "bg-accent text-accent-fg" : "text-fg hover:bg-surface-2",
          )}
        >
          <Icon aria-hidden className="size-4" />
          {label}
        </button>
      ))}
    </fieldset>
  );
}

function SelectionBar({ topology, selected, onClear }: { topology: Topology; selected: string; onClear: () => void }) {
  const highlight = highlightOf(topology, selected);
  if (!highlight) return null;
  const list = (names: string[]) => (names.length ? names.map((n) => nameOf(topology, n)).join(", ") : "nothing");
  const external = topology.clusters.find((c) => c.name === selected)?.status === "external";
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border bg-info-bg px-4 py-2 text-sm text-fg"
      data-testid="selection-bar"
    >
      <Crosshair aria-hidden className="size-4 text-info" />
      <span>
        <strong>{nameOf(topology, selected)}</strong>: fed by <strong>{list(highlight.upstream)}</strong>; feeds{" "}
        <strong>{list(highlight.downstream)}</strong>.
      </span>
      <span className="ml-auto flex items-center gap-2">
        {!external ? (
          <Link href={clusterHref(selected)} className="rounded px-2 py-1 font-medium text-accent hover:underline">
            Open cluster page
          </Link>
        ) : null}
        <button
          type="button"
          onClick={onClear}
          className="inline-flex items-center gap-1 rounded border border-border bg-surface px-2 py-1 text-xs font-medium hover:bg-surface-2"
        >
          <X aria-hidden className="size-3.5" /> Clear selection
        </button>
      </span>
    </div>
  );
}

/** What a large fleet's graph shows right now, and the way back to all its groups. */
function LargeFleetBar({ topology, view, onBack }: { topology: Topology; view: FleetView; onBack: () => void }) {
  if (view.mode === "overview") {
    return (
      <p
        className="flex flex-wrap items-center gap-2 border-b border-border bg-surface-2 px-4 py-2 text-sm text-fg"
        data-testid="large-fleet-bar"
      >
        <LayoutGrid aria-hidden className="size-4 text-muted" />
        {plural(topology.clusters.length, "cluster")} in {plural(view.groups.length, "group")} by network zone and region. Open a group to
        see its clusters and links, or search for a cluster or link.
      </p>
    );
  }
  if (!view.openedGroup) return null;
  return (
    <div
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border bg-info-bg px-4 py-2 text-sm text-fg"
      data-testid="large-fleet-bar"
    >
      <LayoutGrid aria-hidden className="size-4 text-info" />
      <span>
        <strong>{view.openedGroup.label}</strong>: its {plural(view.openedGroup.members.length, "cluster")} and every cluster they exchange
        data with directly ({plural(view.clusters.length, "card")}).
      </span>
      <button
        type="button"
        onClick={onBack}
        className="ml-auto inline-flex items-center gap-1 rounded border border-border bg-surface px-2 py-1 text-xs font-medium hover:bg-surface-2"
      >
        <ArrowLeft aria-hidden className="size-3.5" /> All groups
      </button>
    </div>
  );
}

function FilterNote({ topology, visible, onClear }: { topology: Topology; visible: FilterResult; onClear: () => void }) {
  if (!visible.active) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-muted" role="status" data-testid="filter-note">
      <ListFilter aria-hidden className="size-4" />
      Showing {visible.links.size} of {plural(topology.links.length, "link")} and {visible.clusters.size} of{" "}
      {plural(topology.clusters.length, "cluster")}.
      <button type="button" onClick={onClear} className="font-medium text-accent hover:underline">
        Clear filters
      </button>
    </p>
  );
}

function LoadError({
  message,
  onRetry,
  retrying,
  pollSeconds,
}: {
  message: string;
  onRetry: () => void;
  retrying: boolean;
  pollSeconds: number;
}) {
  return (
    <div role="alert" className="flex items-start gap-3 rounded-lg border border-err bg-err-bg px-4 py-4 text-sm">
      <ServerCrash aria-hidden className="size-5 shrink-0 text-err" />
      <div className="space-y-2">
        <p className="font-semibold text-err">Could not load the fleet topology.</p>
        <p className="text-fg">{message}</p>
        <p className="text-fg">
          Check that the Linkscope server is running and reachable from this browser. This page tries again every {pollSeconds} s, or now:
        </p>
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="inline-flex items-center gap-1.5 rounded border border-border bg-surface px-3 py-1.5 font-medium text-fg hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60"
        >
          <RefreshCw aria-hidden className={retrying ? "size-4 animate-spin" : "size-4"} />
          {retrying ? "Trying…" : "Try again"}
        </button>
      </div>
    </div>
  );
}

function EmptyFleet({ topology }: { topology: Topology }) {
  if (topology.clusters.length === 0) {
    return (
      <div className="px-4 py-8 text-sm" data-testid="topology-empty">
        <p className="font-semibold">No clusters configured.</p>
        <p className="mt-1 text-muted">
          Add clusters under <code>clusters:</code> in the Linkscope config file (<code>LINKSCOPE_CONFIG</code>) and restart the server.
        </p>
      </div>
    );
  }
  return null;
}

/** The topology page body: live graph or table, filters in the URL, and the fleet summary beside it. */
export function TopologyView() {
  const { data: topology, error, isPending, isError, isFetching, refetch, dataUpdatedAt } = useTopology();
  const { pollIntervalMs } = useSettings();
  const [state, setState] = useTopologyUrlState();
  const positions = useDraggedPositions();
  const movedCount = Object.keys(positions.dragged).length;

  const visible = useMemo(
    () => (topology ? applyFilter(topology, { q: state.q, problemsOnly: state.problemsOnly }) : null),
    [topology, state.q, state.problemsOnly],
  );
  const problemCount = useMemo(() => (topology ? problemsOf(topology).length : 0), [topology]);
  const onSelect = useCallback((cluster: string | null) => setState({ selected: cluster }), [setState]);
  const [opened, setOpened] = useState<string | null>(null);
  const highlight = useMemo(() => (topology ? highlightOf(topology, state.selected) : null), [topology, state.selected]);
  const view = useMemo(
    () => (topology && visible ? fleetViewOf({ topology, visible, highlight, opened }) : null),
    [topology, visible, highlight, opened],
  );
  // A phone opens on the table (a graph needs room to be read); the graph is one tap away, and a link that asks for it wins.
  // The first view's code (and ELK for a graph) is asked for now, while the topology is on its way.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the first view of the page
  useEffect(() => {
    const asked = new URLSearchParams(window.location.search).get("view");
    const phone = window.matchMedia(PHONE_QUERY).matches;
    if (asked === null && phone) setState({ view: "table" });
    const first = asked === "table" || (asked === null && phone) ? "table" : "graph";
    preloadTopologyView(first);
    // The engine's loader (and the worker it starts) stays out of the page's first load too.
    if (first === "graph") void import("./layout-engine").then((m) => m.preloadLayoutEngine());
  }, []);
  const clearFilters = useCallback(() => setState({ q: "", problemsOnly: false }), [setState]);

  useEffect(() => {
    if (!state.selected) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !(e.target instanceof HTMLInputElement)) setState({ selected: null });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [state.selected, setState]);

  const toolbar = (
    <div className="flex flex-wrap items-center gap-3">
      <SearchBox value={state.q} onChange={(q) => setState({ q })} />
      <label className="inline-flex cursor-pointer items-center gap-2 rounded border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-2">
        <input
          type="checkbox"
          checked={state.problemsOnly}
          onChange={(e) => setState({ problemsOnly: e.target.checked })}
          className="size-4 accent-[var(--accent)]"
        />
        Problems only
        {topology ? (
          <span className={clsx("rounded-full px-1.5 text-xs font-semibold", problemCount ? "bg-err-bg text-err" : "bg-ok-bg text-ok")}>
            {problemCount}
          </span>
        ) : null}
      </label>
      <ViewSwitch view={state.view} onChange={(view) => setState({ view })} />
      <div className="ml-auto flex items-center gap-3">
        {topology ? <Freshness updatedAt={dataUpdatedAt} pollIntervalMs={pollIntervalMs} failing={isError} /> : null}
        <button
          type="button"
          onClick={() => void refetch()}
          disabled={isFetching}
          className="inline-flex items-center gap-1.5 rounded border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60"
        >
          <RefreshCw aria-hidden className={isFetching ? "size-4 animate-spin" : "size-4"} />
          {isFetching ? "Refreshing…" : "Refresh"}
        </button>
      </div>
    </div>
  );

  if (isPending) {
    return (
      <div className="space-y-4">
        {toolbar}
        <TopologySkeleton />
      </div>
    );
  }
  if (!topology || !visible || !view) {
    return (
      <div className="space-y-4">
        {toolbar}
        <LoadError
          message={error?.message ?? "The server sent nothing."}
          onRetry={() => void refetch()}
          retrying={isFetching}
          pollSeconds={Math.round(pollIntervalMs / 1000)}
        />
      </div>
    );
  }

  const nothingShown = visible.active && visible.links.size === 0 && visible.clusters.size === 0;
  return (
    <div className="space-y-4">
      <EdgeMarkerDefs />
      {toolbar}
      {isError ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded-lg border border-warn bg-warn-bg px-4 py-3 text-sm text-fg"
          data-testid="stale-banner"
        >
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
          <p>
            <strong className="text-warn">Stale data.</strong> The graph below is the last good answer; refreshing it failed:{" "}
            {error?.message} Linkscope keeps trying every {Math.round(pollIntervalMs / 1000)} s.
          </p>
        </div>
      ) : null}
      <FilterNote topology={topology} visible={visible} onClear={clearFilters} />
      {/* The graph gets the full width up to 1536 px: beside it, the summary would leave it too narrow to read. */}
      <div className="grid items-start gap-4 2xl:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-labelledby="topology-heading" className="min-w-0 overflow-hidden rounded-lg border border-border bg-surface">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border px-4 py-3">
            <h2 id="topology-heading" className="text-base font-semibold">
              {state.view === "graph" ? "Link graph" : "Link table"}
            </h2>
            <p className="text-sm text-muted">
              {plural(topology.clusters.length, "cluster")}, {plural(topology.links.length, "link")}
              {state.view === "graph" ? (
                <>
                  {" · "}
                  <button type="button" onClick={() => setState({ view: "table" })} className="text-accent hover:underline">
                    same links as a table
                  </button>{" "}
                  for keyboard and screen readers
                </>
              ) : null}
            </p>
            {state.view === "graph" && view.mode === "all" ? (
              <button
                type="button"
                onClick={positions.reset}
                disabled={movedCount === 0}
                title={movedCount ? "Put every card back where the automatic layout puts it" : "Drag a card to move it; this puts it back"}
                className="ml-auto inline-flex items-center gap-1.5 rounded border border-border px-2 py-1 text-xs font-medium text-fg hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-50"
              >
                <RotateCcw aria-hidden className="size-3.5" />
                Reset layout{movedCount ? ` (${movedCount} moved)` : ""}
              </button>
            ) : null}
          </div>
          {state.view === "graph" ? (
            <>
              <TopologyLegend className="border-b border-border px-4 py-2.5" />
              {state.selected ? (
                <SelectionBar topology={topology} selected={state.selected} onClear={() => setState({ selected: null })} />
              ) : null}
              {view.mode !== "all" && !state.selected ? (
                <LargeFleetBar topology={topology} view={view} onBack={() => setOpened(null)} />
              ) : null}
              <EmptyFleet topology={topology} />
              {topology.links.length === 0 && topology.clusters.length > 0 ? (
                <p className="border-b border-border px-4 py-2 text-sm text-muted" data-testid="topology-no-links">
                  No cluster links yet: the clusters below replicate nothing. Create one with{" "}
                  <Link href="/links/new" className="font-medium text-accent hover:underline">
                    New link
                  </Link>{" "}
                  (or the Confluent CLI); it shows here within one refresh.
                </p>
              ) : null}
              {nothingShown ? (
                <p className="px-4 py-8 text-center text-sm text-muted" data-testid="topology-nothing-matches">
                  Nothing matches{state.q ? ` “${state.q}”` : ""}
                  {state.problemsOnly ? " among the problems" : ""}.{" "}
                  <button type="button" onClick={clearFilters} className="font-medium text-accent hover:underline">
                    Clear filters
                  </button>
                </p>
              ) : null}
              {topology.clusters.length > 0 ? (
                <div className={nothingShown ? "hidden" : undefined}>
                  <TopologyCanvas
                    topology={topology}
                    view={view}
                    visible={visible}
                    highlight={highlight}
                    selected={state.selected}
                    onSelect={onSelect}
                    onOpenGroup={setOpened}
                    query={state.q}
                    dragged={positions.dragged}
                    onMove={positions.move}
                  />
                </div>
              ) : null}
            </>
          ) : topology.links.length === 0 ? (
            <p className="px-4 py-8 text-sm text-muted" data-testid="topology-no-links">
              No cluster links yet. Create one with{" "}
              <Link href="/links/new" className="font-medium text-accent hover:underline">
                New link
              </Link>{" "}
              (or the Confluent CLI); it shows here within one refresh.
            </p>
          ) : visible.links.size === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-muted">
              No link matches.{" "}
              <button type="button" onClick={clearFilters} className="font-medium text-accent hover:underline">
                Clear filters
              </button>
            </p>
          ) : (
            <LinkTable topology={topology} visibleLinks={visible.links} />
          )}
        </section>
        <FleetSummary topology={topology} />
      </div>
    </div>
  );
}
