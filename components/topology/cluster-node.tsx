"use client";
import { memo } from "react";
import Link from "next/link";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { ChevronRight } from "lucide-react";
import clsx from "clsx";
import { ClusterStatusBadge } from "@/components/ui/cluster-status-badge";
import { SlowBadge } from "@/components/ui/slow-badge";
import type { ClusterNode as ClusterNodeType } from "./graph-types";
import { clusterHref } from "./hrefs";
import { plural } from "./format";
import { LINK_STATE_LOOK, TONE_TEXT, ZONE_LOOK } from "./looks";
import { ROLE_LOOK } from "./cluster-node-label";
import { zoneOf } from "./model/layout";

const HANDLE_STYLE = {
  left: "50%",
  top: "50%",
  width: 1,
  height: 1,
  minWidth: 0,
  minHeight: 0,
  opacity: 0,
  border: 0,
  pointerEvents: "none",
} as const;

/** A cluster card: name, id, status (icon, word and colour), zone and region; external clusters look dashed and plain. */
function ClusterNodeComponent({ data, selected }: NodeProps<ClusterNodeType>) {
  const { cluster, role } = data;
  const external = cluster.status === "external";
  const bad = cluster.status !== "ok" && !external;
  const zone = ZONE_LOOK[zoneOf(cluster)];
  const ZoneIcon = zone.icon;
  const roleLook = role && role !== "outside" ? ROLE_LOOK[role] : null;
  const RoleIcon = roleLook?.icon;
  const inChain = role === "upstream" || role === "downstream" || role === "both";
  return (
    <div
      className={clsx(
        "flex h-full w-full flex-col gap-1 overflow-hidden rounded-lg border-2 px-2.5 py-2 text-left shadow-sm transition-opacity",
        external ? "border-dashed bg-surface-2" : "bg-surface",
        bad ? "border-err" : inChain ? "border-accent" : external ? "border-neutral" : "border-border",
        selected && "ring-4 ring-accent/50",
        role === "outside" && "opacity-30",
      )}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} style={HANDLE_STYLE} />
      <Handle type="source" position={Position.Right} isConnectable={false} style={HANDLE_STYLE} />
      <div className="flex min-w-0 items-start gap-1.5">
        <ZoneIcon aria-hidden className="mt-px size-4 shrink-0 text-muted" />
        <p className="line-clamp-2 break-words text-sm font-semibold leading-tight text-fg" title={cluster.displayName}>
          {cluster.displayName || cluster.name}
        </p>
      </div>
      <p className="truncate font-mono text-xs leading-tight text-muted" title={`${cluster.name} · ${cluster.id ?? "id unknown"}`}>
        {external ? (cluster.id ?? cluster.name) : `${cluster.name} · ${cluster.id ?? "id unknown"}`}
      </p>
      <div className="flex min-w-0 items-center gap-1">
        <p className="min-w-0 flex-1 truncate text-xs leading-tight text-muted">
          {external ? "not configured in Linkscope" : `${zone.label}${cluster.region ? ` · ${cluster.region}` : ""}`}
        </p>
        {!external ? (
          <Link
            href={clusterHref(cluster.name)}
            className="nodrag inline-flex shrink-0 items-center rounded px-1 text-xs font-medium text-accent hover:underline"
            aria-label={`Open the cluster page of ${cluster.displayName || cluster.name}`}
            // Not also a click on the card: selecting would rewrite the URL under the navigation.
            onClick={(event) => event.stopPropagation()}
          >
            Details
            <ChevronRight aria-hidden className="size-3" />
          </Link>
        ) : null}
      </div>
      {cluster.error ? (
        <p className="truncate text-xs font-medium leading-tight text-err" title={cluster.error}>
          {cluster.error}
        </p>
      ) : null}
      <div className="mt-auto flex min-w-0 items-center gap-1.5">
        <ClusterStatusBadge status={cluster.status} />
        <SlowBadge latencyMs={cluster.status === "ok" ? cluster.latencyMs : null} />
        {roleLook && RoleIcon ? (
          <span className="inline-flex items-center gap-0.5 rounded-full bg-info-bg px-1.5 py-0.5 text-xs font-semibold text-info">
            <RoleIcon aria-hidden className="size-3" />
            {roleLook.label}
          </span>
        ) : null}
      </div>
    </div>
  );
}

export const ClusterNode = memo(ClusterNodeComponent);

/** A group of clusters in a large fleet's overview: health and links rolled up; opening it shows its clusters. */
export const GroupNode = memo(function GroupNode({ data }: NodeProps<import("./graph-types").GroupNode>) {
  const { group, onOpen } = data;
  const zone = ZONE_LOOK[group.zone];
  const ZoneIcon = zone.icon;
  const total = group.members.length;
  const bad = group.clusters.problem > 0;
  const worst = group.worst ? LINK_STATE_LOOK[group.worst] : null;
  const WorstIcon = worst?.icon;
  const clusters = bad
    ? `${group.clusters.problem} of ${plural(total, "cluster")} not OK`
    : `${plural(total, "cluster")}${group.clusters.ok === total ? ", all OK" : ""}`;
  const links = `${group.links.out} out · ${group.links.in} in · ${group.links.inside} inside`;
  return (
    <button
      type="button"
      onClick={() => onOpen(group.id)}
      aria-label={`Open ${group.label}: ${clusters}; links ${links}; ${group.problemLinks ? `${plural(group.problemLinks, "link")} need attention` : "no link needs attention"}`}
      className={clsx(
        "nodrag flex h-full w-full flex-col gap-1 overflow-hidden rounded-lg border-2 bg-surface px-2.5 py-2 text-left shadow-sm hover:bg-surface-2 focus-visible:outline-3 focus-visible:outline-[var(--focus)]",
        bad || (group.worst && group.worst !== "ACTIVE") ? (bad || worst?.tone === "err" ? "border-err" : "border-warn") : "border-border",
      )}
    >
      <span className="flex min-w-0 items-center gap-1.5">
        <ZoneIcon aria-hidden className="size-4 shrink-0 text-muted" />
        <span className="truncate text-sm font-semibold leading-tight text-fg">{group.region}</span>
      </span>
      <span className={clsx("truncate text-xs leading-tight", bad ? "font-semibold text-err" : "text-muted")}>{clusters}</span>
      <span className="truncate text-xs leading-tight text-muted">Links: {links}</span>
      <span className="mt-auto flex min-w-0 items-center gap-1.5 text-xs">
        {worst && WorstIcon ? (
          <span className={clsx("inline-flex items-center gap-1 font-semibold", TONE_TEXT[worst.tone])}>
            <WorstIcon aria-hidden className="size-3.5" />
            {group.problemLinks ? `${plural(group.problemLinks, "link")} need attention` : "links ACTIVE"}
          </span>
        ) : (
          <span className="text-muted">no links</span>
        )}
        <span className="ml-auto inline-flex shrink-0 items-center font-medium text-accent">
          Open
          <ChevronRight aria-hidden className="size-3" />
        </span>
      </span>
    </button>
  );
});

/** A network zone drawn behind its groups. */
export const ZoneNode = memo(function ZoneNode({ data }: NodeProps<import("./graph-types").ZoneNode>) {
  const look = ZONE_LOOK[data.zone];
  const Icon = look.icon;
  return (
    <div className="h-full w-full rounded-xl border border-dashed border-border bg-surface-2/50">
      <span className="m-2.5 inline-flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
        <Icon aria-hidden className="size-3.5" />
        {data.label}
      </span>
    </div>
  );
});
