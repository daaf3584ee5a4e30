import type { LinkKind } from "@/lib/domain/types";

export interface Edge {
  from: string;
  to: string;
}

export interface LinkShape {
  kind: LinkKind | null;
  /** Who opens the network connection. */
  connections: Edge[];
  /** Which way mirrored data moves. */
  flows: Edge[];
}

/**
 * The link's shape as one half sees it, per the table in shared/spec/http-api.md. Used when the fleet topology
 * (which pairs both halves) is not available, so the diagram still says who dials whom.
 */
export function linkShapeFromHalf(half: {
  cluster: string;
  linkMode: string;
  connectionMode: string;
  remoteCluster: string | null;
}): LinkShape {
  const here = half.cluster;
  const there = half.remoteCluster ?? "remote cluster";
  const inbound = half.connectionMode === "INBOUND";
  switch (half.linkMode) {
    case "SOURCE":
      return { kind: "source-initiated", connections: [{ from: here, to: there }], flows: [{ from: here, to: there }] };
    case "BIDIRECTIONAL":
      return {
        kind: "bidirectional",
        connections: [inbound ? { from: there, to: here } : { from: here, to: there }],
        flows: [
          { from: there, to: here },
          { from: here, to: there },
        ],
      };
    default:
      return inbound
        ? { kind: "source-initiated", connections: [{ from: there, to: here }], flows: [{ from: there, to: here }] }
        : { kind: "destination-initiated", connections: [{ from: here, to: there }], flows: [{ from: there, to: here }] };
  }
}

export const KIND_LABEL: Record<LinkKind, string> = {
  "destination-initiated": "Destination-initiated",
  "source-initiated": "Source-initiated",
  bidirectional: "Bidirectional",
};

export const KIND_MEANING: Record<LinkKind, string> = {
  "destination-initiated": "The destination cluster dials the source and pulls data.",
  "source-initiated":
    "The source cluster dials the destination (useful when the source sits behind a firewall); data still flows source → destination. The link exists as two halves with the same name.",
  bidirectional: "Each cluster can mirror topics from the other; both halves share the link name.",
};

/** "primary → jump, jump → primary" in a sentence. */
export function describeEdges(edges: readonly Edge[]): string {
  return edges.map((e) => `${e.from} → ${e.to}`).join(" and ");
}

/** The two ends to draw, left to right: the first flow's source on the left. */
export function endsOf(shape: LinkShape): [string, string] | null {
  const first = shape.flows[0] ?? shape.connections[0];
  return first ? [first.from, first.to] : null;
}
