import { Position } from "@xyflow/react";
import type { Topology } from "@/lib/domain/types";
import { required } from "@/lib/domain/required";
import type { ClusterNode, GroupNode, TopologyEdge, TopologyNode, ZoneNode } from "./graph-types";
import { linkHref } from "./hrefs";
import { clusterNodeLabel } from "./cluster-node-label";
import { ANIMATED_FLOWS_LIMIT } from "./model/edges";
import type { FleetView } from "./model/fleet-view";
import type { FilterResult } from "./model/filter";
import { chainRoleOf, type Highlight } from "./model/highlight";
import { type GraphLayout, NODE_HEIGHT, NODE_WIDTH, type Point } from "./model/layout";
import type { ObjectCache } from "./model/object-cache";
import { overviewLayout } from "./model/overview-layout";
import { mainHalfCluster } from "./model/summary";

const CENTER_HANDLES = [
  { type: "source" as const, position: Position.Right, x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2, width: 0, height: 0 },
  { type: "target" as const, position: Position.Left, x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2, width: 0, height: 0 },
];

export interface GraphInputs {
  topology: Pick<Topology, "clusters" | "links">;
  view: FleetView;
  layout: GraphLayout;
  /** Where the user dragged cards; they win over the layout when every cluster is drawn. */
  dragged: Record<string, Point>;
  visible: FilterResult;
  highlight: Highlight | null;
  selected: string | null;
  onOpenGroup: (group: string) => void;
}

/** The overview of a large fleet: zone bands behind, one card per group of clusters. */
function overviewNodes(
  view: FleetView,
  visible: FilterResult,
  onOpenGroup: (group: string) => void,
  cache: ObjectCache<TopologyNode>,
): TopologyNode[] {
  const { bands, positions } = overviewLayout(view.groups);
  const zones = bands.map(
    (band) =>
      cache.get(`zone:${band.zone}`, [band.x, band.y, band.width, band.height, band.label], () => ({
        id: `zone:${band.zone}`,
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
  const groups = view.groups.map((group) => {
    const position = required(positions[group.id], `the position of group ${group.id}`);
    const hidden = visible.active && !group.members.some((m) => visible.clusters.has(m));
    return cache.get(`group:${group.id}`, [group, position.x, position.y, hidden, onOpenGroup], () => ({
      id: group.id,
      type: "group",
      position,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      hidden,
      draggable: false,
      selectable: false,
      data: { group, onOpen: onOpenGroup },
      domAttributes: { "data-group": group.id } as GroupNode["domAttributes"],
    })) as GroupNode;
  });
  return [...zones, ...groups];
}

/**
 * React Flow nodes: one fixed-size card per drawn cluster at its dragged or laid-out position (or, in a large
 * fleet's overview, one card per group). Filtered-out clusters are hidden, not removed, so nothing else moves.
 * Objects come from the cache when their inputs did not change.
 */
export function buildNodes(inputs: GraphInputs, cache: ObjectCache<TopologyNode>): TopologyNode[] {
  const { topology, view, layout, dragged, visible, highlight, selected } = inputs;
  cache.begin();
  if (view.mode === "overview") {
    const nodes = overviewNodes(view, visible, inputs.onOpenGroup, cache);
    cache.end();
    return nodes;
  }
  const selectedCluster = selected ? topology.clusters.find((c) => c.name === selected) : undefined;
  const selectedLabel = selectedCluster ? selectedCluster.displayName || selectedCluster.name : null;
  const drawn = new Set(view.clusters);
  const clusters: ClusterNode[] = topology.clusters
    .filter((c) => drawn.has(c.name))
    .map((cluster, index) => {
      const laidOut = layout.positions[cluster.name] ?? { x: index * (NODE_WIDTH + 40), y: -NODE_HEIGHT * 2 };
      const position = (view.mode === "all" ? dragged[cluster.name] : undefined) ?? laidOut;
      const role = chainRoleOf(highlight, cluster.name);
      const hidden = view.mode === "all" && !visible.clusters.has(cluster.name);
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
        draggable: view.mode === "all",
        ariaLabel: clusterNodeLabel(cluster, role, selectedLabel),
        domAttributes: {
          "data-cluster": cluster.name,
          "data-status": cluster.status,
          "data-role": role ?? "none",
        } as ClusterNode["domAttributes"],
      })) as ClusterNode;
    });
  cache.end();
  return clusters;
}

/** React Flow edges along the layout's routes; hidden when their link is filtered out, dimmed when off the highlighted chain. */
export function buildEdges(
  inputs: Pick<GraphInputs, "topology" | "view" | "layout" | "visible" | "highlight">,
  cache: ObjectCache<TopologyEdge>,
): TopologyEdge[] {
  const { topology, view, layout, visible, highlight } = inputs;
  const links = new Map(topology.links.map((l) => [l.id, l]));
  const labels = new Map(topology.clusters.map((c) => [c.name, c.displayName || c.name]));
  const shownFlows = view.edges.filter((s) => s.kind === "flow" && visible.links.has(s.linkId)).length;
  const animate = shownFlows <= ANIMATED_FLOWS_LIMIT;
  cache.begin();
  const edges = view.edges.flatMap((spec) => {
    const link = links.get(spec.linkId);
    if (!link) return [];
    const dimmed = highlight !== null && !highlight.links.has(link.id);
    const hidden = !visible.links.has(link.id);
    const fromLabel = labels.get(spec.from) ?? spec.from;
    const toLabel = labels.get(spec.to) ?? spec.to;
    const route = layout.routes[spec.id] ?? null;
    const label = layout.labels[spec.id] ?? null;
    const laidOutFrom = layout.positions[spec.from];
    const laidOutTo = layout.positions[spec.to];
    const deps = [link, spec.id, spec.carriesLabel, dimmed, hidden, fromLabel, toLabel, animate, route, label, laidOutFrom, laidOutTo];
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
          data: {
            spec,
            link,
            fromLabel,
            toLabel,
            href: host ? linkHref(host, link.name) : null,
            dimmed,
            animate,
            route,
            label,
            laidOutFrom,
            laidOutTo,
          },
        } as TopologyEdge;
      }),
    ];
  });
  cache.end();
  return edges;
}
