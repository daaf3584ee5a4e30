"use client";
import { useMemo, useState } from "react";
import type { RunPhase } from "@/lib/domain/actions/action-run";
import { MIRROR_ACTIONS } from "@/lib/domain/actions/mirror-actions";
import { ActionRunFlow } from "@/components/actions/action-run-flow";
import { useTopology } from "@/lib/client/use-topology";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { FailbackExplainer } from "./failback-explainer";
import { bidirectionalLinksOf, reverseCandidates, truncateCandidates, type FailbackAction } from "./failback-model";
import { Step } from "./step";
import { useMirrorLists } from "./use-scope-data";
import { useRunbookUrlState } from "./use-runbook-url-state";

const FAILBACK_ACTIONS: { value: FailbackAction; when: string }[] = [
  { value: "reverse-and-start", when: "Planned role swap: both sides up, switch which side is written to, and mirror back at once." },
  { value: "reverse-and-pause", when: "Same swap, but the new mirror on the other side starts paused, so you choose when it copies." },
  {
    value: "truncate-and-restore",
    when: "After a failover: this side kept its old topic and took writes the other side never saw. Drop them and mirror again from the other side.",
  },
];

function isFailbackAction(v: string | null): v is FailbackAction {
  return v === "reverse-and-start" || v === "reverse-and-pause" || v === "truncate-and-restore";
}

/** Failback on bidirectional links: reverse a mirror, or truncate a diverged topic and restore mirroring (dry run first). */
export function FailbackPanel() {
  const url = useRunbookUrlState();
  const topology = useTopology();
  const [unselected, setUnselected] = useState<Set<string>>(new Set());
  const [phase, setPhase] = useState<RunPhase>("draft");
  const running = phase === "executing" || phase === "watching" || phase === "finished";
  const action: FailbackAction = isFailbackAction(url.action) ? url.action : "truncate-and-restore";

  const clusters = useMemo(
    () =>
      topology.data
        ? topology.data.clusters.filter((c) => c.status !== "external" && bidirectionalLinksOf(topology.data, c.name).length > 0)
        : [],
    [topology.data],
  );
  const links = useMemo(
    () => (topology.data && url.cluster ? bidirectionalLinksOf(topology.data, url.cluster) : []),
    [topology.data, url.cluster],
  );
  const linkName = url.links[0] ?? "";
  const chosen = links.find((l) => l.link.name === linkName);
  const remote = chosen?.remote ?? null;
  const refs = useMemo(
    () =>
      chosen
        ? [{ key: "local", cluster: url.cluster, link: linkName }, ...(remote ? [{ key: "remote", cluster: remote, link: linkName }] : [])]
        : [],
    [chosen, url.cluster, linkName, remote],
  );
  const lists = useMirrorLists(refs);
  const local = lists.get("local") ?? null;
  const remoteMirrors = lists.get("remote") ?? null;
  const candidates = useMemo(
    () => (action === "truncate-and-restore" ? truncateCandidates(local, remoteMirrors, remote) : reverseCandidates(local ?? [])),
    [action, local, remoteMirrors, remote],
  );
  const targets = useMemo(
    () => candidates.filter((c) => !unselected.has(c.topic)).map((c) => ({ link: linkName, topic: c.topic })),
    [candidates, unselected, linkName],
  );

  if (topology.isPending) return <SkeletonBlock label="Loading the fleet" lines={4} />;
  if (topology.error && !topology.data) return <ApiErrorNotice error={topology.error} what="the fleet" />;
  const clusterId = topology.data?.clusters.find((c) => c.name === url.cluster)?.id ?? null;

  return (
    <div className="space-y-4">
      <FailbackExplainer topology={topology.data} />
      <Step
        n={1}
        id="failback-scope"
        title="Cluster, bidirectional link and action"
        hint="Failback acts on the cluster where the topic should change: the one that will become the mirror again, or the new source."
      >
        <fieldset disabled={running} className="space-y-3">
          <legend className="sr-only">Failback scope</legend>
          <div className="flex flex-wrap gap-4">
            <label className="text-sm">
              <span className="block font-semibold">Cluster to act on</span>
              <select
                value={url.cluster}
                onChange={(e) => url.update({ cluster: e.target.value, link: null, links: null })}
                className="mt-1 rounded border border-border bg-surface px-2 py-1.5 text-sm"
              >
                <option value="">Choose…</option>
                {clusters.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name} — {c.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm">
              <span className="block font-semibold">Bidirectional link</span>
              <select
                value={linkName}
                onChange={(e) => url.update({ links: e.target.value, link: null })}
                disabled={links.length === 0}
                className="mt-1 rounded border border-border bg-surface px-2 py-1.5 text-sm"
              >
                <option value="">Choose…</option>
                {links.map(({ link, remote: r }) => (
                  <option key={link.id} value={link.name}>
                    {link.name} (with {r ?? "?"})
                  </option>
                ))}
              </select>
            </label>
          </div>
          {clusters.length === 0 ? (
            <p className="text-sm text-muted">No configured cluster has a bidirectional link: failback actions need one.</p>
          ) : null}
          <div role="radiogroup" aria-label="Failback action" className="grid gap-2 md:grid-cols-3">
            {FAILBACK_ACTIONS.map((a) => (
              <label
                key={a.value}
                className={`block cursor-pointer rounded-lg border p-3 text-sm ${action === a.value ? "border-accent bg-info-bg" : "border-border"}`}
              >
                <span className="flex items-center gap-2 font-semibold">
                  <input
                    type="radio"
                    name="failback-action"
                    checked={action === a.value}
                    onChange={() => url.update({ action: a.value })}
                  />
                  {MIRROR_ACTIONS[a.value].label}
                </span>
                <span className="mt-1 block">{a.when}</span>
                <span className="mt-1 block text-muted">{MIRROR_ACTIONS[a.value].effect}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </Step>

      <Step n={2} id="failback-topics" title="Topics" inactive={!chosen}>
        {!chosen ? (
          <p className="text-sm text-muted">Choose a cluster and a bidirectional link.</p>
        ) : local === null ? (
          <SkeletonBlock label="Loading the link's mirrors" />
        ) : candidates.length === 0 ? (
          <p className="text-sm text-muted">
            {action === "truncate-and-restore"
              ? `No topic on ${url.cluster} has diverged: ${remote ?? "the other side"} has no stopped mirror of one, and no mirror here has stopped.`
              : `No ACTIVE mirror on ${url.cluster} under ${linkName} to reverse.`}
          </p>
        ) : (
          <fieldset disabled={running}>
            <legend className="sr-only">Topics to act on</legend>
            <ul className="space-y-1 text-sm">
              {candidates.map((c) => (
                <li key={c.topic}>
                  <label className="flex flex-wrap items-center gap-2">
                    <input
                      type="checkbox"
                      checked={!unselected.has(c.topic)}
                      aria-label={`Include ${c.topic}`}
                      onChange={() =>
                        setUnselected((prev) => {
                          const next = new Set(prev);
                          if (next.has(c.topic)) next.delete(c.topic);
                          else next.add(c.topic);
                          return next;
                        })
                      }
                    />
                    <span className="font-mono font-semibold">{c.topic}</span>
                    <span className="text-muted">{c.why}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </Step>

      <Step
        n={3}
        id="failback-run"
        title="Dry run, confirm, run"
        hint={
          action === "truncate-and-restore"
            ? "The dry run lists, per partition, the messages that would be deleted. Read it before you confirm."
            : undefined
        }
        inactive={targets.length === 0}
      >
        {targets.length > 0 || running ? (
          <ActionRunFlow
            cluster={url.cluster}
            action={action}
            targets={targets}
            onPhaseChange={setPhase}
            report={{ clusterId }}
            consequence={
              action === "truncate-and-restore" ? (
                <p className="font-semibold">The messages listed in the dry run are deleted from {url.cluster} for good.</p>
              ) : null
            }
          />
        ) : (
          <p className="text-sm text-muted">Select at least one topic.</p>
        )}
      </Step>
    </div>
  );
}
