import type { TopologyLink } from "@/lib/domain/types";
import { overBudgetLabel } from "../rpo-label";
import type { LayoutEdge } from "./layout";

export type EdgeKind = "flow" | "connection";

/** One arrow on the graph: a data flow or a connection of one link. The layout routes each one on its own. */
export interface EdgeSpec extends LayoutEdge {
  /** Unique and stable across refreshes: `flow:<link id>:<from>><to>`. */
  id: string;
  kind: EdgeKind;
  linkId: string;
  linkName: string;
  /**
   * Only the first flow of each link carries the link's label (name, state, mirrors, lag), so a bidirectional link
   * has one label for both of its flows. Same as `labelled`, named for what it means to the drawing.
   */
  carriesLabel: boolean;
}

/** Above this many drawn data flows the moving dots stop: colour, icon and label still say which links run. */
export const ANIMATED_FLOWS_LIMIT = 40;

/**
 * Every flow and every connection of every link becomes its own edge, a link's connection first, then its
 * flow(s), then further connections. Edges to a cluster that is not in `clusterNames` (or loops) are left out:
 * the table still lists those links. Sorted by id, so the same links always give the same specs.
 */
export function buildEdgeSpecs(links: readonly TopologyLink[], clusterNames: ReadonlySet<string>): EdgeSpec[] {
  const drawable = (e: { from: string; to: string }) => e.from !== e.to && clusterNames.has(e.from) && clusterNames.has(e.to);
  const specs: EdgeSpec[] = [];
  for (const link of links) {
    let labelled = false;
    const [firstConnection, ...moreConnections] = link.connections;
    const lanes = [
      ...(firstConnection ? [{ kind: "connection" as const, ...firstConnection }] : []),
      ...link.flows.map((f) => ({ kind: "flow" as const, ...f })),
      ...moreConnections.map((c) => ({ kind: "connection" as const, ...c })),
    ];
    for (const lane of lanes) {
      if (!drawable(lane)) continue;
      const carriesLabel = lane.kind === "flow" && !labelled;
      if (carriesLabel) labelled = true;
      specs.push({
        id: `${lane.kind}:${link.id}:${lane.from}>${lane.to}`,
        kind: lane.kind,
        linkId: link.id,
        linkName: link.name,
        from: lane.from,
        to: lane.to,
        carriesLabel,
        labelled: carriesLabel,
        tallLabel: carriesLabel && (!link.flowing || overBudgetLabel(link) !== null),
        against: lane.kind === "connection" && link.flows.some((f) => f.from === lane.to && f.to === lane.from),
      });
    }
  }
  return specs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
