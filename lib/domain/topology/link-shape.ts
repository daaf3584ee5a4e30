import { compareStrings } from "../compare";
import type { PairedLink } from "./link-pairing";
import { dialsOut } from "../links/link-modes";
import type { ClusterEdge, LinkKind } from "../types";

/** Where a link sits in the graph: its kind, its ends, who dials whom, and which way data moves. */
export interface LinkShape {
  kind: LinkKind;
  source: string | null;
  destination: string | null;
  connections: ClusterEdge[];
  flows: ClusterEdge[];
}

function edges(...pairs: [string | null, string | null][]): ClusterEdge[] {
  const out: ClusterEdge[] = [];
  for (const [from, to] of pairs) if (from !== null && to !== null) out.push({ from, to });
  return out;
}

/**
 * The table of shared/spec/http-api.md, read from the main half (cluster C, other end R):
 * - DESTINATION + OUTBOUND: destination-initiated, connection C → R, flow R → C.
 * - DESTINATION + INBOUND: source-initiated, connection R → C, flow R → C.
 * - SOURCE (+ OUTBOUND): source-initiated, connection C → R, flow C → R.
 * - BIDIRECTIONAL: connection from each side that dials out, flows both ways.
 */
export function shapeOf(link: PairedLink): LinkShape {
  const here = link.main.cluster;
  const there = link.remote;
  switch (link.mainMode) {
    case "DESTINATION":
      return dialsOut(link.main)
        ? {
            kind: "destination-initiated",
            source: there,
            destination: here,
            connections: edges([here, there]),
            flows: edges([there, here]),
          }
        : {
            kind: "source-initiated",
            source: there,
            destination: here,
            connections: edges([there, here]),
            flows: edges([there, here]),
          };
    case "SOURCE":
      return {
        kind: "source-initiated",
        source: here,
        destination: there,
        connections: edges([here, there]),
        flows: edges([here, there]),
      };
    case "BIDIRECTIONAL":
      return bidirectionalShape(link);
  }
}

function bidirectionalShape(link: PairedLink): LinkShape {
  const here = link.main.cluster;
  const there = link.remote;
  // Without the remote half in sight, an INBOUND half still tells us the remote must be the one dialling.
  const thereDialsOut = link.partner !== null ? dialsOut(link.partner) : !dialsOut(link.main);
  const connections = [...(dialsOut(link.main) ? edges([here, there]) : []), ...(thereDialsOut ? edges([there, here]) : [])].sort((a, b) =>
    compareStrings(a.from, b.from),
  );

  if (there === null) return { kind: "bidirectional", source: here, destination: null, connections, flows: [] };
  const [first, second] = compareStrings(here, there) <= 0 ? [here, there] : [there, here];
  return {
    kind: "bidirectional",
    source: first,
    destination: second,
    connections,
    flows: edges([first, second], [second, first]),
  };
}
