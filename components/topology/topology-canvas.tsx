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
import { ClusterNode, ZoneNode } from "./cluster-node";
import { ConnectionEdge } from "./connection-edge";
import { FlowEdge } from "./flow-edge";
import type { TopologyEdge, TopologyNode } from "./graph-types";
import { HoverCard, HoverContext, type Hovered } from "./hover-card";
import { buildEdgeSpecs } from "./model/edges";
import type { FilterResult } from "./model/filter";
import { highlightOf } from "./model/highlight";
import { computeLayout, layoutBounds, layoutKeyOf } from "./model/layout";
import { ObjectCache } from "./model/object-cache";
import type { DraggedPositions } from "./use-dragged-positions";

const FIT_VIEW = { padding: 0.04, maxZoom: 1 } as const;

/** The canvas height that shows the whole laid-out graph at the zoom its width allows (between bounds). */
export function canvasHeightFor(bounds: { width: number; height: number }, containerWidth: number): number {
  if (bounds.width <= 0 || containerWidth <= 0) return 480;
  const scale = Math.min(1, (containerWidth * (1 - 2 * FIT_VIEW.padding)) / bounds.width);
  return Math.round(Math.min(900, Math.max(360, (bounds.height * scale) / (1 - 2 * FIT_VIEW.padding))));
}

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

/** Fits the view again when the layout itself changes (a cluster or flow appeared or left), never on a poll. */
function RefitOnLayoutChange({ layoutKey, height }: { layoutKey: string; height: number }) {
  const { fitView } = useReactFlow();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutKey and height are what trigger a refit; the effect does not read them
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = requestAnimationFrame(() => void fitView(FIT_VIEW));
    return () => cancelAnimationFrame(id);
  }, [layoutKey, height, fitView]);
  return null;
}

const nodeTypes: NodeTypes = { cluster: ClusterNode, zone: ZoneNode };
const edgeTypes: EdgeTypes = { flow: FlowEdge, connection: ConnectionEdge };

export interface TopologyCanvasProps {
  topology: Topology;
  visible: FilterResult;
  selected: string | null;
  onSelect: (cluster: string | null) => void;
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
 * The live graph. Layout runs only when clusters, zones or flow pairs change (never for a poll that only moves
 * numbers); dragged cards keep their place; nodes and edges are rebuilt from caches, so a poll re-renders only
 * the cards and arrows whose data changed.
 */
export function TopologyCanvas({ topology, visible, selected, onSelect, dragged, onMove: move }: TopologyCanvasProps) {
  const router = useRouter();
  const [hovered, setHovered] = useState<Hovered>(null);
  // The summary goes to the corner away from the pointer, so it never covers what it describes.
  const [cardSide, setCardSide] = useState<"left" | "right">("right");
  const onPointerMove = useCallback((event: React.PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    setCardSide(event.clientX - rect.left > rect.width / 2 ? "left" : "right");
  }, []);

  const layoutKey = layoutKeyOf(topology.clusters, topology.links);
  const topologyRef = useRef(topology);
  topologyRef.current = topology;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout key captures everything the layout reads, so a poll with the same shape keeps the layout
  const layout = useMemo(() => computeLayout(topologyRef.current.clusters, topologyRef.current.links), [layoutKey]);

  const highlight = useMemo(() => highlightOf(topology, selected), [topology, selected]);
  const clusterNames = useMemo(() => new Set(topology.clusters.map((c) => c.name)), [topology.clusters]);
  const specs = useMemo(() => buildEdgeSpecs(topology.links, clusterNames), [topology.links, clusterNames]);

  const nodeCache = useRef(new ObjectCache<TopologyNode>());
  const edgeCache = useRef(new ObjectCache<TopologyEdge>());
  const nodes = useMemo(
    () => buildNodes({ topology, layout, dragged, visible, highlight, selected }, nodeCache.current),
    [topology, layout, dragged, visible, highlight, selected],
  );
  const edges = useMemo(() => buildEdges(specs, { topology, visible, highlight }, edgeCache.current), [specs, topology, visible, highlight]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TopologyNode>[]) => {
      for (const change of changes) {
        if (change.type === "position" && change.position && !change.id.startsWith("zone:")) move(change.id, change.position, !change.dragging);
      }
      const next = selectionFromChanges(changes, selected);
      if (next !== undefined && next !== selected) onSelect(next);
    },
    [move, onSelect, selected],
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
  const height = canvasHeightFor(layoutBounds(layout), width);

  return (
    <HoverContext.Provider value={setHovered}>
    {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/noNoninteractiveElementInteractions: not a control; it hears focus and pointer moves bubbling up from the graph's own node and link buttons to highlight what they touch */}
    <div ref={boxRef} className="ls-topology relative w-full" style={{ height }} onFocus={onFocus} onBlur={onLeave} onPointerMove={onPointerMove}>
      {width > 0 ? (
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
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.15}
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
        onlyRenderVisibleElements={topology.clusters.length > 30}
        aria-label="Cluster link graph"
        ariaLabelConfig={{
          "node.a11yDescription.default": "Press Enter or Space to highlight what this cluster feeds and what feeds it; Escape clears. Arrow keys move a highlighted card.",
        }}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-right" fitViewOptions={FIT_VIEW} />
        <Panel position={cardSide === "right" ? "top-right" : "top-left"} style={{ pointerEvents: "none" }}>
          <HoverCard hovered={hovered} topology={topology} />
        </Panel>
        <RefitOnLayoutChange layoutKey={layoutKey} height={height} />
      </ReactFlow>
      ) : null}
    </div>
    </HoverContext.Provider>
  );
}
