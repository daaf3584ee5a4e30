"use client";
import { useInternalNode } from "@xyflow/react";
import { laneSegment, type Segment } from "./model/geometry";
import { NODE_HEIGHT, NODE_WIDTH } from "./model/layout";

function centerOf(node: ReturnType<typeof useInternalNode>) {
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  return { x: x + NODE_WIDTH / 2, y: y + NODE_HEIGHT / 2 };
}

/** The on-screen segment of an edge in a lane, from the live positions of its two cluster cards. */
export function useLaneSegment(source: string, target: string, offset: number, reversed: boolean, gapEnd: number): Segment | null {
  const a = centerOf(useInternalNode(source));
  const b = centerOf(useInternalNode(target));
  if (!a || !b) return null;
  return laneSegment(a, b, NODE_WIDTH / 2, NODE_HEIGHT / 2, offset, reversed, { start: 2, end: gapEnd });
}
