/*
 * Will the applications resume where they left off after a failover? Per link, per consumer group that reads any of
 * its mirrored topics on the source: the group's committed offsets there against the ones the link's offset sync
 * wrote on the destination (a mirror has its source's offsets, so they compare directly), and a verdict with the
 * sentence that explains it and says what to do. Pure: the server reads, this decides.
 */
import type { ConsumerGroupFailover, ConsumerGroupVerdict, GroupPartitionOffsets, OffsetSyncView } from "./consumer-group-types";
import { nameIncluded, parseGroupFilters } from "../links/topic-filters";
import { required } from "../required";

export const DEFAULT_OFFSET_SYNC_MS = 30_000;

/** A group's committed offset on one partition as the `lags` endpoint gives it. */
export interface CommittedOffset {
  topic: string;
  partition: number;
  currentOffset: number;
  logEndOffset: number;
}

/** One cluster's reading of one group: null offsets when they could not be read (with why). */
export interface GroupReading {
  group: string;
  offsets: readonly CommittedOffset[] | null;
  error: string | null;
  /** Members connected now; null when unknown. */
  activeMembers: number | null;
}

export interface MirroredTopicRef {
  /** The mirror's name on the destination. */
  mirror: string;
  source: string;
}

export interface ConsumerGroupsInput {
  destinationCluster: string;
  sourceCluster: string | null;
  offsetSync: OffsetSyncView;
  /** Applied to group names on the destination when consumer.group.prefix.enable is on. */
  groupPrefix: string | null;
  mirrors: readonly MirroredTopicRef[];
  /** The source's groups; null when the source could not be read (sourceError says why). */
  sourceGroups: readonly GroupReading[] | null;
  sourceError: string | null;
  /** The destination's groups by name; null when the destination could not be read. */
  destinationGroups: ReadonlyMap<string, GroupReading> | null;
  destinationError: string | null;
  /** How long each destination group's offsets have gone unchanged, as observed (see offsetsAge). */
  destinationAges: ReadonlyMap<string, { ageMs: number; atLeast: boolean }>;
}

/** The link's offset sync as its configs say. */
export function offsetSyncOf(configs: ReadonlyMap<string, string | null> | null): { sync: OffsetSyncView; groupPrefix: string | null } {
  if (!configs)
    return { sync: { enabled: null, intervalMs: DEFAULT_OFFSET_SYNC_MS, groupFilters: null, filtersProblem: null }, groupPrefix: null };
  const enabled = (configs.get("consumer.offset.sync.enable") ?? "false").toLowerCase() === "true";
  const ms = Number(configs.get("consumer.offset.sync.ms") ?? "");
  const filters = configs.get("consumer.offset.group.filters") ?? "";
  const parsed = parseGroupFilters(filters);
  const prefixOn = (configs.get("consumer.group.prefix.enable") ?? "false").toLowerCase() === "true";
  return {
    sync: {
      enabled,
      intervalMs: Number.isInteger(ms) && ms > 0 ? ms : DEFAULT_OFFSET_SYNC_MS,
      groupFilters: filters,
      filtersProblem: parsed.ok ? null : parsed.problem,
    },
    groupPrefix: prefixOn ? (configs.get("cluster.link.prefix") ?? null) || null : null,
  };
}

export function groupInFilter(sync: OffsetSyncView, group: string): boolean | null {
  if (sync.groupFilters === null) return null;
  const parsed = parseGroupFilters(sync.groupFilters);
  return parsed.ok ? nameIncluded(parsed.filters, group) : null;
}

function durationText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Why the destination has no offsets for a group, and what to do: the first cause that applies. */
function whyNoOffsets(input: ConsumerGroupsInput, inFilter: boolean | null, members: number | null, destGroup: string): string {
  const { offsetSync: sync, destinationCluster: dest } = input;
  const tail = `on ${dest} it would start from its auto.offset.reset policy`;
  if (members !== null && members > 0) {
    return `${count(members, "member is", "members are")} already connected to ${destGroup} on ${dest}, so the offset sync does not write it: stop them; until then, ${tail}.`;
  }
  if (sync.enabled === false) return `Consumer offset sync is off on this link, so ${tail}: enable consumer.offset.sync.enable.`;
  if (sync.enabled === null) return `Linkscope could not read this link's configs; the group has no offsets on ${dest}, so ${tail}.`;
  if (sync.filtersProblem)
    return `consumer.offset.group.filters does not parse (${sync.filtersProblem}), so nothing is synced and ${tail}: fix the filters.`;
  if (inFilter === false)
    return `The link's consumer.offset.group.filters leave this group out, so ${tail}: widen the filters to include it.`;
  return `Offset sync has not written this group on ${dest} yet, so ${tail}: wait one sync interval (${durationText(sync.intervalMs)}).`;
}

export function destinationGroupName(group: string, prefix: string | null): string {
  return prefix ? `${prefix}${group}` : group;
}

/** One group's verdict on one link. */
export function assessGroup(input: ConsumerGroupsInput, source: GroupReading | null, group: string): ConsumerGroupFailover | null {
  const bySource = new Map(input.mirrors.map((m) => [m.source, m.mirror]));
  const byMirror = new Map(input.mirrors.map((m) => [m.mirror, m.source]));
  const destGroup = destinationGroupName(group, input.groupPrefix);
  const dest = input.destinationGroups?.get(destGroup) ?? null;
  const inFilter = groupInFilter(input.offsetSync, group);
  const members = input.destinationGroups === null ? null : (dest?.activeMembers ?? 0);
  const age = input.destinationAges.get(destGroup) ?? null;

  const sourceRows = (source?.offsets ?? []).filter((o) => bySource.has(o.topic));
  const destRows = (dest?.offsets ?? []).filter((o) => byMirror.has(o.topic));
  const destAt = new Map(destRows.map((o) => [`${o.topic}\u0000${o.partition}`, o]));

  const partitions: GroupPartitionOffsets[] =
    source?.offsets != null
      ? sourceRows.map((o) => {
          const mirror = bySource.get(o.topic) ?? o.topic;
          const row = destAt.get(`${mirror}\u0000${o.partition}`);
          const d = row?.currentOffset ?? null;
          return {
            topic: mirror,
            sourceTopic: o.topic,
            partition: o.partition,
            sourceOffset: o.currentOffset,
            destinationOffset: d,
            behindMessages: d === null ? null : Math.max(0, o.currentOffset - d),
            mirrorEndOffset: row?.logEndOffset ?? null,
          };
        })
      : destRows.map((o) => ({
          topic: o.topic,
          sourceTopic: byMirror.get(o.topic) ?? o.topic,
          partition: o.partition,
          sourceOffset: null,
          destinationOffset: o.currentOffset,
          behindMessages: null,
          mirrorEndOffset: o.logEndOffset,
        }));
  if (partitions.length === 0) return null;
  partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const topics = [...new Set(partitions.map((p) => p.topic))];

  const base = {
    group,
    destinationGroup: destGroup,
    topics,
    inFilter,
    destinationOffsetsAgeMs: destRows.length > 0 && age ? age.ageMs : null,
    destinationOffsetsAgeAtLeast: destRows.length > 0 && age ? age.atLeast : false,
    activeMembersOnDestination: members,
    partitions,
  };
  const verdict = (v: ConsumerGroupVerdict, reason: string, behindMessages: number | null): ConsumerGroupFailover => ({
    ...base,
    verdict: v,
    reason,
    behindMessages,
  });
  const memberWarning =
    members !== null && members > 0
      ? ` ${count(members, "member is", "members are")} already connected to it on ${input.destinationCluster}: find out what reads there before failing over.`
      : "";

  if (input.destinationGroups === null) {
    return verdict(
      "unknown",
      `Linkscope could not read the consumer groups on ${input.destinationCluster} (${input.destinationError ?? "no answer"}), so it cannot say where this group would resume.`,
      null,
    );
  }
  if (source?.offsets == null) {
    const why = source?.error ?? input.sourceError ?? "no answer";
    const where = input.sourceCluster ?? "the source";
    return verdict(
      "unknown",
      `Linkscope could not read this group's offsets on ${where} (${why}); on ${input.destinationCluster} it has offsets for ${count(destRows.length, "partition")}, and it would resume from those, re-reading whatever it consumed after they were synced.${memberWarning}`,
      null,
    );
  }
  const missing = partitions.filter((p) => p.destinationOffset === null);
  if (missing.length === partitions.length) return verdict("resets", whyNoOffsets(input, inFilter, members, destGroup), null);
  if (missing.length > 0) {
    const first = required(missing[0], "the first missing group");
    return verdict(
      "resets",
      `${count(missing.length, "partition")} of ${partitions.length} (first ${first.topic}-${first.partition}) have no offsets on ${input.destinationCluster} and would start from the group's auto.offset.reset policy; ${whyNoOffsets(input, inFilter, members, destGroup)}`,
      null,
    );
  }
  // A committed offset past the mirror's end points at data the mirror never received: after a failover the consumer
  // gets OFFSET_OUT_OF_RANGE on that partition and falls back to its reset policy.
  const beyond = partitions.filter(
    (p) => p.destinationOffset !== null && p.mirrorEndOffset !== null && p.destinationOffset > p.mirrorEndOffset,
  );
  if (beyond.length > 0) {
    const lacking = beyond.reduce((s, p) => s + ((p.destinationOffset ?? 0) - (p.mirrorEndOffset ?? 0)), 0);
    const first = required(beyond[0], "the first group beyond");
    return verdict(
      "resets",
      `On ${count(beyond.length, "partition")} (first ${first.topic}-${first.partition}) the group's offsets on ${input.destinationCluster} are past the end of the mirror, which lacks ${count(lacking, "message")} the group already consumed on the source: after a failover those partitions start from the group's auto.offset.reset policy. Let the mirror catch up before failing over.${memberWarning}`,
      null,
    );
  }
  const behind = partitions.reduce((s, p) => s + (p.behindMessages ?? 0), 0);
  const ahead = partitions.filter((p) => (p.destinationOffset ?? 0) > (p.sourceOffset ?? 0)).length;
  const aheadNote =
    ahead > 0 ? ` On ${count(ahead, "partition")} the destination is ahead of the source: those messages would be skipped.` : "";
  const staleNote =
    age && input.offsetSync.enabled && age.ageMs > 2 * input.offsetSync.intervalMs && behind > 0
      ? ` The destination's offsets have not moved for ${age.atLeast ? "at least " : ""}${durationText(age.ageMs)}, more than two sync intervals (${durationText(input.offsetSync.intervalMs)}): check the ConsumerOffsetSync task.`
      : "";
  if (behind === 0) {
    return verdict(
      "resumes",
      `Resumes in place: the offsets on ${input.destinationCluster} match the source on every partition.${aheadNote}${memberWarning}`,
      0,
    );
  }
  return verdict(
    "rereads",
    `Re-reads ${count(behind, "message")} (what it consumed since the last sync; offsets sync every ${durationText(input.offsetSync.intervalMs)}), so the application must tolerate duplicates.${staleNote}${aheadNote}${memberWarning}`,
    behind,
  );
}

/**
 * Every group that reads a mirrored topic on the source (or, when the source cannot be read, every group with offsets for
 * a mirrored topic on the destination), worst verdict first.
 */
export function assessConsumerGroups(input: ConsumerGroupsInput): ConsumerGroupFailover[] {
  const out: ConsumerGroupFailover[] = [];
  if (input.sourceGroups) {
    for (const g of input.sourceGroups) {
      const r = assessGroup(input, g, g.group);
      if (r) out.push(r);
    }
  } else if (input.destinationGroups) {
    const prefix = input.groupPrefix ?? "";
    for (const d of input.destinationGroups.values()) {
      if (!d.group.startsWith(prefix)) continue;
      const r = assessGroup(input, null, d.group.slice(prefix.length));
      if (r) out.push(r);
    }
  }
  const rank: Record<ConsumerGroupVerdict, number> = { resets: 0, unknown: 1, rereads: 2, resumes: 3 };
  return out.sort(
    (a, b) =>
      Number((b.activeMembersOnDestination ?? 0) > 0) - Number((a.activeMembersOnDestination ?? 0) > 0) ||
      rank[a.verdict] - rank[b.verdict] ||
      (b.behindMessages ?? 0) - (a.behindMessages ?? 0) ||
      a.group.localeCompare(b.group),
  );
}

/** What Linkscope remembers of a destination group's offsets between readings, to tell how long they have not changed. */
export interface OffsetsObservation {
  signature: string;
  /** When the offsets were first seen with this signature. */
  sinceMs: number;
  /** True when `sinceMs` is simply when Linkscope first looked (they may have been like this for longer). */
  sinceFirstLook: boolean;
}

export function offsetsSignature(offsets: readonly CommittedOffset[]): string {
  return offsets
    .map((o) => `${o.topic}:${o.partition}=${o.currentOffset}`)
    .sort()
    .join(",");
}

/** The next observation after a reading at `nowMs`, and the offsets' age: unchanged since when Linkscope saw them change. */
export function observeOffsets(
  previous: OffsetsObservation | undefined,
  offsets: readonly CommittedOffset[],
  nowMs: number,
): { observation: OffsetsObservation; ageMs: number; atLeast: boolean } {
  const signature = offsetsSignature(offsets);
  const observation =
    previous === undefined
      ? { signature, sinceMs: nowMs, sinceFirstLook: true }
      : previous.signature === signature
        ? previous
        : { signature, sinceMs: nowMs, sinceFirstLook: false };
  return { observation, ageMs: Math.max(0, nowMs - observation.sinceMs), atLeast: observation.sinceFirstLook };
}

/** A source end offset per partition measured from consumer groups' lags: what the source had at `asOfMs`. */
export interface MeasuredEndOffsets {
  topic: string;
  asOfMs: number;
  /** Partition → the highest log_end_offset any group's lags reported. */
  endOffsets: ReadonlyMap<number, number>;
  /** The groups whose lags gave it. */
  groups: string[];
}

/**
 * For a stale mirror whose source topic is consumed on the source: the groups' `lags` carry the source's
 * `log_end_offset` per partition, a measured figure (as of when it was read) that can replace an estimate of data at
 * risk. Null when no group reading covers the topic.
 */
export function measuredSourceEndOffsets(
  readings: readonly GroupReading[],
  sourceTopic: string,
  asOfMs: number,
): MeasuredEndOffsets | null {
  const endOffsets = new Map<number, number>();
  const groups: string[] = [];
  for (const r of readings) {
    const rows = (r.offsets ?? []).filter((o) => o.topic === sourceTopic);
    if (rows.length === 0) continue;
    groups.push(r.group);
    for (const o of rows) endOffsets.set(o.partition, Math.max(endOffsets.get(o.partition) ?? 0, o.logEndOffset));
  }
  return groups.length === 0 ? null : { topic: sourceTopic, asOfMs, endOffsets, groups: groups.sort() };
}

/**
 * Messages the mirror does not have, measured: the source's end offset (from the groups' lags) minus the mirror's last
 * fetch offset, summed over partitions. `complete` is false when a partition of the mirror has no measurement (the
 * figure is then at least this); fetch offsets of −1 (never fetched) count from 0.
 */
export function measuredMessagesAtRisk(
  measured: MeasuredEndOffsets,
  mirrorFetchOffsets: ReadonlyArray<{ partition: number; lastSourceFetchOffset: number }>,
): { messages: number; complete: boolean; asOfMs: number } {
  let messages = 0;
  let complete = true;
  for (const p of mirrorFetchOffsets) {
    const end = measured.endOffsets.get(p.partition);
    if (end === undefined) {
      complete = false;
      continue;
    }
    messages += Math.max(0, end - Math.max(0, p.lastSourceFetchOffset));
  }
  return { messages, complete, asOfMs: measured.asOfMs };
}
