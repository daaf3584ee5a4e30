import type { Edge, Node } from "@xyflow/react";
import type { TopologyCluster, TopologyLink } from "@/lib/domain/types";
import type { EdgeSpec } from "./model/edges";
import type { GroupSummary } from "./model/fleet-view";
import type { ChainRole } from "./model/highlight";
import type { Box, Point, ZoneKey } from "./model/layout";

export type ClusterNodeData = {
  cluster: TopologyCluster;
  /** Part in the highlighted chain; null when no cluster is selected. */
  role: ChainRole | null;
  /** Display name of the selected cluster, for "upstream of X". */
  selectedLabel: string | null;
};
export type ClusterNode = Node<ClusterNodeData, "cluster">;

/** A network zone's band behind its groups in a large fleet's overview. */
export type ZoneNodeData = { zone: ZoneKey; label: string };
export type ZoneNode = Node<ZoneNodeData, "zone">;

/** A group of clusters (same zone and region) in a large fleet's overview, rolled up into one card. */
export type GroupNodeData = { group: GroupSummary; onOpen: (group: string) => void };
export type GroupNode = Node<GroupNodeData, "group">;

export type TopologyNode = ClusterNode | ZoneNode | GroupNode;

export type LinkEdgeData = {
  spec: EdgeSpec;
  link: TopologyLink;
  fromLabel: string;
  toLabel: string;
  /** The link page of the half hosting the mirrors; null when no half is visible. */
  href: string | null;
  /** Another cluster is selected and this link is not on its chain. */
  dimmed: boolean;
  /** Whether running flows show moving dots (off for big graphs, to stay smooth). */
  animate: boolean;
  /** The layout's route and label box, and where the two cards were when it was made. */
  route: Point[] | null;
  label: Box | null;
  laidOutFrom: Point | undefined;
  laidOutTo: Point | undefined;
};
export type FlowEdge = Edge<LinkEdgeData, "flow">;
export type ConnectionEdge = Edge<LinkEdgeData, "connection">;
export type TopologyEdge = FlowEdge | ConnectionEdge;
