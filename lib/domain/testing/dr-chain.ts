import type { ClusterObservation, LinkHalfObservation } from "../types";
import { aCluster, aHalf, aMirror } from "./observations";

/**
 * The PRIMARY (private) → JUMP (public) → DR (private) walk-through of shared/seeds/002: primary-to-jump is
 * source-initiated (a DESTINATION/INBOUND half on jump plus a SOURCE/OUTBOUND half on primary), jump-to-dr is
 * the default destination-initiated link hosted on dr. One topic, my_test_topic, with 3 partitions.
 */
export const DR_CHAIN_IDS = {
  primary: "lkc-pr1m4r",
  jump: "lkc-jump01",
  dr: "lkc-dr0001",
  primaryToJump: "QyWLm8aWRqmGqVpiqXLOHA",
  jumpToDr: "b8Tq0ZyHQaKk3nJvX2Rw1g",
} as const;

export function drChainClusters(): ClusterObservation[] {
  return [
    aCluster("primary", { id: DR_CHAIN_IDS.primary, displayName: "PRIMARY", network: "private", region: "eu-west-1" }),
    aCluster("jump", { id: DR_CHAIN_IDS.jump, displayName: "JUMP", network: "public", region: "eu-west-1" }),
    aCluster("dr", { id: DR_CHAIN_IDS.dr, displayName: "DR", network: "private", region: "eu-central-1" }),
  ];
}

export function primaryToJumpDestinationHalf(overrides: Partial<LinkHalfObservation> = {}): LinkHalfObservation {
  return aHalf({
    cluster: "jump",
    linkName: "primary-to-jump",
    clusterLinkId: DR_CHAIN_IDS.primaryToJump,
    linkMode: "DESTINATION",
    connectionMode: "INBOUND",
    sourceClusterId: DR_CHAIN_IDS.primary,
    remoteClusterId: DR_CHAIN_IDS.primary,
    topicNames: ["my_test_topic"],
    mirrors: [aMirror("my_test_topic", { partitions: 3, maxLag: 5, totalLag: 9 })],
    // What `link describe` shows on jump in the walk-through, with the topic mirrored.
    categoryCounts: [
      { stateCategory: "UNKNOWN", count: 0 },
      { stateCategory: "IN_ERROR", count: 0 },
      { stateCategory: "ACTIVE", count: 3 },
      { stateCategory: "PAUSED", count: 0 },
      { stateCategory: "PENDING", count: 0 },
    ],
    ...overrides,
  });
}

export function primaryToJumpSourceHalf(overrides: Partial<LinkHalfObservation> = {}): LinkHalfObservation {
  return aHalf({
    cluster: "primary",
    linkName: "primary-to-jump",
    clusterLinkId: DR_CHAIN_IDS.primaryToJump,
    linkMode: "SOURCE",
    connectionMode: "OUTBOUND",
    destinationClusterId: DR_CHAIN_IDS.jump,
    remoteClusterId: DR_CHAIN_IDS.jump,
    topicNames: [],
    ...overrides,
  });
}

export function jumpToDrHalf(overrides: Partial<LinkHalfObservation> = {}): LinkHalfObservation {
  return aHalf({
    cluster: "dr",
    linkName: "jump-to-dr",
    clusterLinkId: DR_CHAIN_IDS.jumpToDr,
    linkMode: "DESTINATION",
    connectionMode: "OUTBOUND",
    sourceClusterId: DR_CHAIN_IDS.jump,
    remoteClusterId: DR_CHAIN_IDS.jump,
    topicNames: ["my_test_topic"],
    mirrors: [aMirror("my_test_topic", { partitions: 3, maxLag: 12, totalLag: 20 })],
    ...overrides,
  });
}

export function drChainHalves(): LinkHalfObservation[] {
  return [primaryToJumpSourceHalf(), primaryToJumpDestinationHalf(), jumpToDrHalf()];
}
