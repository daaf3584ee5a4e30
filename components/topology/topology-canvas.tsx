"use client";
import "@xyflow/react/dist/style.css";
import "./topology.css";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { useRouter } from "next/navigation";
import {
  Background,
  BackgroundVariant,
  Controls,
  Panel,
  ReactFlow,
  type EdgeMouseHandler,
  type EdgeTypes,
  type NodeChange,
  type NodeMouseHandler,
  type NodeTypes,
  useReactFlow,
} from "@xyflow/react";
import type { Topology } from "@/lib/domain/types";
import { buildEdges, buildNodes } from "./build-graph";
import { ClusterNode, GroupNode, ZoneNode } from "./cluster-node";
import { ConnectionEdge } from "./connection-edge";
import { FlowEdge } from "./flow-edge";
import type { TopologyEdge, TopologyNode } from "./graph-types";
import { HoverCard, HoverContext, type Hovered } from "./hover-card";
import type { FleetView } from "./model/fleet-view";
import type { FilterResult } from "./model/filter";
import type { Highlight } from "./model/highlight";
import { clusterMatches } from "./model/filter";
import { EMPTY_LAYOUT, NODE_HEIGHT, NODE_WIDTH, shapeKeyOf, type Box } from "./model/layout";
import { ObjectCache } from "./model/object-cache";
import { overviewLayout } from "./model/overview-layout";
import { canvasHeightFor, initialViewport, VIEW_PADDING } from "./model/viewport";
import { useGraphLayout } from "./use-graph-layout";
import type { DraggedPositions } from "./use-dragged-positions";

function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

type Size = { width: number; height: number };

/**
 * Puts the view back to its readable first view when what is drawn changes (a cluster, a link, a focus) or a
 * search finds something else (then it zooms to what it found), never on a poll.
 */
function ResetView({ resetKey, bounds, canvas, focus }: { resetKey: string; bounds: Size; canvas: Size; focus: Box | null }) {
  const { setViewport } = useReactFlow();
  const first = useRef(true);
  const latest = useRef({ bounds, canvas, focus });
  latest.current = { bounds, canvas, focus };
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is what triggers a reset; the effect reads the latest sizes through a ref
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = requestAnimationFrame(
      () => void setViewport(initialViewport(latest.current.bounds, latest.current.canvas, latest.current.focus), { duration: 200 }),
    );
    return () => cancelAnimationFrame(id);
  }, [resetKey, setViewport]);
  return null;
}

/** The box around the cards a search found, for the view to zoom to. */
function boxAround(positions: Record<string, { x: number; y: number }>, names: readonly string[]): Box | null {
  const points = names.map((n) => positions[n]).filter((p): p is { x: number; y: number } => p !== undefined);
  if (points.length === 0) return null;
  const x = Math.min(...points.map((p) => p.x));
  const y = Math.min(...points.map((p) => p.y));
  return {
    x,
    y,
    width: Math.max(...points.map((p) => p.x)) - x + NODE_WIDTH,
    height: Math.max(...points.map((p) => p.y)) - y + NODE_HEIGHT,
  };
}

const nodeTypes: NodeTypes = { cluster: ClusterNode, zone: ZoneNode, group: GroupNode };
const edgeTypes: EdgeTypes = { flow: FlowEdge, connection: ConnectionEdge };

export interface TopologyCanvasProps {
  topology: Topology;
  view: FleetView;
  visible: FilterResult;
  highlight: Highlight | null;
  selected: string | null;
  onSelect: (cluster: string | null) => void;
  /** Opens a group of a large fleet's overview. */
  onOpenGroup: (group: string) => void;
  /** The search text, so the view can zoom to what it finds. */
  query: string;
  /** Where the user dragged cards (they win over the layout), and how to record a move. */
  dragged: DraggedPositions;
  onMove: (cluster: string, position: { x: number; y: number }, done: boolean) => void;
}

/** Picks the selection React Flow asks for (click, Enter/Space on a focused card, Escape, click on the pane). */
export function selectionFromChanges(changes: readonly NodeChange[], current: string | null): string | null | undefined {
  const selects = changes.filter((c): c is Extract<NodeChange, { type: "select" }> => c.type === "select");
  if (selects.length === 0) return undefined;
  const chosen = selects.filter((c) => c.selected && !c.id.startsWith("zone:")).at(-1);
  if (chosen) return chosen.id;
  if (current !== null && selects.some((c) => c.id === current && !c.selected)) return null;
  return undefined;
}

/**
 * The live graph. The layout (ELK) runs only when what is drawn changes (cards, links), never for a poll that only
 * moves numbers; dragged cards keep their place; nodes and edges are rebuilt from caches, so a poll re-renders only
 * the cards and arrows whose data changed. The first view is readable (see MIN_READABLE_ZOOM): a graph wider than
 * the canvas is panned, not shrunk.
 */
export function TopologyCanvas({
  topology,
  view,
  visible,
  highlight,
  selected,
  onSelect,
  onOpenGroup,
  query,
  dragged,
  onMove: move,
}: TopologyCanvasProps) {
  const router = useRouter();
  const [hovered, setHovered] = useState<Hovered>(null);
  // The summary goes to the corner away from the pointer, so it never covers what it describes.
  const [cardSide, setCardSide] = useState<"left" | "right">("right");
  const onPointerMove = useCallback((event: React.PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    setCardSide(event.clientX - rect.left > rect.width / 2 ? "left" : "right");
  }, []);

  const laidOut = useGraphLayout(view.request);
  const layout = laidOut.layout ?? EMPTY_LAYOUT;
  const overview = useMemo(() => (view.mode === "overview" ? overviewLayout(view.groups) : null), [view.mode, view.groups]);
  const bounds = overview ? { width: overview.width, height: overview.height } : { width: layout.width, height: layout.height };

  const nodeCache = useRef(new ObjectCache<TopologyNode>());
  const edgeCache = useRef(new ObjectCache<TopologyEdge>());
  const nodes = useMemo(
    () => buildNodes({ topology, view, layout, dragged, visible, highlight, selected, onOpenGroup }, nodeCache.current),
    [topology, view, layout, dragged, visible, highlight, selected, onOpenGroup],
  );
  const edges = useMemo(
    () => buildEdges({ topology, view, layout, visible, highlight }, edgeCache.current),
    [topology, view, layout, visible, highlight],
  );
  // What a search found: the clusters it names, else the clusters of the links it names.
  const found = useMemo(() => {
    if (!query.trim() || view.mode === "overview") return [];
    const named = topology.clusters.filter((c) => view.clusters.includes(c.name) && clusterMatches(c, query)).map((c) => c.name);
    return named.length ? named : view.clusters.filter((c) => visible.clusters.has(c));
  }, [query, view, visible, topology.clusters]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TopologyNode>[]) => {
      for (const change of changes) {
        if (change.type === "position" && change.position && view.mode === "all") move(change.id, change.position, !change.dragging);
      }
      const next = selectionFromChanges(changes, selected);
      if (next !== undefined && next !== selected) onSelect(next);
    },
    [move, onSelect, selected, view.mode],
  );
  const onEdgeClick: EdgeMouseHandler<TopologyEdge> = useCallback(
    (_event, edge) => {
      if (edge.data?.href) router.push(edge.data.href);
    },
    [router],
  );
  const onNodeEnter: NodeMouseHandler<TopologyNode> = useCallback((_e, node) => {
    if (node.type === "cluster") setHovered({ kind: "cluster", name: node.id });
  }, []);
  const onEdgeEnter: EdgeMouseHandler<TopologyEdge> = useCallback((_e, edge) => {
    if (edge.data) setHovered({ kind: "link", id: edge.data.link.id });
  }, []);
  const onLeave = useCallback(() => setHovered(null), []);
  // Keyboard users get the same summary when a card or a flow label takes the focus.
  const onFocus = useCallback((event: React.FocusEvent) => {
    const target = event.target as HTMLElement;
    const node = target.closest<HTMLElement>(".react-flow__node-cluster");
    const linkId = target.closest<HTMLElement>("[data-link-id]")?.dataset.linkId;
    if (node?.dataset.id) setHovered({ kind: "cluster", name: node.dataset.id });
    else if (linkId) setHovered({ kind: "link", id: linkId });
  }, []);

  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const height = canvasHeightFor(bounds, width);
  const canvas = useMemo(() => ({ width, height }), [width, height]);
  // Not the layout key: a label growing because its link stopped flowing lays the graph out again but keeps the view.
  const layoutKey = overview ? "overview" : shapeKeyOf(view.request);
  const focus = useMemo(() => boxAround(layout.positions, found), [layout.positions, found]);
  const resetKey = `${layoutKey}|${width}|${found.join(",")}`;

  return (
    <HoverContext.Provider value={setHovered}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/noNoninteractiveElementInteractions: not a control; it hears focus and pointer moves bubbling up from the graph's own node and link buttons to highlight what they touch */}
      <div
        ref={boxRef}
        className="ls-topology relative w-full"
        style={{ height }}
        onFocus={onFocus}
        onBlur={onLeave}
        onPointerMove={onPointerMove}
      >
        {!laidOut.ready ? (
          <p role="status" className="flex h-full items-center justify-center px-4 text-sm text-muted" data-testid="topology-laying-out">
            {laidOut.error
              ? `Could not lay the graph out: ${laidOut.error}. The table view lists the same links.`
              : `Laying out ${view.clusters.length} clusters and ${view.edges.filter((e) => e.carriesLabel).length} links…`}
          </p>
        ) : width > 0 ? (
          <ReactFlow<TopologyNode, TopologyEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgeClick={onEdgeClick}
            onNodeMouseEnter={onNodeEnter}
            onNodeMouseLeave={onLeave}
            onEdgeMouseEnter={onEdgeEnter}
            onEdgeMouseLeave={onLeave}
            defaultViewport={initialViewport(bounds, canvas, focus)}
            minZoom={0.1}
            maxZoom={2}
            colorMode="system"
            nodesConnectable={false}
            edgesFocusable={false}
            edgesReconnectable={false}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            selectNodesOnDrag={false}
            nodeDragThreshold={4}
            zoomOnDoubleClick={false}
            onlyRenderVisibleElements={nodes.length > 30}
            aria-label="Cluster link graph"
            ariaLabelConfig={{
              "node.a11yDescription.default":
                "Press Enter or Space to highlight what this cluster feeds and what feeds it; Escape clears. Arrow keys move a highlighted card.",
            }}
          >
            <Background variant={BackgroundVariant.Dots} gap={24} size={1} />
            <Controls
              showInteractive={false}
              position="bottom-right"
              fitViewOptions={{ padding: VIEW_PADDING / Math.max(1, width), maxZoom: 1 }}
            />
            <Panel position={cardSide === "right" ? "top-right" : "top-left"} style={{ pointerEvents: "none" }}>
              <HoverCard hovered={hovered} topology={topology} />
            </Panel>
            <ResetView resetKey={resetKey} bounds={bounds} canvas={canvas} focus={focus} />
          </ReactFlow>
        ) : null}
      </div>
    </HoverContext.Provider>
  );
}
