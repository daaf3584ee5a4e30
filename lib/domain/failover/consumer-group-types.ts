import { z } from "zod";

/*
 * What a failover does to the applications: per link, per consumer group reading its mirrored topics on the source,
 * whether the group would resume on the destination where it left off. Shared by the server (which computes it), the
 * HTTP API and the pages.
 */

export const CONSUMER_GROUP_VERDICTS = ["resumes", "rereads", "resets", "unknown"] as const;
export const ConsumerGroupVerdictSchema = z.enum(CONSUMER_GROUP_VERDICTS);
export type ConsumerGroupVerdict = z.infer<typeof ConsumerGroupVerdictSchema>;

export const GroupPartitionOffsetsSchema = z.object({
  /** The mirror topic (its name on the destination). */
  topic: z.string(),
  sourceTopic: z.string(),
  partition: z.number().int().nonnegative(),
  /** The group's committed offset on the source; null when the source could not be read. */
  sourceOffset: z.number().int().nullable(),
  /** The group's committed offset on the destination; null when the destination has none for this partition. */
  destinationOffset: z.number().int().nullable(),
  /** Messages the group would read again after a failover (source − destination, never negative); null when unknown. */
  behindMessages: z.number().int().nonnegative().nullable(),
  /** The mirror's log end offset on the destination (from the destination group's lags); null when not known. */
  mirrorEndOffset: z.number().int().nullable(),
});
export type GroupPartitionOffsets = z.infer<typeof GroupPartitionOffsetsSchema>;

export const ConsumerGroupFailoverSchema = z.object({
  group: z.string(),
  /** The group's name on the destination (the link's prefix applies with consumer.group.prefix.enable). */
  destinationGroup: z.string(),
  /** Mirror topics (destination names) the group reads on the source. */
  topics: z.array(z.string()),
  /** Whether consumer.offset.group.filters include the group; null when the filters cannot be read or parsed. */
  inFilter: z.boolean().nullable(),
  verdict: ConsumerGroupVerdictSchema,
  /** One sentence: why this verdict, and what to do about it. */
  reason: z.string(),
  /** Messages the group would read again, summed over partitions (at least this many); null when unknown. */
  behindMessages: z.number().int().nonnegative().nullable(),
  /** How long the destination's offsets have not changed, as Linkscope saw it; null when it has none or cannot say. */
  destinationOffsetsAgeMs: z.number().int().nonnegative().nullable(),
  /** True when Linkscope has watched the destination's offsets for less time than their age could be: the age is at least this. */
  destinationOffsetsAgeAtLeast: z.boolean(),
  /** Members connected to the group on the destination: before a failover, something already reads there. */
  activeMembersOnDestination: z.number().int().nonnegative().nullable(),
  partitions: z.array(GroupPartitionOffsetsSchema),
});
export type ConsumerGroupFailover = z.infer<typeof ConsumerGroupFailoverSchema>;

export const OffsetSyncViewSchema = z.object({
  /** consumer.offset.sync.enable; null when the link's configs could not be read. */
  enabled: z.boolean().nullable(),
  /** consumer.offset.sync.ms. */
  intervalMs: z.number().int().positive(),
  /** The raw consumer.offset.group.filters value ("" = no group). */
  groupFilters: z.string().nullable(),
  /** A sentence when the filters do not parse. */
  filtersProblem: z.string().nullable(),
});
export type OffsetSyncView = z.infer<typeof OffsetSyncViewSchema>;

/** GET /api/clusters/{cluster}/links/{link}/consumer-groups. */
export const LinkConsumerGroupsResponseSchema = z.object({
  /** When the groups were read (epoch ms); every figure is as of then. */
  asOf: z.number().int(),
  link: z.string(),
  sourceCluster: z.string().nullable(),
  destinationCluster: z.string(),
  offsetSync: OffsetSyncViewSchema,
  consumerGroups: z.array(ConsumerGroupFailoverSchema),
  /** Sentences about what could not be read (a cluster, a group); the rest is still shown. */
  notes: z.array(z.string()),
});
export type LinkConsumerGroupsResponse = z.infer<typeof LinkConsumerGroupsResponseSchema>;
