"use client";
import { memo, useContext } from "react";
import Link from "next/link";
import { EdgeLabelRenderer, useStore, type EdgeProps } from "@xyflow/react";
import { ArrowLeftRight } from "lucide-react";
import clsx from "clsx";
import { flowMarkerId } from "./edge-markers";
import { formatReadingTime } from "@/lib/domain/failover/readiness";
import { formatInteger, formatLagLong, formatLagShort, plural } from "./format";
import type { FlowEdge as FlowEdgeType } from "./graph-types";
import { HoverContext } from "./hover-card";
import { LINK_STATE_LOOK, TONE_BORDER, TONE_TEXT, TONE_VAR } from "./looks";
import { roundedPath, routeLength } from "./model/geometry";
import type { Box } from "./model/layout";
import { describeSeconds } from "@/lib/domain/failover/rpo-budget";
import { overBudgetLabel } from "./rpo-label";
import { useEdgeRoute } from "./use-edge-route";
import { useReducedMotion } from "./use-reduced-motion";

/** Data moves: the rollup is ACTIVE, or DEGRADED (data flows, something else is wrong); docs/link-states.md. */
export function isFlowing(state: string): boolean {
  return state === "ACTIVE" || state === "DEGRADED";
}

/** Spoken and shown on hover: everything the label says, in words. */
export function flowDescription(data: Pick<NonNullable<FlowEdgeType["data"]>, "link" | "fromLabel" | "toLabel">): string {
  const { link } = data;
  const both = link.kind === "bidirectional" ? " and back" : "";
  if (!link.flowing) {
    const since = link.staleSince !== null ? ` since ${formatReadingTime(link.staleSince)}` : "";
    const over = overBudgetLabel(link) !== null && link.maxLagSeconds !== null && link.rpoSeconds !== null;
    const budget = over
      ? `; at least ${describeSeconds(link.maxLagSeconds ?? 0)} behind, over its RPO budget of ${describeSeconds(link.rpoSeconds ?? 0)}`
      : "";
    return `${link.name}: data does not flow from ${data.fromLabel} to ${data.toLabel}${both}${since} (${link.cause ?? link.state}); ${plural(link.mirrorCount, "mirror")}; max lag at least ${formatLagLong(link.maxLag)}${budget}`;
  }
  const overBudget = overBudgetLabel(link);
  const budget = overBudget === null ? "" : `; estimated lag over its RPO budget (${overBudget.replace("≈", "about ")})`;
  return `${link.name}: data flows from ${data.fromLabel} to ${data.toLabel}${both}; ${link.state}; ${plural(link.mirrorCount, "mirror")}; max lag ${formatLagLong(link.maxLag)}${budget}`;
}

/** Below this zoom a label shrinks to its state and mirror count; zooming back in brings the whole label back. */
export const COMPACT_LABEL_ZOOM = 0.6;

/** A data flow: solid, thick, filled arrowhead in the link's health colour, moving dots while data moves. */
function FlowEdgeComponent(props: EdgeProps<FlowEdgeType>) {
  return props.data ? <FlowEdgeDrawing {...props} data={props.data} /> : null;
}

function FlowEdgeDrawing({ id, source, target, data }: EdgeProps<FlowEdgeType> & { data: NonNullable<FlowEdgeType["data"]> }) {
  const reducedMotion = useReducedMotion();
  const route = useEdgeRoute(source, target, { route: data.route, label: data.label, from: data.laidOutFrom, to: data.laidOutTo });
  if (!route) return null;
  const { link, dimmed, spec } = data;
  const look = LINK_STATE_LOOK[link.state];
  const Icon = look.icon;
  const color = TONE_VAR[look.tone];
  const path = roundedPath(route.points);
  const description = flowDescription(data);
  const moving = isFlowing(link.state) && data.animate && !reducedMotion && !dimmed;
  const duration = Math.max(1.6, routeLength(route.points) / 90);

  return (
    <g
      className={clsx("ls-edge ls-flow", dimmed && "ls-dimmed")}
      data-edge="flow"
      data-link={link.name}
      data-from={spec.from}
      data-to={spec.to}
    >
      <path
        id={id}
        d={path}
        fill="none"
        className="react-flow__edge-path"
        style={{ stroke: color, strokeWidth: 3 }}
        markerEnd={`url(#${flowMarkerId(look.tone)})`}
      />
      {moving
        ? [0, 0.5].map((phase) => (
            <circle key={phase} r="3" style={{ fill: "var(--surface)", stroke: color }} strokeWidth="1.5">
              <animateMotion
                dur={`${duration.toFixed(2)}s`}
                begin={`-${(phase * duration).toFixed(2)}s`}
                repeatCount="indefinite"
                path={path}
              />
            </circle>
          ))
        : null}
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={16} className="react-flow__edge-interaction">
        <title>{description}</title>
      </path>
      {spec.carriesLabel && route.label ? (
        <EdgeLabelRenderer>
          <FlowLabel
            box={route.label}
            data={data}
            description={description}
            icon={<Icon aria-hidden className={clsx("size-3.5 shrink-0", TONE_TEXT[look.tone])} />}
          />
        </EdgeLabelRenderer>
      ) : null}
    </g>
  );
}

function FlowLabel({
  box,
  data,
  description,
  icon,
}: {
  box: Box;
  data: NonNullable<FlowEdgeType["data"]>;
  description: string;
  icon: React.ReactNode;
}) {
  const { link, dimmed, href, spec } = data;
  const look = LINK_STATE_LOOK[link.state];
  const overBudget = overBudgetLabel(link);
  const setHovered = useContext(HoverContext);
  const compact = useStore((s) => s.transform[2] < COMPACT_LABEL_ZOOM);
  // The box is the one the layout kept clear for this label: the label fills it and never grows out of it.
  const body = compact ? (
    <span className="flex h-full items-center justify-center gap-1 text-base font-semibold text-fg">
      {icon}
      <span className="tabular-nums">{formatInteger(link.mirrorCount)}</span>
    </span>
  ) : (
    <>
      <span className="flex w-full min-w-0 items-center gap-1 font-semibold text-fg">
        {icon}
        <span className="min-w-0 truncate">{link.name}</span>
        {link.kind === "bidirectional" ? <ArrowLeftRight aria-hidden className="size-3 shrink-0 text-muted" /> : null}
      </span>
      <span className="w-full truncate whitespace-nowrap">
        <span className={clsx("font-semibold", TONE_TEXT[look.tone])}>{look.label}</span>
        <span className="text-muted"> · {plural(link.mirrorCount, "mirror")}</span>
      </span>
      <span className="w-full truncate whitespace-nowrap text-muted">
        max lag {link.flowing ? "" : "≥ "}
        {formatLagShort(link.maxLag)}
      </span>
      {link.flowing ? null : (
        <span className="w-full truncate whitespace-nowrap text-muted" data-testid="edge-not-flowing">
          {link.staleSince !== null ? `as of ${formatReadingTime(link.staleSince)}` : "as of: unknown"}
        </span>
      )}
      {link.flowing && overBudget !== null ? (
        <span className="w-full truncate whitespace-nowrap font-semibold text-err">{overBudget}</span>
      ) : null}
    </>
  );
  const className = clsx(
    "nodrag nopan absolute flex flex-col items-start overflow-hidden rounded-md border bg-surface px-1.5 py-0.5 text-xs leading-[15px] shadow-sm",
    TONE_BORDER[look.tone],
    dimmed && "opacity-25",
    href && "hover:bg-surface-2 focus-visible:outline-2",
  );
  const common = {
    className,
    style: { transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height, pointerEvents: "all" as const },
    "data-edge-label": "flow",
    "data-link": link.name,
    "data-link-id": link.id,
    "data-from": spec.from,
    "data-to": spec.to,
    "data-state": link.state,
    title: description,
    onMouseEnter: () => setHovered({ kind: "link", id: link.id }),
    onMouseLeave: () => setHovered(null),
  };
  return href ? (
    <Link href={href} aria-label={`${description}. Open the link page.`} {...common}>
      {body}
    </Link>
  ) : (
    <span role="note" aria-label={description} {...common}>
      {body}
    </span>
  );
}

export const FlowEdge = memo(FlowEdgeComponent);
