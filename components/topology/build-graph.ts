import { Position } from "@xyflow/react";
import type { Topology } from "@/lib/domain/types";
import type { ClusterNode, TopologyEdge, TopologyNode, ZoneNode } from "./graph-types";
import { linkHref } from "./hrefs";
import { clusterNodeLabel } from "./cluster-node-label";
import { ANIMATED_FLOWS_LIMIT, type EdgeSpec } from "./model/edges";
import type { FilterResult } from "./model/filter";
import { chainRoleOf, type Highlight } from "./model/highlight";
import { NODE_HEIGHT, NODE_WIDTH, type Point, type TopologyLayout } from "./model/layout";
import type { ObjectCache } from "./model/object-cache";
import { mainHalfCluster } from "./model/summary";

const CENTER_HANDLES = [
  { type: "source" as const, position: Position.Right, x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2, width: 0, height: 0 },
  { type: "target" as const, position: Position.Left, x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2, width: 0, height: 0 },
];

export interface GraphInputs {
  topology: Pick<Topology, "clusters" | "links">;
  layout: TopologyLayout;
  dragged: Record<string, Point>;
  visible: FilterResult;
  highlight: Highlight | null;
  selected: string | null;
}

/**
 * React Flow nodes: zone bands behind, then one fixed-size card per cluster at its dragged or laid-out position.
 * Filtered-out clusters are hidden, not removed, so nothing else moves. Objects come from the cache when their
 * inputs did not change.
 */
export function buildNodes(inputs: GraphInputs, cache: ObjectCache<TopologyNode>): TopologyNode[] {
  const { topology, layout, dragged, visible, highlight, selected } = inputs;
  const selectedCluster = selected ? topology.clusters.find((c) => c.name === selected) : undefined;
  const selectedLabel = selectedCluster ? selectedCluster.displayName || selectedCluster.name : null;
  cache.begin();
  const bands: ZoneNode[] = layout.bands.map(
    (band) =>
      cache.get(`zone:${band.id}`, [band.x, band.y, band.width, band.height, band.label], () => ({
        id: `zone:${band.id}`,
        type: "zone",
        position: { x: band.x, y: band.y },
        width: band.width,
        height: band.height,
        data: { zone: band.zone, label: band.label },
        selectable: false,
        draggable: false,
        focusable: false,
        zIndex: -1,
      })) as ZoneNode,
  );
  const clusters: ClusterNode[] = topology.clusters.map((cluster, index) => {
    const position = dragged[cluster.name] ?? layout.positions[cluster.name] ?? { x: index * (NODE_WIDTH + 40), y: -NODE_HEIGHT * 2 };
    const role = chainRoleOf(highlight, cluster.name);
    const hidden = !visible.clusters.has(cluster.name);
    const isSelected = cluster.name === selected;
    return cache.get(`cluster:${cluster.name}`, [cluster, position.x, position.y, role, hidden, isSelected, selectedLabel], () => ({
      id: cluster.name,
      type: "cluster",
      position,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      handles: CENTER_HANDLES,
      data: { cluster, role, selectedLabel },
      selected: isSelected,
      hidden,
      ariaLabel: clusterNodeLabel(cluster, role, selectedLabel),
      domAttributes: {
        "data-cluster": cluster.name,
        "data-status": cluster.status,
        "data-role": role ?? "none",
      } as ClusterNode["domAttributes"],
    })) as ClusterNode;
  });
  cache.end();
  return [...bands, ...clusters];
}

/** React Flow edges from the lane specs; hidden when their link is filtered out, dimmed when off the highlighted chain. */
export function buildEdges(
  specs: readonly EdgeSpec[],
  inputs: Pick<GraphInputs, "topology" | "visible" | "highlight">,
  cache: ObjectCache<TopologyEdge>,
): TopologyEdge[] {
  const { topology, visible, highlight } = inputs;
  const links = new Map(topology.links.map((l) => [l.id, l]));
  const labels = new Map(topology.clusters.map((c) => [c.name, c.displayName || c.name]));
  const shownFlows = specs.filter((s) => s.kind === "flow" && visible.links.has(s.linkId)).length;
  const animate = shownFlows <= ANIMATED_FLOWS_LIMIT;
  cache.begin();
  const edges = specs.flatMap((spec) => {
    const link = links.get(spec.linkId);
    if (!link) return [];
    const dimmed = highlight !== null && !highlight.links.has(link.id);
    const hidden = !visible.links.has(link.id);
    const fromLabel = labels.get(spec.from) ?? spec.from;
    const toLabel = labels.get(spec.to) ?? spec.to;
    const deps = [link, spec.offset, spec.reversed, spec.carriesLabel, spec.labelOffset, spec.labelAt, dimmed, hidden, fromLabel, toLabel, animate];
    return [
      cache.get(spec.id, deps, () => {
        const host = mainHalfCluster(link);
        return {
          id: spec.id,
          type: spec.kind,
          source: spec.from,
          target: spec.to,
          hidden,
          selectable: false,
          focusable: false,
          data: { spec, link, fromLabel, toLabel, href: host ? linkHref(host, link.name) : null, dimmed, animate },
        } as TopologyEdge;
      }),
    ];
  });
  cache.end();
  return edges;
}
