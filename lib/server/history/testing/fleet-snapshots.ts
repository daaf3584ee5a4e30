import type { MirrorTopic } from "@/lib/confluent/types";
import { NO_MIRROR_LAGS } from "@/lib/server/fleet/lag-tracker";
import { MirrorIndex } from "@/lib/server/fleet/mirror-index";
import { aCluster, aHalf } from "@/lib/domain/testing/observations";
import type { ClusterObservation, LinkHalfObservation, Topology } from "@/lib/domain/types";
import type { FleetSnapshot } from "../../fleet/fleet-service";
import type { ClusterReading } from "../../fleet/read-cluster";

/** Test builders for fleet snapshots as the sampler sees them. */

export function aMirrorTopic(linkName: string, name: string, lags: number[], offsetBase = 1000): MirrorTopic {
  return {
    linkName,
    mirrorTopicName: name,
    sourceTopicName: name,
    numPartitions: lags.length,
    mirrorStatus: "ACTIVE",
    mirrorTopicError: null,
    stateTimeMs: 0,
    lags: lags.map((lag, partition) => ({ partition, lag, lastSourceFetchOffset: offsetBase + partition })),
    stateTransitionErrors: null,
  };
}

export function aReading(
  observation: ClusterObservation,
  halves: Array<Partial<LinkHalfObservation> & Pick<LinkHalfObservation, "linkName">>,
  mirrors: MirrorTopic[] | null,
): ClusterReading {
  return {
    observation,
    halves: halves.map((h) => aHalf({ cluster: observation.name, ...h })),
    links: new Map(),
    mirrors,
  };
}

export function aSnapshot(generatedAt: number, readings: ClusterReading[]): FleetSnapshot {
  const topology: Topology = {
    generatedAt: new Date(generatedAt).toISOString(),
    asOf: generatedAt,
    clusters: [],
    links: [],
    coverage: { hostingHalves: 0, unreadHalves: 0, staleHalves: 0, unreadClusters: 0 },
  };
  return {
    readings: new Map(readings.map((r) => [r.observation.name, r])),
    topology,
    readAt: generatedAt,
    mirrorFlows: new MirrorIndex(),
    mirrorLags: NO_MIRROR_LAGS,
  };
}

export { aCluster };
