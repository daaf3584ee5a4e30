import { Graph, layout as dagreLayout } from "@dagrejs/dagre";
import type { ClusterEdge, TopologyCluster } from "@/lib/domain/types";

/** Every cluster card has the same fixed size, so edges and layout never wait for the browser to measure. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 120;
/** Horizontal room between columns: enough for a flow label and a "dials" marker side by side. */
export const COLUMN_GAP = 190;
export const ROW_GAP = 28;
export const BAND_GAP = 12;
/** Between groups of connected clusters. */
export const BLOCK_GAP = 40;
export const BAND_PAD_X = 24;
export const BAND_PAD_TOP = 30;
export const BAND_PAD_BOTTOM = 16;

export type ZoneKey = "public" | "private" | "unknown";

/** Bands top to bottom: the public network above, private networks below, clusters without a zone last. */
export const ZONE_ORDER: readonly ZoneKey[] = ["public", "private", "unknown"];

export const ZONE_LABEL: Record<ZoneKey, string> = {
  public: "Public network",
  private: "Private network",
  unknown: "Network zone not configured",
};

export interface Point {
  x: number;
  y: number;
}

export interface ZoneBand {
  /** `<block>:<zone>`: one band per zone in each group of connected clusters. */
  id: string;
  zone: ZoneKey;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Cluster names laid out in this band. */
  members: string[];
}

export interface TopologyLayout {
  /** Top-left corner of each cluster card, by cluster name. */
  positions: Record<string, Point>;
  bands: ZoneBand[];
}

/** The box around every band (or every card when there are no bands). */
export function layoutBounds(layout: TopologyLayout): { width: number; height: number } {
  const boxes = [
    ...layout.bands.map((b) => ({ x2: b.x + b.width, y2: b.y + b.height })),
    ...Object.values(layout.positions).map((p) => ({ x2: p.x + NODE_WIDTH, y2: p.y + NODE_HEIGHT })),
  ];
  return { width: Math.max(0, ...boxes.map((b) => b.x2)), height: Math.max(0, ...boxes.map((b) => b.y2)) };
}

type LayoutCluster = Pick<TopologyCluster, "name" | "network">;

export function zoneOf(cluster: Pick<TopologyCluster, "network">): ZoneKey {
  return cluster.network ?? "unknown";
}

/** Directed cluster pairs that carry data, without duplicates or self-loops, in a stable order. */
export function flowPairs(links: readonly { flows: readonly ClusterEdge[] }[]): ClusterEdge[] {
  const seen = new Map<string, ClusterEdge>();
  for (const link of links) {
    for (const flow of link.flows) {
      if (flow.from === flow.to) continue;
      const key = `${flow.from}\u0000${flow.to}`;
      if (!seen.has(key)) seen.set(key, { from: flow.from, to: flow.to });
    }
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, edge]) => edge);
}

/**
 * What the layout depends on: cluster names with their zones, and which pairs carry data. Link states, lag and
 * mirror counts change on every poll but never move a card; only a change of this key re-runs the layout.
 */
export function layoutKeyOf(
  clusters: readonly LayoutCluster[],
  links: readonly { flows: readonly ClusterEdge[]; connections?: readonly ClusterEdge[] }[],
): string {
  const nodes = clusters.map((c) => `${c.name}:${zoneOf(c)}`).join(",");
  const edges = flowPairs(links)
    .map((e) => `${e.from}>${e.to}`)
    .join(",");
  const dials = flowPairs(links.map((l) => ({ flows: l.connections ?? [] })))
    .map((e) => `${e.from}>${e.to}`)
    .join(",");
  return `${nodes}|${edges}|${dials}`;
}

/** Clusters joined by any flow or connection, in configuration order of their first member; loners apart. */
export function componentsOf(
  clusters: readonly LayoutCluster[],
  links: readonly { flows: readonly ClusterEdge[]; connections?: readonly ClusterEdge[] }[],
): { groups: string[][]; loners: string[] } {
  const parent = new Map(clusters.map((c) => [c.name, c.name]));
  const find = (x: string): string => {
    let root = x;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    parent.set(x, root);
    return root;
  };
  const joined = new Set<string>();
  for (const link of links) {
    for (const e of [...link.flows, ...(link.connections ?? [])]) {
      if (!parent.has(e.from) || !parent.has(e.to) || e.from === e.to) continue;
      joined.add(e.from);
      joined.add(e.to);
      parent.set(find(e.from), find(e.to));
    }
  }
  const groups = new Map<string, string[]>();
  const loners: string[] = [];
  for (const c of clusters) {
    if (!joined.has(c.name)) {
      loners.push(c.name);
      continue;
    }
    const root = find(c.name);
    const group = groups.get(root);
    if (group) group.push(c.name);
    else groups.set(root, [c.name]);
  }
  return { groups: [...groups.values()], loners };
}

interface Placed {
  name: string;
  zone: ZoneKey;
  column: number;
  y: number;
  index: number;
}

/** Columns from dagre's ranks (left to right along the data flow) and its vertical order, for one group. */
function rankGroup(members: readonly LayoutCluster[], flows: readonly ClusterEdge[], indexOf: Map<string, number>): Placed[] {
  const names = new Set(members.map((m) => m.name));
  const g = new Graph();
  g.setGraph({ rankdir: "LR", nodesep: ROW_GAP, ranksep: COLUMN_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const c of members) g.setNode(c.name, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of flows) if (names.has(e.from) && names.has(e.to)) g.setEdge(e.from, e.to);
  dagreLayout(g);
  const raw = members.map((c) => {
    const n = g.node(c.name) as { x: number; y: number };
    return { c, x: Math.round(n.x), y: Math.round(n.y) };
  });
  const xs = [...new Set(raw.map((r) => r.x))].sort((a, b) => a - b);
  return raw.map(({ c, x, y }) => ({ name: c.name, zone: zoneOf(c), column: xs.indexOf(x), y, index: indexOf.get(c.name) ?? 0 }));
}

/** Loners side by side, in configuration order, wrapping after `perRow`. */
function rankLoners(members: readonly LayoutCluster[], perRow: number, indexOf: Map<string, number>): Placed[] {
  const placed: Placed[] = [];
  for (const zone of ZONE_ORDER) {
    members
      .filter((m) => zoneOf(m) === zone)
      .forEach((m, i) => {
        placed.push({ name: m.name, zone, column: i % perRow, y: Math.floor(i / perRow), index: indexOf.get(m.name) ?? 0 });
      });
  }
  return placed;
}

/**
 * Left to right along the data flow (dagre ranks give the columns). Each group of connected clusters is its own
 * block, blocks stacked top to bottom, so no arrow crosses another group; inside a block, clusters sit in bands
 * by network zone (public above private), rows keeping dagre's vertical order so connected clusters stay level.
 * Clusters without links come last, side by side. Deterministic: the same clusters and flows give the same positions.
 */
export function computeLayout(
  clusters: readonly LayoutCluster[],
  links: readonly { flows: readonly ClusterEdge[]; connections?: readonly ClusterEdge[] }[],
): TopologyLayout {
  if (clusters.length === 0) return { positions: {}, bands: [] };
  const indexOf = new Map(clusters.map((c, i) => [c.name, i]));
  const byName = new Map(clusters.map((c) => [c.name, c]));
  const flows = flowPairs(links);
  const { groups, loners } = componentsOf(clusters, links);

  const clustersNamed = (names: readonly string[]) => names.flatMap((n) => byName.get(n) ?? []);
  const blocks: Placed[][] = groups.map((names) => rankGroup(clustersNamed(names), flows, indexOf));
  const widest = Math.max(1, ...blocks.map((b) => Math.max(...b.map((p) => p.column)) + 1));
  if (loners.length) blocks.push(rankLoners(clustersNamed(loners), Math.max(widest, Math.min(4, loners.length)), indexOf));

  // Each block laid out on its own, from (0, 0).
  const laid = blocks.map((block, blockIndex) => {
    const columns = Math.max(...block.map((p) => p.column)) + 1;
    const width = columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP + 2 * BAND_PAD_X;
    const positions: Record<string, Point> = {};
    const bands: ZoneBand[] = [];
    let top = 0;
    for (const zone of ZONE_ORDER) {
      const members = block.filter((p) => p.zone === zone).sort((a, b) => a.y - b.y || a.index - b.index);
      if (members.length === 0) continue;
      // One row per distinct dagre y; two cards that would share a cell (same column) get separate rows.
      const rows: { y: number; columns: Set<number> }[] = [];
      for (const m of members) {
        let row = rows.at(-1);
        if (!row || row.y !== m.y || row.columns.has(m.column)) {
          row = { y: m.y, columns: new Set() };
          rows.push(row);
        }
        row.columns.add(m.column);
        positions[m.name] = {
          x: BAND_PAD_X + m.column * (NODE_WIDTH + COLUMN_GAP),
          y: top + BAND_PAD_TOP + (rows.length - 1) * (NODE_HEIGHT + ROW_GAP),
        };
      }
      const height = BAND_PAD_TOP + rows.length * NODE_HEIGHT + (rows.length - 1) * ROW_GAP + BAND_PAD_BOTTOM;
      bands.push({ id: `${blockIndex}:${zone}`, zone, label: ZONE_LABEL[zone], x: 0, y: top, width, height, members: members.map((m) => m.name) });
      top += height + BAND_GAP;
    }
    return { positions, bands, width, height: top - BAND_GAP };
  });

  // Shelf packing: blocks side by side while a shelf stays narrower than a roughly landscape target, so many
  // small groups fill the canvas instead of making a thin tall strip.
  const area = laid.reduce((sum, b) => sum + (b.width + BLOCK_GAP) * (b.height + BLOCK_GAP), 0);
  const target = Math.max(...laid.map((b) => b.width), Math.sqrt(area * 1.4));
  const positions: Record<string, Point> = {};
  const bands: ZoneBand[] = [];
  let x = 0;
  let y = 0;
  let shelfHeight = 0;
  for (const block of laid) {
    if (x > 0 && x + block.width > target) {
      x = 0;
      y += shelfHeight + BLOCK_GAP;
      shelfHeight = 0;
    }
    for (const [name, p] of Object.entries(block.positions)) positions[name] = { x: x + p.x, y: y + p.y };
    for (const band of block.bands) bands.push({ ...band, x: x + band.x, y: y + band.y });
    x += block.width + BLOCK_GAP;
    shelfHeight = Math.max(shelfHeight, block.height);
  }
  return { positions, bands };
}
