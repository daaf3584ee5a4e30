"use client";
import { memo } from "react";
import { EdgeLabelRenderer, type EdgeProps } from "@xyflow/react";
import { Plug } from "lucide-react";
import clsx from "clsx";
import { CONNECTION_MARKER_ID } from "./edge-markers";
import type { ConnectionEdge as ConnectionEdgeType } from "./graph-types";
import { pointAlong, roundedPath, routeLength } from "./model/geometry";
import { useEdgeRoute } from "./use-edge-route";

export function connectionDescription(data: Pick<NonNullable<ConnectionEdgeType["data"]>, "link" | "fromLabel" | "toLabel">): string {
  return `${data.link.name}: ${data.fromLabel} dials ${data.toLabel} (opens the network connection)`;
}

/**
 * A connection: thin, dashed, muted, with a plug where the dialling cluster opens it and an open chevron at the
 * cluster that listens. It says who can reach whom through the firewall, not where data goes.
 */
function ConnectionEdgeComponent({ id, source, target, data }: EdgeProps<ConnectionEdgeType>) {
  const route = useEdgeRoute(source, target, { route: data?.route ?? null, label: null, from: data?.laidOutFrom, to: data?.laidOutTo });
  if (!route || !data) return null;
  const spec = data.spec;
  const path = roundedPath(route.points);
  const description = connectionDescription(data);
  // The plug sits on the line just outside the dialling card.
  const plug = pointAlong(route.points, Math.min(12, routeLength(route.points) * 0.4));
  return (
    <g
      className={clsx("ls-edge ls-connection", data.dimmed && "ls-dimmed")}
      data-edge="connection"
      data-link={data.link.name}
      data-from={spec.from}
      data-to={spec.to}
    >
      <path
        id={id}
        d={path}
        fill="none"
        className="react-flow__edge-path"
        style={{ stroke: "var(--connection-stroke)", strokeWidth: 1.75, strokeDasharray: "5 4" }}
        markerEnd={`url(#${CONNECTION_MARKER_ID})`}
      />
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={12} className="react-flow__edge-interaction">
        <title>{description}</title>
      </path>
      <EdgeLabelRenderer>
        <span
          role="img"
          aria-label={description}
          title={description}
          data-edge-label="connection"
          data-link={data.link.name}
          data-link-id={data.link.id}
          data-from={spec.from}
          data-to={spec.to}
          className={clsx(
            "nodrag nopan absolute flex size-5 items-center justify-center rounded-full border border-muted bg-surface text-muted",
            data.dimmed && "opacity-25",
          )}
          style={{ transform: `translate(-50%, -50%) translate(${plug.x}px, ${plug.y}px)` }}
        >
          <Plug aria-hidden className="size-3" />
        </span>
      </EdgeLabelRenderer>
    </g>
  );
}

export const ConnectionEdge = memo(ConnectionEdgeComponent);
