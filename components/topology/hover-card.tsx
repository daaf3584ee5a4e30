"use client";
import { ProblemList } from "@/components/ui/problem-list";
import { createContext } from "react";
import clsx from "clsx";
import { ClusterStatusBadge } from "@/components/ui/cluster-status-badge";
import type { Topology, TopologyCluster, TopologyLink } from "@/lib/domain/types";
import { formatLagLong, plural } from "./format";
import { KIND_LOOK, LINK_STATE_LOOK, LINK_STATE_MEANING, TONE_BADGE } from "./looks";
import { endpointsOf, linkHasProblem } from "./model/filter";

export type Hovered = { kind: "cluster"; name: string } | { kind: "link"; id: string } | null;

/** Lets edge labels (rendered outside the edge's SVG) report the pointer like the edges themselves do. */
export const HoverContext = createContext<(hovered: Hovered) => void>(() => {});

export function LinkStateBadge({ state }: { state: TopologyLink["state"] }) {
  const look = LINK_STATE_LOOK[state];
  const Icon = look.icon;
  return (
    <span className={clsx("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold", TONE_BADGE[look.tone])}>
      <Icon aria-hidden className="size-3.5" />
      {look.label}
    </span>
  );
}

function nameOf(clusters: readonly TopologyCluster[], name: string): string {
  const c = clusters.find((x) => x.name === name);
  return c ? c.displayName || c.name : name;
}

export function LinkSummary({ link, clusters }: { link: TopologyLink; clusters: readonly TopologyCluster[] }) {
  const kind = KIND_LOOK[link.kind];
  const partitions = Object.entries(link.partitionStates).filter(([, n]) => n > 0);
  return (
    <div className="space-y-1.5 text-xs">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold text-fg">{link.name}</span>
        <LinkStateBadge state={link.state} />
      </p>
      <p className="text-muted">
        {kind.label}: {kind.explain}. {LINK_STATE_MEANING[link.state]}.
      </p>
      <ul className="space-y-0.5 text-fg">
        {link.flows.map((f) => (
          <li key={`f${f.from}${f.to}`}>
            <span className="font-medium">Data:</span> {nameOf(clusters, f.from)} → {nameOf(clusters, f.to)}
          </li>
        ))}
        {link.connections.map((c) => (
          <li key={`c${c.from}${c.to}`}>
            <span className="font-medium">Connection:</span> {nameOf(clusters, c.from)} dials {nameOf(clusters, c.to)}
          </li>
        ))}
        <li>
          {plural(link.mirrorCount, "mirror")}; max lag {formatLagLong(link.maxLag)}
        </li>
        {partitions.length ? <li>Partitions: {partitions.map(([k, n]) => `${n} ${k}`).join(", ")}</li> : null}
      </ul>
      {link.problems.length ? (
        <ProblemList
          problems={link.problems.slice(0, 3)}
          className="list-disc space-y-0.5 pl-4 text-warn"
          more={link.problems.length > 3 ? `and ${link.problems.length - 3} more` : null}
        />
      ) : null}
      <p className="text-muted">Click the arrow or its label to open the link page.</p>
    </div>
  );
}

export function ClusterSummary({ cluster, topology }: { cluster: TopologyCluster; topology: Pick<Topology, "links"> }) {
  const links = topology.links.filter((l) => endpointsOf(l).includes(cluster.name));
  const troubled = links.filter(linkHasProblem).length;
  return (
    <div className="space-y-1.5 text-xs">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold text-fg">{cluster.displayName || cluster.name}</span>
        <ClusterStatusBadge status={cluster.status} />
      </p>
      <p className="font-mono text-muted">
        {cluster.name} · {cluster.id ?? "id unknown"}
      </p>
      {cluster.error ? <p className="text-err">{cluster.error}</p> : null}
      <p className="text-fg">
        {cluster.network ?? "zone not set"}
        {cluster.region ? ` · ${cluster.region}` : ""} · {plural(links.length, "link")}
        {troubled ? `, ${troubled} with problems` : ""}
      </p>
      <p className="text-muted">Click it, or press Enter or Space on it, to highlight what it feeds and what feeds it.</p>
    </div>
  );
}

/** What the pointer is over, summarised in a corner of the graph. */
export function HoverCard({ hovered, topology }: { hovered: Hovered; topology: Topology }) {
  if (!hovered) return null;
  let body: React.ReactNode = null;
  if (hovered.kind === "cluster") {
    const cluster = topology.clusters.find((c) => c.name === hovered.name);
    if (cluster) body = <ClusterSummary cluster={cluster} topology={topology} />;
  } else {
    const link = topology.links.find((l) => l.id === hovered.id);
    if (link) body = <LinkSummary link={link} clusters={topology.clusters} />;
  }
  if (!body) return null;
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none w-72 rounded-lg border border-border bg-surface p-3 shadow-lg"
      data-testid="topology-hover-card"
    >
      {body}
    </div>
  );
}
