/**
 * Consumer groups: committed offsets that advance as the members consume, and what the REST API shows of them.
 *
 * A consuming group's committed offsets are a PartitionLogs in fetch mode chasing the topic's end at the members'
 * consume rate, so they move with simulated time like everything else and nothing ticks per partition. A group
 * without members keeps its offsets where they were (state EMPTY). Groups a link's offset sync writes on the
 * destination are ordinary groups whose offsets are frozen between syncs (offset-sync.ts).
 */
import { badRequest, notFound } from "./errors";
import { PartitionLogs, spread } from "./offsets";
import type { ClusterState, ConsumerGroupState, GroupMember, TopicState } from "./types";

const GROUP_ID = /^[a-zA-Z0-9._-]{1,249}$/;
export const DEFAULT_CONSUME_RATE = 1000;

export function groupState(group: ConsumerGroupState): "STABLE" | "EMPTY" {
  return group.members.length > 0 ? "STABLE" : "EMPTY";
}

export function newGroup(cluster: ClusterState, id: string, consumeRate = DEFAULT_CONSUME_RATE): ConsumerGroupState {
  if (!GROUP_ID.test(id)) throw badRequest(`Consumer group id '${id}' is illegal: use ASCII alphanumerics, '.', '_' and '-' (1 to 249 characters).`);
  return {
    cluster,
    id,
    members: [],
    partitionAssignor: "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
    consumeRate,
    offsets: new Map(),
    syncedAt: new Map(),
    memberSerial: 0,
  };
}

/** Put every topic's committed offsets into the mode the group calls for: chasing while members consume, else frozen. */
export function refreshGroup(group: ConsumerGroupState, at: number): void {
  for (const [topicName, log] of group.offsets) {
    const topic = group.cluster.topics.get(topicName);
    const consuming = group.members.length > 0 && group.cluster.up && topic !== undefined && !topic.deleted;
    log.setMode(at, consuming && topic ? { kind: "fetch", source: topic.log, capPerPartitionPerSec: group.consumeRate } : { kind: "frozen" });
  }
}

export function addMember(group: ConsumerGroupState, at: number, clientId?: string): GroupMember {
  const n = ++group.memberSerial;
  const member: GroupMember = {
    consumerId: `${clientId ?? group.id}-${n}-${hex(group.id, n)}`,
    clientId: clientId ?? `${group.id}-client`,
    instanceId: null,
  };
  group.members.push(member);
  refreshGroup(group, at);
  return member;
}

export function removeMembers(group: ConsumerGroupState, at: number): void {
  group.members = [];
  refreshGroup(group, at);
}

function hex(id: string, n: number): string {
  let h = 0x811c9dc5 ^ n;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** A group of the applications, committed `lag` messages behind each topic's end at `at` (spread over partitions). */
export function addConsumingGroup(
  cluster: ClusterState,
  spec: { id: string; topics: readonly string[]; lag?: number; consumeRate?: number; members?: number },
  at: number,
): ConsumerGroupState {
  if (cluster.groups.has(spec.id)) throw badRequest(`Consumer group '${spec.id}' already exists on ${cluster.name}.`);
  const group = newGroup(cluster, spec.id, spec.consumeRate);
  for (const name of spec.topics) {
    const topic = cluster.topics.get(name);
    if (!topic || topic.deleted) throw notFound(`Cluster ${cluster.name} has no topic ${name} for consumer group ${spec.id}.`);
    const behind = spread(spec.lag ?? 0, topic.log.weights);
    const committed = topic.log.endOffsets(at).map((o, p) => Math.max(0, o - (behind[p] ?? 0)));
    group.offsets.set(name, new PartitionLogs(topic.log.weights, at, committed));
  }
  cluster.groups.set(group.id, group);
  for (let i = 0; i < (spec.members ?? 1); i++) addMember(group, at);
  refreshGroup(group, at);
  return group;
}

export function getGroup(cluster: ClusterState, id: string): ConsumerGroupState {
  const g = cluster.groups.get(id);
  if (!g) throw notFound(`Consumer Group ${id} could not be found.`, 404);
  return g;
}

/** The group on `cluster` with this id, created (empty, not consuming) when absent. */
export function groupOrNew(cluster: ClusterState, id: string): ConsumerGroupState {
  let g = cluster.groups.get(id);
  if (!g) {
    g = newGroup(cluster, id);
    cluster.groups.set(id, g);
  }
  return g;
}

export interface GroupLagRow {
  topic: string;
  partition: number;
  currentOffset: number;
  logEndOffset: number;
  lag: number;
  member: GroupMember | null;
}

/** Per topic-partition committed offset, log end offset and lag, partitions handed round-robin to the members. */
export function groupLags(group: ConsumerGroupState, now: number): GroupLagRow[] {
  const rows: GroupLagRow[] = [];
  let i = 0;
  for (const topicName of [...group.offsets.keys()].sort()) {
    const committed = group.offsets.get(topicName)?.endOffsets(now) ?? [];
    const topic: TopicState | undefined = group.cluster.topics.get(topicName);
    const end = topic && !topic.deleted ? topic.log.endOffsets(now) : committed;
    committed.forEach((c, p) => {
      const logEnd = Math.max(end[p] ?? c, 0);
      rows.push({
        topic: topicName,
        partition: p,
        currentOffset: c,
        logEndOffset: logEnd,
        lag: Math.max(0, logEnd - c),
        member: group.members.length > 0 ? (group.members[i++ % group.members.length] ?? null) : null,
      });
    });
  }
  return rows;
}
