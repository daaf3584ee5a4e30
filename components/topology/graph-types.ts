import type { Edge, Node } from "@xyflow/react";
import type { TopologyCluster, TopologyLink } from "@/lib/domain/types";
import type { EdgeSpec } from "./model/edges";
import type { ChainRole } from "./model/highlight";
import type { ZoneKey } from "./model/layout";

export type ClusterNodeData = {
  cluster: TopologyCluster;
  /** Part in the highlighted chain; null when no cluster is selected. */
  role: ChainRole | null;
  /** Display name of the selected cluster, for "upstream of X". */
  selectedLabel: string | null;
};
export type ClusterNode = Node<ClusterNodeData, "cluster">;

export type ZoneNodeData = { zone: ZoneKey; label: string };
export type ZoneNode = Node<ZoneNodeData, "zone">;

export type TopologyNode = ClusterNode | ZoneNode;

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
};
export type FlowEdge = Edge<LinkEdgeData, "flow">;
export type ConnectionEdge = Edge<LinkEdgeData, "connection">;
export type TopologyEdge = FlowEdge | ConnectionEdge;
