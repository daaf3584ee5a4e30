import { NODE_HEIGHT, NODE_WIDTH, type Box, type GraphLayout, type Point } from "./layout";

/** Two boxes share more than a hairline. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}

/** Whether segment p→q passes through the inside of a box (its border shrunk by `inset`), Liang–Barsky clipping. */
export function segmentCrossesBox(p: Point, q: Point, box: Box, inset = 2): boolean {
  const x1 = box.x + inset;
  const x2 = box.x + box.width - inset;
  const y1 = box.y + inset;
  const y2 = box.y + box.height - inset;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  for (const [pp, qq] of [
    [-dx, p.x - x1],
    [dx, x2 - p.x],
    [-dy, p.y - y1],
    [dy, y2 - p.y],
  ] as const) {
    if (pp === 0) {
      if (qq < 0) return false;
      continue;
    }
    const r = qq / pp;
    if (pp < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return t0 < t1;
}

export interface LayoutProblems {
  /** Pairs of labels that overlap. */
  labelOverLabel: [string, string][];
  /** A label over a card. */
  labelOverCard: [string, string][];
  /** An edge that runs under a card it neither starts nor ends at. */
  edgeUnderCard: [string, string][];
  /** An edge that runs under another link's label. */
  edgeUnderLabel: [string, string][];
}

/** What makes a drawing unreadable, measured on a layout: the figures the layout is judged by (tests and the ELK/dagre comparison). */
export function layoutProblems(
  layout: GraphLayout,
  edges: readonly { id: string; from: string; to: string; linkId?: string }[],
): LayoutProblems {
  const cards = Object.entries(layout.positions).map(([id, p]) => ({ id, x: p.x, y: p.y, width: NODE_WIDTH, height: NODE_HEIGHT }));
  const labels = Object.entries(layout.labels).map(([id, b]) => ({ id, ...b }));
  const linkOf = new Map(edges.map((e) => [e.id, e.linkId ?? e.id]));
  const out: LayoutProblems = { labelOverLabel: [], labelOverCard: [], edgeUnderCard: [], edgeUnderLabel: [] };
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (boxesOverlap(a, b)) out.labelOverLabel.push([a.id, b.id]);
  });
  for (const l of labels) for (const c of cards) if (boxesOverlap(l, c)) out.labelOverCard.push([l.id, c.id]);
  for (const e of edges) {
    const route = layout.routes[e.id];
    if (!route) continue;
    const legs = route.slice(1).map((q, i) => [route[i] ?? q, q] as const);
    for (const c of cards)
      if (c.id !== e.from && c.id !== e.to && legs.some(([p, q]) => segmentCrossesBox(p, q, c))) out.edgeUnderCard.push([e.id, c.id]);
    for (const l of labels) {
      if (linkOf.get(l.id) === linkOf.get(e.id)) continue;
      if (legs.some(([p, q]) => segmentCrossesBox(p, q, l, 0))) out.edgeUnderLabel.push([e.id, l.id]);
    }
  }
  return out;
}
