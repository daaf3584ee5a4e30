import "server-only";
import type { ConfluentClient } from "@/lib/confluent/client";
import { ConfluentError } from "@/lib/confluent/errors";
import type { LinkConsumerGroupsResponse } from "@/lib/domain/failover/consumer-group-types";
import {
  assessConsumerGroups,
  observeOffsets,
  offsetSyncOf,
  type GroupReading,
  type OffsetsObservation,
} from "@/lib/domain/failover/consumer-groups";
import { createCoalescingCache, type CoalescingCache } from "./coalescing-cache";
import { getConfig } from "./config";
import { clientFor, configuredCluster } from "./confluent-clients";
import { cacheTtlMs } from "./fleet/fleet-service";
import { ApiError } from "./http/api-error";
import { apiErrorFromConfluent } from "./http/confluent-error-to-api";
import { getLinkDetail, listLinkMirrors } from "./links-service";

/*
 * Consumer groups are read on demand (a link's page, the runbook), never by the fleet refresh: one cluster's groups and
 * their lags are read once per poll interval however many links, pages and viewers ask, and shared between the links
 * that cluster is the source or destination of.
 */

export interface ClusterGroupsReading {
  readAtMs: number;
  groups: GroupReading[];
  /** Rows or groups the cluster answered with that could not be read. */
  notes: string[];
}

/** Groups with no members and no committed offsets say nothing about a failover. */
const SKIPPED_STATES = new Set(["DEAD"]);

function sentenceOf(err: unknown, clusterName: string): string {
  if (err instanceof ConfluentError) return apiErrorFromConfluent(err, clusterName).message;
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

async function readClusterGroups(client: ConfluentClient, clusterName: string): Promise<ClusterGroupsReading> {
  const readAtMs = Date.now();
  const list = await client.consumerGroups.list();
  const notes: string[] = [];
  if (list.skipped > 0) notes.push(`${clusterName} listed ${list.skipped} consumer group(s) Linkscope could not read; they are left out.`);
  const groups = await Promise.all(
    list.items
      .filter((g) => !SKIPPED_STATES.has(g.state))
      .map(async (g): Promise<GroupReading> => {
        const id = g.consumerGroupId;
        const [lags, consumers] = await Promise.allSettled([
          client.consumerGroups.lags(id),
          g.state === "EMPTY" ? Promise.resolve({ items: [], skipped: 0 }) : client.consumerGroups.consumers(id),
        ]);
        if (lags.status === "rejected") {
          const error = sentenceOf(lags.reason, clusterName);
          notes.push(`The offsets of ${id} on ${clusterName} could not be read: ${error}`);
          return { group: id, offsets: null, error, activeMembers: consumers.status === "fulfilled" ? consumers.value.items.length : null };
        }
        if (lags.value.skipped > 0)
          notes.push(`${lags.value.skipped} partition(s) of ${id} on ${clusterName} could not be read and are left out.`);
        const offsets = lags.value.items.map((l) => ({
          topic: l.topicName,
          partition: l.partitionId,
          currentOffset: l.currentOffset,
          logEndOffset: l.logEndOffset,
        }));
        return { group: id, offsets, error: null, activeMembers: consumers.status === "fulfilled" ? consumers.value.items.length : null };
      }),
  );
  return { readAtMs, groups, notes };
}

let cache: CoalescingCache<ClusterGroupsReading> | undefined;
/** Per destination cluster and group: when its offsets were last seen to change. */
const observations = new Map<string, OffsetsObservation>();
const ages = new WeakMap<ClusterGroupsReading, Map<string, { ageMs: number; atLeast: boolean }>>();

function groupsCache(): CoalescingCache<ClusterGroupsReading> {
  cache ??= createCoalescingCache<ClusterGroupsReading>({ ttlMs: cacheTtlMs(getConfig().pollIntervalSeconds) });
  return cache;
}

/** Forget cached group readings (all, or one cluster's): the next request reads again. */
export function invalidateConsumerGroups(clusterName?: string): void {
  cache?.invalidate(clusterName ?? "");
}

/** A cluster's groups and their offsets, at most one poll interval old. */
export async function clusterGroups(clusterName: string): Promise<ClusterGroupsReading> {
  const cluster = configuredCluster(clusterName);
  if (!cluster) throw new ApiError("not-found", `No cluster named "${clusterName}" is configured.`);
  return groupsCache().get(clusterName, async () => {
    const reading = await readClusterGroups(clientFor(cluster), clusterName);
    // Observed once per reading (not per request), so the age is measured between real readings.
    const byGroup = new Map<string, { ageMs: number; atLeast: boolean }>();
    for (const g of reading.groups) {
      if (!g.offsets) continue;
      const key = `${clusterName}\u0000${g.group}`;
      const seen = observeOffsets(observations.get(key), g.offsets, reading.readAtMs);
      observations.set(key, seen.observation);
      byGroup.set(g.group, { ageMs: seen.ageMs, atLeast: seen.atLeast });
    }
    ages.set(reading, byGroup);
    return reading;
  });
}

async function settle(clusterName: string): Promise<{ reading: ClusterGroupsReading | null; error: string | null }> {
  try {
    return { reading: await clusterGroups(clusterName), error: null };
  } catch (err) {
    return { reading: null, error: sentenceOf(err, clusterName) };
  }
}

/** GET /api/clusters/{cluster}/links/{link}/consumer-groups: the link's groups and whether each would resume after a failover. */
export async function linkConsumerGroups(clusterName: string, linkName: string): Promise<LinkConsumerGroupsResponse> {
  const detail = await getLinkDetail(clusterName, linkName);
  if (detail.linkMode === "SOURCE") {
    const where = detail.remoteCluster ? ` on ${detail.remoteCluster}` : "";
    throw new ApiError(
      "invalid-request",
      `${clusterName} hosts the source half of ${linkName}: its mirrors, offset sync and synced groups live on the destination half${where}; ask for that half's consumer groups.`,
    );
  }
  const { mirrors } = await listLinkMirrors(clusterName, linkName, {});
  // A link always lists its configs (the defaults included); none means they could not be read.
  const configs = detail.configs.length > 0 ? new Map(detail.configs.map((c) => [c.name, c.value])) : null;
  const { sync, groupPrefix } = offsetSyncOf(configs);
  const sourceName = detail.remoteCluster;
  const sourceConfigured = sourceName !== null && configuredCluster(sourceName) !== undefined;

  const [source, destination] = await Promise.all([
    sourceConfigured
      ? settle(sourceName)
      : Promise.resolve({ reading: null, error: `the source cluster ${sourceName ?? "(unknown)"} is not configured in Linkscope` }),
    settle(clusterName),
  ]);
  const destinationAges = destination.reading ? (ages.get(destination.reading) ?? new Map()) : new Map();
  const consumerGroups = assessConsumerGroups({
    destinationCluster: clusterName,
    sourceCluster: sourceName,
    offsetSync: sync,
    groupPrefix,
    mirrors: mirrors.map((m) => ({ mirror: m.name, source: m.sourceTopic })),
    sourceGroups: source.reading?.groups ?? null,
    sourceError: source.error,
    destinationGroups: destination.reading ? new Map(destination.reading.groups.map((g) => [g.group, g])) : null,
    destinationError: destination.error,
    destinationAges,
  });
  const notes = [
    ...(source.error ? [`The consumer groups on ${sourceName ?? "the source"} could not be read: ${source.error}`] : []),
    ...(destination.error ? [`The consumer groups on ${clusterName} could not be read: ${destination.error}`] : []),
    ...(source.reading?.notes ?? []),
    ...(destination.reading?.notes ?? []),
  ];
  const readAts = [source.reading?.readAtMs, destination.reading?.readAtMs].filter((t): t is number => t !== undefined);
  return {
    asOf: readAts.length > 0 ? Math.min(...readAts) : Date.now(),
    link: linkName,
    sourceCluster: sourceName,
    destinationCluster: clusterName,
    offsetSync: sync,
    consumerGroups,
    notes,
  };
}
