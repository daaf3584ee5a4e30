"use client";
import { useInternalNode } from "@xyflow/react";
import { laneSegment } from "./model/geometry";
import { NODE_HEIGHT, NODE_WIDTH, type Box, type Point } from "./model/layout";

export interface EdgeRoute {
  points: Point[];
  /** Where the edge's label goes (top-left corner and size), when it has one. */
  label: Box | null;
}

function near(a: Point, b: Point | undefined): boolean {
  return b !== undefined && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
}

/**
 * The route the layout gave an edge while both its cards stay where the layout put them. Once someone drags one
 * of them, a straight line between the two cards' borders (and the label at its middle) until "Reset layout".
 */
export function useEdgeRoute(
  source: string,
  target: string,
  laidOut: { route: Point[] | null; label: Box | null; from: Point | undefined; to: Point | undefined },
): EdgeRoute | null {
  const a = useInternalNode(source)?.internals.positionAbsolute;
  const b = useInternalNode(target)?.internals.positionAbsolute;
  if (!a || !b) return null;
  if (laidOut.route && near(a, laidOut.from) && near(b, laidOut.to)) return { points: laidOut.route, label: laidOut.label };
  const half = { x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2 };
  const s = laneSegment({ x: a.x + half.x, y: a.y + half.y }, { x: b.x + half.x, y: b.y + half.y }, half.x, half.y, 0, false);
  if (!s) return null;
  const label = laidOut.label
    ? { ...laidOut.label, x: (s.x1 + s.x2) / 2 - laidOut.label.width / 2, y: (s.y1 + s.y2) / 2 - laidOut.label.height / 2 }
    : null;
  return {
    points: [
      { x: s.x1, y: s.y1 },
      { x: s.x2, y: s.y2 },
    ],
    label,
  };
}
