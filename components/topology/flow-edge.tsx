"use client";
import { memo, useContext } from "react";
import Link from "next/link";
import { EdgeLabelRenderer, type EdgeProps } from "@xyflow/react";
import { ArrowLeftRight } from "lucide-react";
import clsx from "clsx";
import { flowMarkerId } from "./edge-markers";
import { formatReadingTime } from "@/lib/domain/readiness";
import { formatLagLong, formatLagShort, plural } from "./format";
import type { FlowEdge as FlowEdgeType } from "./graph-types";
import { HoverContext } from "./hover-card";
import { LINK_STATE_LOOK, TONE_BORDER, TONE_TEXT, TONE_VAR } from "./looks";
import { pointAt, segmentPath, type Segment } from "./model/geometry";
import { overBudgetLabel } from "./rpo-label";
import { useLaneSegment } from "./use-lane-segment";
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
    return `${link.name}: data does not flow from ${data.fromLabel} to ${data.toLabel}${both}${since} (${link.cause ?? link.state}); ${plural(link.mirrorCount, "mirror")}; max lag at least ${formatLagLong(link.maxLag)}`;
  }
  const overBudget = overBudgetLabel(link);
  const budget = overBudget === null ? "" : `; estimated lag over its RPO budget (${overBudget.replace("≈", "about ")})`;
  return `${link.name}: data flows from ${data.fromLabel} to ${data.toLabel}${both}; ${link.state}; ${plural(link.mirrorCount, "mirror")}; max lag ${formatLagLong(link.maxLag)}${budget}`;
}

/** A data flow: solid, thick, filled arrowhead in the link's health colour, moving dots while data moves. */
function FlowEdgeComponent(props: EdgeProps<FlowEdgeType>) {
  return props.data ? <FlowEdgeDrawing {...props} data={props.data} /> : null;
}

function FlowEdgeDrawing({ id, source, target, data }: EdgeProps<FlowEdgeType> & { data: NonNullable<FlowEdgeType["data"]> }) {
  const reducedMotion = useReducedMotion();
  const spec = data.spec;
  const segment = useLaneSegment(source, target, spec.offset, spec.reversed, 5);
  const labelSegment = useLaneSegment(source, target, spec.labelOffset, spec.reversed, 5);
  const outerA = useLaneSegment(source, target, spec.pairOffsets.min, spec.reversed, 5);
  const outerB = useLaneSegment(source, target, spec.pairOffsets.max, spec.reversed, 5);
  if (!segment) return null;
  const { link, dimmed } = data;
  const look = LINK_STATE_LOOK[link.state];
  const Icon = look.icon;
  const color = TONE_VAR[look.tone];
  const path = segmentPath(segment);
  const description = flowDescription(data);
  const label = spec.carriesLabel && labelSegment ? labelPlacement(labelSegment, spec.labelAt, outerA, outerB) : null;
  const moving = isFlowing(link.state) && data.animate && !reducedMotion && !dimmed;
  const length = Math.hypot(segment.x2 - segment.x1, segment.y2 - segment.y1);

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
        style={{ stroke: color, strokeWidth: 3.5 }}
        markerEnd={`url(#${flowMarkerId(look.tone)})`}
      />
      {moving
        ? [0, 0.5].map((phase) => (
            <circle key={phase} r="3" style={{ fill: "var(--surface)", stroke: color }} strokeWidth="1.5">
              <animateMotion
                dur={`${Math.max(1.6, length / 90).toFixed(2)}s`}
                begin={`-${(phase * Math.max(1.6, length / 90)).toFixed(2)}s`}
                repeatCount="indefinite"
                path={path}
              />
            </circle>
          ))
        : null}
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={18} className="react-flow__edge-interaction">
        <title>{description}</title>
      </path>
      {label ? (
        <EdgeLabelRenderer>
          <FlowLabel
            x={label.x}
            y={label.y}
            above={label.above}
            data={data}
            description={description}
            icon={<Icon aria-hidden className={clsx("size-3.5 shrink-0", TONE_TEXT[look.tone])} />}
          />
        </EdgeLabelRenderer>
      ) : null}
    </g>
  );
}

/**
 * Where a link's label goes: on its flow lanes, except where the lanes run nearly level, where it sits just above
 * the topmost lane of the pair so that short arrows between neighbouring cards stay visible.
 */
export function labelPlacement(
  lane: Segment,
  at: number,
  outerA: Segment | null,
  outerB: Segment | null,
): { x: number; y: number; above: boolean } {
  const point = pointAt(lane, at);
  const dx = Math.abs(lane.x2 - lane.x1);
  const dy = Math.abs(lane.y2 - lane.y1);
  if (dy > dx * 0.35 || !outerA || !outerB) return { ...point, above: false };
  const top = Math.min(pointAt(outerA, at).y, pointAt(outerB, at).y);
  return { x: point.x, y: top - 4, above: true };
}

function FlowLabel({
  x,
  y,
  above,
  data,
  description,
  icon,
}: {
  x: number;
  y: number;
  above: boolean;
  data: NonNullable<FlowEdgeType["data"]>;
  description: string;
  icon: React.ReactNode;
}) {
  const { link, dimmed, href, spec } = data;
  const look = LINK_STATE_LOOK[link.state];
  const overBudget = overBudgetLabel(link);
  const setHovered = useContext(HoverContext);
  const body = (
    <>
      <span className="flex items-center gap-1 font-semibold text-fg">
        {icon}
        <span className="max-w-36 truncate">{link.name}</span>
        {link.kind === "bidirectional" ? <ArrowLeftRight aria-hidden className="size-3 text-muted" /> : null}
      </span>
      <span className="flex max-w-40 flex-wrap gap-x-1 text-muted">
        <span className={clsx("font-semibold", TONE_TEXT[look.tone])}>{look.label}</span>
        <span className="whitespace-nowrap">
          {plural(link.mirrorCount, "mirror")} · max lag {link.flowing ? "" : "≥ "}
          {formatLagShort(link.maxLag)}
        </span>
        {link.flowing ? null : (
          <span className="whitespace-nowrap" data-testid="edge-not-flowing">
            not flowing{link.staleSince !== null ? ` · as of ${formatReadingTime(link.staleSince)}` : ""}
          </span>
        )}
        {overBudget === null ? null : <span className="whitespace-nowrap font-semibold text-err">{overBudget}</span>}
      </span>
    </>
  );
  const className = clsx(
    "nodrag nopan absolute flex flex-col items-start rounded-md border bg-surface px-1.5 py-0.5 text-xs leading-tight shadow-sm",
    TONE_BORDER[look.tone],
    dimmed && "opacity-25",
    href && "hover:bg-surface-2 focus-visible:outline-2",
  );
  const common = {
    className,
    style: { transform: `translate(${x}px, ${y}px) translate(-50%, ${above ? "-100%" : "-50%"})`, pointerEvents: "all" as const },
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
