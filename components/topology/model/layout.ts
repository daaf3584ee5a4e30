import type { ELK, ElkExtendedEdge, ElkLabel, ElkNode } from "elkjs/lib/elk-api";
import type { TopologyCluster } from "@/lib/domain/types";

/** Every cluster card has the same fixed size, so the layout never waits for the browser to measure. */
export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 128;
/** A link's label on its flow: fixed, so the layout can keep it clear of cards, other labels and other edges. */
export const FLOW_LABEL_WIDTH = 168;
export const FLOW_LABEL_HEIGHT = 54;
/** A label with a fourth line (not flowing since T, or over its RPO budget). */
export const FLOW_LABEL_TALL_HEIGHT = FLOW_LABEL_HEIGHT + 15;
/** Room above an expanded group's cards for its title. */
export const GROUP_TITLE_HEIGHT = 30;

export { ZONE_LABEL, ZONE_ORDER, zoneOf, type ZoneKey } from "./zones";

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

export type LayoutCluster = Pick<TopologyCluster, "name" | "network" | "region">;

/** An edge to lay out: a data flow (with its link's label when it carries it) or a connection. */
export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
  /** The flow that shows its link's label. */
  labelled: boolean;
  /**
   * Runs against its link's data flow (a destination-initiated link's connection: the destination dials the
   * source). Laid out the other way round so only data flows decide what is left and right, then drawn as it goes.
   */
  against?: boolean;
  /** The label needs its fourth line: the link does not flow, or its estimated lag is over its RPO budget. */
  tallLabel?: boolean;
}

/** What to lay out: cards (clusters, or collapsed groups) at the top level or inside an expanded group's box. */
export interface LayoutRequest {
  cards: { id: string; container: string | null }[];
  containers: { id: string; label: string }[];
  edges: LayoutEdge[];
}

/** A box drawn around the cards of an expanded group. */
export interface ContainerBox extends Box {
  id: string;
  label: string;
  members: string[];
}

export interface GraphLayout {
  /** Top-left corner of each card, by card id. */
  positions: Record<string, Point>;
  containers: ContainerBox[];
  /** Each edge's path: start, bends, end (absolute coordinates). */
  routes: Record<string, Point[]>;
  /** The label box of each labelled edge, by edge id. */
  labels: Record<string, Box>;
  width: number;
  height: number;
}

export const EMPTY_LAYOUT: GraphLayout = { positions: {}, containers: [], routes: {}, labels: {}, width: 0, height: 0 };

const ROOT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.json.edgeCoords": "ROOT",
  "elk.json.shapeCoords": "ROOT",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.spacing.nodeNode": "32",
  "elk.layered.spacing.nodeNodeBetweenLayers": "24",
  "elk.spacing.edgeEdge": "10",
  "elk.layered.spacing.edgeEdgeBetweenLayers": "10",
  "elk.spacing.edgeNode": "20",
  "elk.layered.spacing.edgeNodeBetweenLayers": "14",
  "elk.spacing.edgeLabel": "4",
  "elk.spacing.labelLabel": "6",
  "elk.spacing.componentComponent": "40",
  "elk.padding": "[top=8,left=8,bottom=8,right=8]",
};

const CONTAINER_OPTIONS: Record<string, string> = {
  "elk.padding": `[top=${GROUP_TITLE_HEIGHT + 8},left=16,bottom=16,right=16]`,
};

/** The ELK graph: cards (inside their group's box when expanded) and every edge at the root. */
export function elkGraphOf(request: LayoutRequest): ElkNode {
  const card = (id: string): ElkNode => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT });
  const inside = new Map<string, string[]>();
  const top: ElkNode[] = [];
  for (const c of request.cards) {
    if (c.container === null) top.push(card(c.id));
    else inside.set(c.container, [...(inside.get(c.container) ?? []), c.id]);
  }
  const boxes: ElkNode[] = request.containers.map((box) => ({
    id: box.id,
    layoutOptions: CONTAINER_OPTIONS,
    children: (inside.get(box.id) ?? []).map(card),
  }));
  const edges: ElkExtendedEdge[] = request.edges.map((e) => {
    // Centre labels (ELK needs a text to place one): each becomes a dummy node in a layer between the cards, so
    // it keeps clear of cards, edges and other labels, next to its own edge.
    const labels: ElkLabel[] = e.labelled
      ? [{ id: `label:${e.id}`, text: e.id, width: FLOW_LABEL_WIDTH, height: e.tallLabel ? FLOW_LABEL_TALL_HEIGHT : FLOW_LABEL_HEIGHT }]
      : [];
    return { id: e.id, sources: [e.against ? e.to : e.from], targets: [e.against ? e.from : e.to], labels };
  });
  return { id: "root", layoutOptions: ROOT_OPTIONS, children: [...boxes, ...top], edges };
}

/** Reads ELK's answer back into absolute positions, boxes, edge routes and label boxes. */
export function readElkLayout(result: ElkNode, request: LayoutRequest): GraphLayout {
  const against = new Set(request.edges.filter((e) => e.against).map((e) => e.id));
  const out: GraphLayout = { positions: {}, containers: [], routes: {}, labels: {}, width: result.width ?? 0, height: result.height ?? 0 };
  const labelOf = new Map(request.containers.map((c) => [c.id, c.label]));
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      const box = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
      const label = labelOf.get(child.id);
      if (label !== undefined) {
        out.containers.push({ id: child.id, label, members: (child.children ?? []).map((m) => m.id), ...box });
        visit(child);
      } else out.positions[child.id] = { x: box.x, y: box.y };
    }
  };
  visit(result);
  for (const edge of (result.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    if (section) {
      const route = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x, y: p.y }));
      out.routes[edge.id] = against.has(edge.id) ? route.reverse() : route;
    }
    const label = edge.labels?.[0];
    if (label) out.labels[edge.id] = { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 };
  }
  return out;
}

/** What is drawn: cards, groups and edges. A change of it puts the view back to its first view. */
export function shapeKeyOf(request: LayoutRequest): string {
  const cards = request.cards.map((c) => `${c.id}@${c.container ?? ""}`).join(",");
  const edges = request.edges.map((e) => `${e.id}${e.labelled ? "*" : ""}${e.against ? "~" : ""}`).join(",");
  return `${cards}|${request.containers.map((c) => c.id).join(",")}|${edges}`;
}

/**
 * What the layout depends on: the shape plus which labels are tall. A poll that only changes numbers gives the same
 * key; a link that stops flowing (or goes over its RPO budget) grows its label, so the layout runs again.
 */
export function layoutKeyOf(request: LayoutRequest): string {
  const tall = request.edges.filter((e) => e.tallLabel).map((e) => e.id);
  return `${shapeKeyOf(request)}|${tall.join(",")}`;
}

/**
 * Lays the graph out with ELK: layered, left to right along the data flow, orthogonal edges that go around cards,
 * and labels placed by the layout itself, so no label covers a card, another label or another edge.
 */
export async function computeLayout(elk: ELK, request: LayoutRequest): Promise<GraphLayout> {
  if (request.cards.length === 0) return EMPTY_LAYOUT;
  const ids = new Set(request.cards.map((c) => c.id));
  const edges = request.edges.filter((e) => e.from !== e.to && ids.has(e.from) && ids.has(e.to));
  const containers = request.containers.filter((box) => request.cards.some((c) => c.container === box.id));
  const drawable = { ...request, edges, containers };
  return readElkLayout(await elk.layout(elkGraphOf(drawable)), drawable);
}
