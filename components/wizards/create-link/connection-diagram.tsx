import { linkArrows } from "@/lib/domain/links/link-recommendation";
import type { LinkKind } from "@/lib/domain/types";

/**
 * Two clusters with which way the data moves (solid arrow) and who opens the connection (dashed arrow), as on the
 * topology and link pages: the two directions a source-initiated link pulls apart.
 */
export function ConnectionDiagram({ kind, source, destination }: { kind: LinkKind; source: string; destination: string }) {
  const { connections, flows } = linkArrows(kind);
  const describe = `${kind === "bidirectional" ? `${source} and ${destination} each host a half and mirror from the other. ` : ""}${connections.map((c) => (c === "to-source" ? `${destination} connects to ${source}` : `${source} connects to ${destination}`)).join("; ")}. Data flows ${flows
    .map((f) => (f === "to-destination" ? `${source} to ${destination}` : `${destination} to ${source}`))
    .join(" and ")}.`;
  const arrow = (y: number, toRight: boolean, isFlow: boolean, label: string, key: string) => (
    <g key={key}>
      <line
        x1={toRight ? 170 : 430}
        x2={toRight ? 422 : 178}
        y1={y}
        y2={y}
        strokeWidth={isFlow ? 2.5 : 2}
        strokeDasharray={isFlow ? undefined : "7 5"}
        className={isFlow ? "stroke-ok" : "stroke-accent"}
        markerEnd={`url(#${isFlow ? "flow" : "conn"}-head)`}
      />
      <text x={300} y={y - 7} textAnchor="middle" className={isFlow ? "fill-ok text-[11px]" : "fill-accent text-[11px]"}>
        {label}
      </text>
    </g>
  );
  const rows = [
    ...flows.map((f, i) => ({ toRight: f === "to-destination", isFlow: true, label: "data flows", key: `f${i}` })),
    ...connections.map((c, i) => ({ toRight: c === "to-destination", isFlow: false, label: "opens the connection", key: `c${i}` })),
  ];
  const top = 95 - (rows.length - 1) * 17;
  return (
    <figure className="rounded-md border border-border bg-surface-2 p-3">
      <svg viewBox="0 0 600 190" role="img" aria-label={describe} className="w-full max-w-xl">
        <defs>
          <marker id="conn-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="fill-accent" />
          </marker>
          <marker id="flow-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="fill-ok" />
          </marker>
        </defs>
        {[
          // Each end of a bidirectional link is both a source and a destination: say what each one hosts instead.
          { x: 20, title: kind === "bidirectional" ? "hosts a half" : "Source", name: source },
          { x: 430, title: kind === "bidirectional" ? "hosts a half" : "Destination", name: destination },
        ].map((b) => (
          <g key={b.x}>
            <rect x={b.x} y={35} width={150} height={120} rx={10} className="fill-surface stroke-border" strokeWidth={1.5} />
            <text x={b.x + 75} y={85} textAnchor="middle" className="fill-muted text-[12px]">
              {b.title}
            </text>
            <text x={b.x + 75} y={108} textAnchor="middle" className="fill-fg text-[15px] font-semibold">
              {b.name}
            </text>
          </g>
        ))}
        {rows.map((r, i) => arrow(top + i * 34, r.toRight, r.isFlow, r.label, r.key))}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 text-xs text-muted">
        <span>
          <span aria-hidden className="mr-1 text-ok">
            ⟶
          </span>
          which way mirrored data moves
        </span>
        <span>
          <span aria-hidden className="mr-1 text-accent">
            ⇢
          </span>
          who opens the network connection
        </span>
      </figcaption>
    </figure>
  );
}
