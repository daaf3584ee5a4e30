import { describeEdges, endsOf, type Edge, type LinkShape } from "./link-shape";

const W = 420;
const BOX_W = 120;
const LANE_H = 26;

interface Arrow {
  kind: "data" | "connection";
  leftToRight: boolean;
}

function arrowsOf(shape: LinkShape, left: string): Arrow[] {
  const toArrow = (kind: Arrow["kind"]) => (e: Edge) => ({ kind, leftToRight: e.from === left });
  return [...shape.flows.map(toArrow("data")), ...shape.connections.map(toArrow("connection"))];
}

/**
 * Two clusters and the arrows between them: solid arrows for the way data moves, dashed ones for who opens
 * the network connection. The two differ for source-initiated links, which is the point of drawing them.
 */
export function LinkFlowDiagram({ shape, highlight }: { shape: LinkShape; highlight?: string }) {
  const ends = endsOf(shape);
  if (!ends) return null;
  const [left, right] = ends;
  const arrows = arrowsOf(shape, left);
  const h = Math.max(72, arrows.length * LANE_H + 24);
  const x1 = BOX_W + 8;
  const x2 = W - BOX_W - 8;
  const text = `Data flows ${describeEdges(shape.flows)}. ${shape.connections.map((e) => `${e.from} opens the connection to ${e.to}`).join("; ")}.`;
  return (
    <figure className="m-0">
      <svg viewBox={`0 0 ${W} ${h}`} width="100%" style={{ maxWidth: W }} role="img" aria-label={text} className="block text-fg">
        <defs>
          <marker id="arrow-data" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="var(--accent)" />
          </marker>
          <marker id="arrow-conn" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="var(--muted)" />
          </marker>
        </defs>
        {[left, right].map((name, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the two boxes are the left and right ends; their position is their identity even when both name the same cluster
          <g key={`${name}-${i}`}>
            <rect
              x={i === 0 ? 1 : W - BOX_W - 1}
              y={1}
              width={BOX_W}
              height={h - 2}
              rx={8}
              fill="var(--surface-2)"
              stroke={name === highlight ? "var(--accent)" : "var(--border)"}
              strokeWidth={name === highlight ? 2 : 1}
            />
            <text x={i === 0 ? 1 + BOX_W / 2 : W - BOX_W / 2 - 1} y={h / 2 + 4} textAnchor="middle" fontSize="13" fontWeight="600" fill="var(--fg)">
              {name.length > 16 ? `${name.slice(0, 15)}…` : name}
            </text>
          </g>
        ))}
        {arrows.map((a, i) => {
          const y = 12 + LANE_H * i + LANE_H / 2 + (h - 24 - arrows.length * LANE_H) / 2;
          const data = a.kind === "data";
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the arrows are a fixed drawing per link shape, recomputed as a whole
            <g key={i}>
              <line
                x1={a.leftToRight ? x1 : x2}
                x2={a.leftToRight ? x2 : x1}
                y1={y}
                y2={y}
                stroke={data ? "var(--accent)" : "var(--muted)"}
                strokeWidth={data ? 2.5 : 1.5}
                strokeDasharray={data ? undefined : "5 4"}
                markerEnd={`url(#${data ? "arrow-data" : "arrow-conn"})`}
              />
              <text x={W / 2} y={y - 5} textAnchor="middle" fontSize="11" fill={data ? "var(--accent)" : "var(--muted)"}>
                {data ? "data" : "connection"}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        <span className="inline-flex items-center gap-1.5">
          <svg aria-hidden width="22" height="6">
            <line x1="0" y1="3" x2="22" y2="3" stroke="var(--accent)" strokeWidth="2.5" />
          </svg>
          data: {describeEdges(shape.flows)}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <svg aria-hidden width="22" height="6">
            <line x1="0" y1="3" x2="22" y2="3" stroke="var(--muted)" strokeWidth="1.5" strokeDasharray="5 4" />
          </svg>
          connection opened by: {describeEdges(shape.connections)}
        </span>
      </figcaption>
    </figure>
  );
}
