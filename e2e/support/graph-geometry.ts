import type { Page } from "@playwright/test";

export interface Rect {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphGeometry {
  /** The flow's zoom (scale of `.react-flow__viewport`). */
  zoom: number;
  cards: Rect[];
  labels: Rect[];
  /** Every flow's sampled path on screen, with its ends. */
  flows: { link: string; from: string; to: string; points: { x: number; y: number }[] }[];
  /** The smallest on-screen size (px) of any text in a card or a label, and where. */
  smallestText: { px: number; where: string };
}

/** Reads the drawn graph from the DOM: bounding boxes, the flow's transform, sampled edge paths and text sizes. */
export function graphGeometry(page: Page): Promise<GraphGeometry> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1;
    const rect = (el: Element, id: string) => {
      const r = el.getBoundingClientRect();
      return { id, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const cardEls = [...document.querySelectorAll(".react-flow__node-cluster, .react-flow__node-group")];
    const cards = cardEls.map((el) => rect(el, el.getAttribute("data-id") ?? "?"));
    const labelEls = [...document.querySelectorAll('[data-edge-label="flow"]')];
    const labels = labelEls.map((el) => rect(el, el.getAttribute("data-link") ?? "?"));
    const flows = [...document.querySelectorAll<SVGGElement>('g[data-edge="flow"]')].map((g) => {
      const path = g.querySelector<SVGPathElement>("path.react-flow__edge-path")!;
      const m = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const points = [];
      for (let d = 0; d <= length; d += 4) {
        const p = path.getPointAtLength(d);
        points.push({ x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f });
      }
      return {
        link: g.getAttribute("data-link") ?? "?",
        from: g.getAttribute("data-from") ?? "?",
        to: g.getAttribute("data-to") ?? "?",
        points,
      };
    });
    let smallestText = { px: Infinity, where: "" };
    for (const root of [...cardEls, ...labelEls]) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || !node.parentElement) continue;
        const px = parseFloat(getComputedStyle(node.parentElement).fontSize) * zoom;
        if (px < smallestText.px) smallestText = { px, where: node.textContent.trim().slice(0, 40) };
      }
    }
    return { zoom, cards, labels, flows, smallestText };
  });
}

export function overlaps(a: Rect, b: Rect, slack = 0.5): boolean {
  return a.x < b.x + b.width - slack && b.x < a.x + a.width - slack && a.y < b.y + b.height - slack && b.y < a.y + a.height - slack;
}

/** Every overlapping pair (label over label, label over card), and every flow sample inside a card it does not touch. */
export function readabilityProblems(g: GraphGeometry): string[] {
  const problems: string[] = [];
  g.labels.forEach((a, i) => {
    for (const b of g.labels.slice(i + 1)) if (overlaps(a, b)) problems.push(`label ${a.id} overlaps label ${b.id}`);
  });
  for (const l of g.labels) for (const c of g.cards) if (overlaps(l, c)) problems.push(`label ${l.id} overlaps card ${c.id}`);
  const inset = 3;
  for (const f of g.flows) {
    for (const c of g.cards) {
      if (c.id === f.from || c.id === f.to) continue;
      if (f.points.some((p) => p.x > c.x + inset && p.x < c.x + c.width - inset && p.y > c.y + inset && p.y < c.y + c.height - inset)) {
        problems.push(`flow ${f.link} ${f.from}>${f.to} passes under card ${c.id}`);
      }
    }
  }
  return problems;
}

/** Distance from a label's box to the nearest point of its own link's flows: a label must sit next to its edge. */
export function labelDistance(g: GraphGeometry, link: string): number {
  const label = g.labels.find((l) => l.id === link);
  if (!label) return Infinity;
  const points = g.flows.filter((f) => f.link === link).flatMap((f) => f.points);
  return Math.min(
    ...points.map((p) =>
      Math.hypot(Math.max(label.x - p.x, 0, p.x - (label.x + label.width)), Math.max(label.y - p.y, 0, p.y - (label.y + label.height))),
    ),
  );
}
