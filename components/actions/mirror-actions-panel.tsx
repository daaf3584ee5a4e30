"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import type { MirrorView } from "@/lib/api/links";
import type { RunPhase } from "@/lib/domain/actions/action-run";
import { MIRROR_ACTIONS, type MirrorActionName } from "@/lib/domain/actions/mirror-actions";
import { useLinkDetail } from "@/lib/client/use-link";
import { useLinkMirrors } from "@/lib/client/use-mirrors";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { formatCount } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { MirrorStatusBadge } from "@/components/ui/state-badge";
import { ActionRunFlow } from "./action-run-flow";
import { ActionsNeedCluster } from "./actions-need-cluster";
import { buttonClass } from "./button-styles";
import { filterMirrors, MAX_ROWS_SHOWN, orderedSelection } from "./mirror-selection";
import { useClusterId } from "@/lib/client/use-topology";

const LINK_PAGE_ACTIONS: MirrorActionName[] = ["pause", "resume", "promote", "failover"];
const BIDIRECTIONAL_ACTIONS: MirrorActionName[] = ["reverse-and-start", "reverse-and-pause"];

function SelectionTable({
  mirrors,
  selected,
  toggle,
  disabled,
}: {
  mirrors: MirrorView[];
  selected: ReadonlySet<string>;
  toggle: (name: string) => void;
  disabled: boolean;
}) {
  return (
    <div className="max-h-80 overflow-auto rounded border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Mirrors to act on</caption>
        <thead className="sticky top-0 bg-surface-2 text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="w-10 px-3 py-2 font-medium">
              <span className="sr-only">Selected</span>
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Mirror topic
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              State
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Max lag (msgs)
            </th>
          </tr>
        </thead>
        <tbody>
          {mirrors.slice(0, MAX_ROWS_SHOWN).map((m) => (
            <tr key={m.name} className="border-t border-border">
              <td className="px-3 py-1.5">
                <input
                  type="checkbox"
                  aria-label={`Select ${m.name}`}
                  checked={selected.has(m.name)}
                  onChange={() => toggle(m.name)}
                  disabled={disabled}
                />
              </td>
              <th scope="row" className="px-3 py-1.5 text-left font-mono font-normal">
                {m.name}
              </th>
              <td className="px-3 py-1.5">
                <MirrorStatusBadge status={m.status} />
              </td>
              <td className="px-3 py-1.5 text-right font-mono tabular-nums">{formatCount(m.maxLag)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mirrors.length > MAX_ROWS_SHOWN ? (
        <p className="border-t border-border px-3 py-2 text-xs text-muted">
          {formatCount(mirrors.length - MAX_ROWS_SHOWN)} more match; narrow the filter, or use “Select all matching”.
        </p>
      ) : null}
    </div>
  );
}

/**
 * The link page's actions: pick mirrors (all, filtered or ticked), pick an action, see the dry run per topic, confirm,
 * and watch each topic reach its target state. Self-contained: it reads the link's mirrors itself.
 */
export function MirrorActionsPanel({ cluster, link }: { cluster: string; link: string }) {
  const mirrors = useLinkMirrors(cluster, link);
  const detail = useLinkDetail(cluster, link);
  const clusterId = useClusterId(cluster);
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<MirrorActionName>("pause");
  const [phase, setPhase] = useState<RunPhase>("draft");
  // Once a run has started, its selection is its record: a new selection needs "Start a new run".
  const locked = phase === "executing" || phase === "watching" || phase === "finished";

  const all = useMemo(() => mirrors.data ?? [], [mirrors.data]);
  const shown = useMemo(() => filterMirrors(all, query, status), [all, query, status]);
  const statuses = useMemo(() => [...new Set(all.map((m) => m.status))].sort(), [all]);
  const topics = useMemo(() => orderedSelection(all, selected), [all, selected]);
  const targets = useMemo(() => topics.map((topic) => ({ link, topic })), [topics, link]);
  const actions = detail.data?.kind === "bidirectional" ? [...LINK_PAGE_ACTIONS, ...BIDIRECTIONAL_ACTIONS] : LINK_PAGE_ACTIONS;

  if (detail.data?.linkMode === "SOURCE") return null;

  const toggle = (name: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <Panel
      id="mirror-actions"
      title="Mirror actions"
      subtitle="Select mirrors, dry-run an action, confirm it, and watch every topic reach its target state."
    >
      {mirrors.isPending ? (
        <SkeletonBlock label="Loading the link's mirrors" />
      ) : mirrors.error && !mirrors.data ? (
        <ApiErrorNotice error={mirrors.error} cluster={cluster} what="the mirrors" />
      ) : all.length === 0 ? (
        <p className="text-sm text-muted">This link has no mirror topics to act on.</p>
      ) : (
        <div className="space-y-5">
          <fieldset className="space-y-2" disabled={locked}>
            <legend className="text-sm font-semibold">Mirrors</legend>
            <div className="flex flex-wrap items-end gap-2">
              <label className="text-sm">
                <span className="block text-xs text-muted">Filter by name</span>
                <input
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  className="rounded border border-border bg-surface px-2 py-1 text-sm"
                  placeholder="orders"
                />
              </label>
              <label className="text-sm">
                <span className="block text-xs text-muted">State</span>
                <select
                  value={status}
                  onChange={(e) => setStatus(e.target.value)}
                  className="rounded border border-border bg-surface px-2 py-1 text-sm"
                >
                  <option value="">Any</option>
                  {statuses.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className={buttonClass.secondary} onClick={() => setSelected(new Set(shown.map((m) => m.name)))}>
                Select all matching ({formatCount(shown.length)})
              </button>
              <button type="button" className={buttonClass.secondary} onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
                Clear
              </button>
            </div>
            <SelectionTable mirrors={shown} selected={selected} toggle={toggle} disabled={locked} />
            <p className="text-sm" role="status">
              {formatCount(topics.length)} of {formatCount(all.length)} mirrors selected.
              {locked ? " The selection is fixed while this run is on screen; start a new run to change it." : ""}
            </p>
          </fieldset>

          <fieldset className="space-y-2" disabled={locked}>
            <legend className="text-sm font-semibold">Action</legend>
            <div className="flex flex-wrap gap-2" role="radiogroup" aria-label="Action">
              {actions.map((name) => (
                <label
                  key={name}
                  className={`cursor-pointer rounded border px-3 py-1.5 text-sm ${action === name ? "border-accent bg-info-bg font-semibold" : "border-border"}`}
                >
                  <input
                    type="radio"
                    name={`action-${link}`}
                    value={name}
                    checked={action === name}
                    onChange={() => setAction(name)}
                    className="sr-only"
                  />
                  {MIRROR_ACTIONS[name].label}
                </label>
              ))}
            </div>
            <p className="text-sm text-muted">{MIRROR_ACTIONS[action].effect}</p>
            {detail.data?.kind === "bidirectional" ? (
              <p className="text-sm text-muted">
                Truncate-and-restore acts on the local topic, not on a mirror: use{" "}
                <Link
                  className={buttonClass.link}
                  href={`/failover?tab=failback&cluster=${encodeURIComponent(cluster)}&link=${encodeURIComponent(link)}`}
                >
                  failback
                </Link>
                .
              </p>
            ) : null}
          </fieldset>

          {mirrors.lastKnownAsOf !== null && !locked ? (
            // A run already under way keeps its progress and report on screen; a new one waits for the cluster.
            <ActionsNeedCluster cluster={cluster} asOf={mirrors.lastKnownAsOf} />
          ) : topics.length > 0 ? (
            <ActionRunFlow cluster={cluster} action={action} targets={targets} report={{ clusterId }} onPhaseChange={setPhase} />
          ) : (
            <p className="text-sm text-muted">Select at least one mirror to dry-run an action.</p>
          )}
        </div>
      )}
    </Panel>
  );
}
