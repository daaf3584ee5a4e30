/**
 * The ConsumerOffsetSync task: every `consumer.offset.sync.ms` of simulated time, a link half that hosts mirrors copies
 * the committed offsets of the source cluster's groups that `consumer.offset.group.filters` include, for the topics it
 * mirrors, to the same group on its own cluster (prefixed when `consumer.group.prefix.enable`). Offsets are copied as
 * they are: a mirror has the source's offsets. As on Confluent Server, a group with members connected on the destination
 * is left alone (its own consumers own its offsets), a mirror that is no longer a mirror (promoted, failed over, failed)
 * gets no more offsets, and nothing is synced while the link cannot reach its source.
 */
import { groupOrNew, refreshGroup } from "./consumer-groups";
import { nameIncluded, parseGroupFilters } from "./filters";
import { PartitionLogs } from "./offsets";
import type { LinkHalf, TopicState } from "./types";
import type { World } from "./world";

function enabled(half: LinkHalf): boolean {
  return !half.deleted && half.mode !== "SOURCE" && half.configs.bool("consumer.offset.sync.enable");
}

/** (Re)starts the half's sync timer: the next sync is one interval after `at`. */
export function scheduleOffsetSync(world: World, half: LinkHalf, at: number): void {
  half.offsetSyncAt = null;
  if (!enabled(half)) return;
  const next = at + Math.max(1000, half.configs.int("consumer.offset.sync.ms"));
  half.offsetSyncAt = next;
  world.schedule(next, (when) => {
    if (half.offsetSyncAt !== next) return;
    runOffsetSync(world, half, when);
    scheduleOffsetSync(world, half, when);
  });
}

/** The destination group name a source group's offsets are written to. */
export function destinationGroupId(half: LinkHalf, groupId: string): string {
  const prefix = half.configs.get("cluster.link.prefix");
  return half.configs.bool("consumer.group.prefix.enable") && prefix ? `${prefix}${groupId}` : groupId;
}

/** One sync pass at `at`. Returns the ids of the destination groups written. */
export function runOffsetSync(world: World, half: LinkHalf, at: number): string[] {
  if (!enabled(half) || half.health.problem || half.configs.bool("cluster.link.paused") || !half.cluster.up) return [];
  const filters = parseGroupFilters(half.configs.get("consumer.offset.group.filters") ?? "");
  if (!filters.ok) return [];
  const remote = world.clusterById(half.remoteClusterId);
  if (!remote || !remote.up) return [];
  const mirrorsBySource = new Map<string, TopicState>();
  for (const t of half.mirrors.values()) {
    const status = t.mirror?.status;
    if (!t.deleted && t.mirror && status !== "STOPPED" && status !== "FAILED") mirrorsBySource.set(t.mirror.sourceTopicName, t);
  }
  const written: string[] = [];
  for (const group of remote.groups.values()) {
    if (!nameIncluded(filters.value, group.id)) continue;
    const targetId = destinationGroupId(half, group.id);
    const existing = half.cluster.groups.get(targetId);
    if (existing && existing.members.length > 0) continue;
    let wrote = false;
    for (const [topicName, log] of group.offsets) {
      const mirror = mirrorsBySource.get(topicName);
      if (!mirror) continue;
      const target = groupOrNew(half.cluster, targetId);
      target.offsets.get(mirror.name)?.setMode(at, { kind: "frozen" });
      target.offsets.set(mirror.name, new PartitionLogs(mirror.log.weights, at, log.endOffsets(at)));
      target.syncedAt.set(mirror.name, at);
      wrote = true;
    }
    if (wrote) {
      const target = half.cluster.groups.get(targetId);
      if (target) refreshGroup(target, at);
      written.push(targetId);
    }
  }
  return written;
}

export function installOffsetSync(world: World): void {
  world.onLinkChanged.push((half, at) => scheduleOffsetSync(world, half, at));
}
