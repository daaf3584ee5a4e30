import type { ClusterNetwork, LinkKind } from "../types";

export interface KindRecommendation {
  kind: LinkKind;
  /** One sentence: why this kind, in terms of who can reach whom. */
  reason: string;
  /** Set when no kind can work as the zones stand (e.g. two private clusters in different networks). */
  warning: string | null;
}

/**
 * Which kind of link fits the clusters' network zones. The cluster that opens the connection must be able to reach
 * the other one: a private cluster accepts no connections from outside its network, so a private source is dialled
 * by nobody (the source must initiate), while a private destination can still dial a reachable source.
 */
export function recommendLinkKind(input: {
  source: ClusterNetwork | null;
  destination: ClusterNetwork | null;
  activeActive: boolean;
}): KindRecommendation {
  const { source, destination } = input;
  if (input.activeActive) {
    const bothReachable = source !== "private" && destination !== "private";
    return {
      kind: "bidirectional",
      reason:
        "Data moves both ways (active-active, or failback after a failover), so each cluster hosts a half and mirrors from the other.",
      warning: bothReachable
        ? null
        : "A bidirectional link dials in both directions: a private cluster must be reachable from the other one (same network or peering).",
    };
  }
  if (source === "private" && destination === "private") {
    return {
      kind: "source-initiated",
      reason: "The source is private, so the destination cannot dial it: the source opens the connection.",
      warning:
        "Both clusters are private: the source must still reach the destination (same network or peering). If it cannot, chain two links through a public cluster (private → public source-initiated, public → private destination-initiated).",
    };
  }
  if (source === "private") {
    return {
      kind: "source-initiated",
      reason:
        "The source is private and the destination cannot reach it, so the source opens the connection outwards (no inbound firewall holes in the source's network).",
      warning: null,
    };
  }
  if (destination === "private") {
    return {
      kind: "destination-initiated",
      reason:
        "The destination is private but can reach the public source, so it dials out and pulls the data: the default and simplest kind.",
      warning: null,
    };
  }
  return {
    kind: "destination-initiated",
    reason: "The destination can reach the source, so it dials out and pulls the data: the default and simplest kind.",
    warning: null,
  };
}

/** Who opens the connection and which way data moves, for the diagram. */
export function linkArrows(kind: LinkKind): {
  connections: Array<"to-source" | "to-destination">;
  flows: Array<"to-source" | "to-destination">;
} {
  switch (kind) {
    case "destination-initiated":
      return { connections: ["to-source"], flows: ["to-destination"] };
    case "source-initiated":
      return { connections: ["to-destination"], flows: ["to-destination"] };
    case "bidirectional":
      return { connections: ["to-source", "to-destination"], flows: ["to-destination", "to-source"] };
  }
}
