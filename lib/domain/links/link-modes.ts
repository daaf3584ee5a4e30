import type { LinkHalfObservation } from "../types";

export const LINK_MODES = ["DESTINATION", "SOURCE", "BIDIRECTIONAL"] as const;
export type LinkMode = (typeof LINK_MODES)[number];

export const CONNECTION_MODES = ["OUTBOUND", "INBOUND"] as const;
export type ConnectionMode = (typeof CONNECTION_MODES)[number];

export function isKnownLinkMode(mode: string): mode is LinkMode {
  return (LINK_MODES as readonly string[]).includes(mode);
}

export function isKnownConnectionMode(mode: string): mode is ConnectionMode {
  return (CONNECTION_MODES as readonly string[]).includes(mode);
}

type HalfIds = Pick<LinkHalfObservation, "linkMode" | "sourceClusterId" | "destinationClusterId" | "remoteClusterId">;

/**
 * The mode a half behaves as. A mode this code does not know is guessed from the id the cluster filled in,
 * the same way Confluent decides which id to send on create (reference trap 12): a source id means a
 * destination half, a destination id a source half, only a remote id a bidirectional half.
 */
export function effectiveLinkMode(half: HalfIds): LinkMode {
  if (isKnownLinkMode(half.linkMode)) return half.linkMode;
  if (half.sourceClusterId) return "DESTINATION";
  if (half.destinationClusterId) return "SOURCE";
  if (half.remoteClusterId) return "BIDIRECTIONAL";
  return "DESTINATION";
}

/** Only an explicit INBOUND means "never dials out": OUTBOUND is the default and unknown values fall back to it. */
export function dialsOut(half: Pick<LinkHalfObservation, "connectionMode">): boolean {
  return half.connectionMode !== "INBOUND";
}

/**
 * The Kafka cluster id of the other end as this half reports it. `remote_cluster_id` is filled on every kind of
 * half by current Confluent versions, so it is the fallback when the mode-specific id is missing.
 */
export function remoteClusterIdOf(half: HalfIds): string | null {
  const pick = (...ids: (string | null)[]) => ids.find((id) => id !== null && id !== "") ?? null;
  switch (effectiveLinkMode(half)) {
    case "DESTINATION":
      return pick(half.sourceClusterId, half.remoteClusterId);
    case "SOURCE":
      return pick(half.destinationClusterId, half.remoteClusterId);
    case "BIDIRECTIONAL":
      return pick(half.remoteClusterId, half.sourceClusterId, half.destinationClusterId);
  }
}

/** Source halves never host mirrors (their `topic_names` is `[]`, reference trap 13); every other half can. */
export function hostsMirrors(half: HalfIds): boolean {
  return effectiveLinkMode(half) !== "SOURCE";
}
