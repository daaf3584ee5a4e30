import type { TopologyLink } from "@/lib/domain/types";

export type EdgeKind = "flow" | "connection";

/** One arrow on the graph: a data flow or a connection of one link, in its own lane. */
export interface EdgeSpec {
  /** Unique and stable across refreshes: `flow:<link id>:<from>><to>`. */
  id: string;
  kind: EdgeKind;
  linkId: string;
  linkName: string;
  from: string;
  to: string;
  /** Sideways shift in px along the normal of the pair's canonical direction (see laneSegment). */
  offset: number;
  /** The edge points from the cluster whose name sorts last to the one that sorts first. */
  reversed: boolean;
  /**
   * Only the first flow of each link carries the link's label (name, state, mirrors, lag); it is centred between
   * the link's flow lanes, so a bidirectional link has one label for both of its flows.
   */
  carriesLabel: boolean;
  /** Lane offset the label is centred on. */
  labelOffset: number;
  /** Where along the edge the label sits (0 = start, 1 = end): spread apart when several links join one pair. */
  labelAt: number;
  /** The outermost lanes of the pair, so a label can sit beside all of them where they run level. */
  pairOffsets: { min: number; max: number };
}

/** Above this many drawn data flows the moving dots stop: colour, icon and label still say which links run. */
export const ANIMATED_FLOWS_LIMIT = 40;

/** Distance between neighbouring lanes. */
export const LANE_GAP = 14;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

interface Lane {
  kind: EdgeKind;
  link: TopologyLink;
  from: string;
  to: string;
}

/**
 * Every flow and every connection of every link becomes its own edge. Edges that join the same two clusters
 * share out the lanes around the straight line between them, a link's lanes next to each other in the order
 * connection, flow(s), further connections, so the two kinds never overlap. Edges to a cluster that is not in
 * `clusterNames` (or loops) are left out: the table still lists those links.
 */
export function buildEdgeSpecs(links: readonly TopologyLink[], clusterNames: ReadonlySet<string>): EdgeSpec[] {
  const pairs = new Map<string, { lanes: Lane[]; links: string[] }>();
  const drawable = (e: { from: string; to: string }) => e.from !== e.to && clusterNames.has(e.from) && clusterNames.has(e.to);

  for (const link of [...links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const [firstConnection, ...moreConnections] = link.connections;
    const ordered: Lane[] = [
      ...(firstConnection ? [{ kind: "connection" as const, link, ...firstConnection }] : []),
      ...link.flows.map((f) => ({ kind: "flow" as const, link, ...f })),
      ...moreConnections.map((c) => ({ kind: "connection" as const, link, ...c })),
    ];
    for (const lane of ordered) {
      if (!drawable(lane)) continue;
      const key = pairKey(lane.from, lane.to);
      let pair = pairs.get(key);
      if (!pair) {
        pair = { lanes: [], links: [] };
        pairs.set(key, pair);
      }
      pair.lanes.push({ ...lane, from: lane.from, to: lane.to });
      if (!pair.links.includes(link.id)) pair.links.push(link.id);
    }
  }

  const specs: EdgeSpec[] = [];
  for (const pair of pairs.values()) {
    const n = pair.lanes.length;
    const offsetOf = (i: number) => (i - (n - 1) / 2) * LANE_GAP;
    const labelled = new Set<string>();
    pair.lanes.forEach((lane, i) => {
      const linkIndex = pair.links.indexOf(lane.link.id);
      const flowOffsets = pair.lanes.flatMap((l, j) => (l.link.id === lane.link.id && l.kind === "flow" ? [offsetOf(j)] : []));
      const carriesLabel = lane.kind === "flow" && !labelled.has(lane.link.id);
      if (carriesLabel) labelled.add(lane.link.id);
      const spread = pair.links.length > 1 ? 0.44 / (pair.links.length - 1) : 0;
      const labelAt = pair.links.length > 1 ? 0.28 + linkIndex * spread : 0.5;
      specs.push({
        id: `${lane.kind}:${lane.link.id}:${lane.from}>${lane.to}`,
        kind: lane.kind,
        linkId: lane.link.id,
        linkName: lane.link.name,
        from: lane.from,
        to: lane.to,
        offset: offsetOf(i),
        reversed: lane.from > lane.to,
        carriesLabel,
        labelOffset: flowOffsets.length ? flowOffsets.reduce((s, o) => s + o, 0) / flowOffsets.length : offsetOf(i),
        // A label sits on the first flow as drawn; for a reversed first flow, "at" counts from its own start.
        labelAt: lane.from > lane.to ? 1 - labelAt : labelAt,
        pairOffsets: { min: offsetOf(0), max: offsetOf(n - 1) },
      });
    });
  }
  return specs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
