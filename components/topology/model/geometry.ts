import type { Point } from "./layout";

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * A straight edge between two cluster cards, shifted sideways into its lane so that parallel edges between the
 * same pair (a flow and its connection, both flows of a bidirectional link, several links) never overlap.
 *
 * `offset` is measured along the normal of the pair's canonical direction (from the cluster whose name sorts
 * first to the other), so an edge from A to B and an edge from B to A with different offsets land in different
 * lanes, whichever way each of them points. `reversed` says this edge points against the canonical direction.
 * The segment starts and ends where the lane leaves the source card and enters the target card.
 */
export function laneSegment(
  sourceCenter: Point,
  targetCenter: Point,
  halfWidth: number,
  halfHeight: number,
  offset: number,
  reversed: boolean,
  gap = { start: 2, end: 3 },
): Segment | null {
  const dx = targetCenter.x - sourceCenter.x;
  const dy = targetCenter.y - sourceCenter.y;
  const length = Math.hypot(dx, dy);
  if (length < 1e-6) return null;
  // Canonical direction, and its normal (rotated 90° counter-clockwise on screen).
  const cx = (reversed ? -dx : dx) / length;
  const cy = (reversed ? -dy : dy) / length;
  const nx = -cy;
  const ny = cx;
  const p = { x: sourceCenter.x + nx * offset, y: sourceCenter.y + ny * offset };
  const q = { x: targetCenter.x + nx * offset, y: targetCenter.y + ny * offset };
  const ux = dx / length;
  const uy = dy / length;
  // How far along u (from p) the lane leaves the source card, and (from q, backwards) enters the target card.
  const out = exitDistance(p, { x: ux, y: uy }, sourceCenter, halfWidth, halfHeight);
  const back = exitDistance(q, { x: -ux, y: -uy }, targetCenter, halfWidth, halfHeight);
  const start = out + gap.start;
  const end = length - back - gap.end;
  if (end - start < 4) return null; // the cards touch or overlap: nothing sensible to draw
  return { x1: p.x + ux * start, y1: p.y + uy * start, x2: p.x + ux * end, y2: p.y + uy * end };
}

/** Distance from `from` (inside the box) along unit vector `u` to the box's border. */
function exitDistance(from: Point, u: Point, center: Point, halfWidth: number, halfHeight: number): number {
  const candidates: number[] = [];
  if (Math.abs(u.x) > 1e-9) candidates.push(((u.x > 0 ? center.x + halfWidth : center.x - halfWidth) - from.x) / u.x);
  if (Math.abs(u.y) > 1e-9) candidates.push(((u.y > 0 ? center.y + halfHeight : center.y - halfHeight) - from.y) / u.y);
  const positive = candidates.filter((t) => t >= 0);
  return positive.length ? Math.min(...positive) : 0;
}

/** A point `t` of the way along a segment (0 = start, 1 = end). */
export function pointAt(segment: Segment, t: number): Point {
  return { x: segment.x1 + (segment.x2 - segment.x1) * t, y: segment.y1 + (segment.y2 - segment.y1) * t };
}

export function segmentPath(s: Segment): string {
  return `M ${s.x1.toFixed(1)} ${s.y1.toFixed(1)} L ${s.x2.toFixed(1)} ${s.y2.toFixed(1)}`;
}

/** Consecutive pairs of a route's points: its legs. */
function legsOf(points: readonly Point[]): [Point, Point][] {
  const legs: [Point, Point][] = [];
  let prev: Point | undefined;
  for (const p of points) {
    if (prev) legs.push([prev, p]);
    prev = p;
  }
  return legs;
}

/** An SVG path through a route's points, its corners rounded (radius up to `radius`, less where a leg is short). */
export function roundedPath(points: readonly Point[], radius = 8): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length < 2 || !first || !last) return "";
  const f = (n: number) => n.toFixed(1);
  let d = `M ${f(first.x)} ${f(first.y)}`;
  const legs = legsOf(points);
  for (let i = 1; i < legs.length; i++) {
    const [prev, at] = legs[i - 1] as [Point, Point];
    const [, next] = legs[i] as [Point, Point];
    const inLen = Math.hypot(at.x - prev.x, at.y - prev.y);
    const outLen = Math.hypot(next.x - at.x, next.y - at.y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    if (r < 0.5) {
      d += ` L ${f(at.x)} ${f(at.y)}`;
      continue;
    }
    const a = { x: at.x - ((at.x - prev.x) / inLen) * r, y: at.y - ((at.y - prev.y) / inLen) * r };
    const b = { x: at.x + ((next.x - at.x) / outLen) * r, y: at.y + ((next.y - at.y) / outLen) * r };
    d += ` L ${f(a.x)} ${f(a.y)} Q ${f(at.x)} ${f(at.y)} ${f(b.x)} ${f(b.y)}`;
  }
  return `${d} L ${f(last.x)} ${f(last.y)}`;
}

/** Total length of a route. */
export function routeLength(points: readonly Point[]): number {
  let sum = 0;
  for (const [a, b] of legsOf(points)) sum += Math.hypot(b.x - a.x, b.y - a.y);
  return sum;
}

/** The point `distance` along a route from its start. */
export function pointAlong(points: readonly Point[], distance: number): Point {
  let left = distance;
  for (const [a, b] of legsOf(points)) {
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= len && len > 0) return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}
