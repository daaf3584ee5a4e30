import { z } from "zod";
import { LinkKindSchema, LinkTaskSchema, PartitionStatesSchema, PartitionStatesSourceSchema, ProblemSchema } from "@/lib/domain/types";

/** When the figures of an answer were true (epoch ms): the start of the reading they come from. */
export const AsOfSchema = z.number().int().nonnegative();

/** One link half as GET /api/clusters/{cluster}/links lists it. */
export const LinkHalfSummarySchema = z.object({
  /** The topology link id (`name@clusterLinkId`). */
  id: z.string(),
  name: z.string(),
  clusterLinkId: z.string(),
  cluster: z.string(),
  kind: LinkKindSchema.nullable(),
  linkMode: z.string(),
  connectionMode: z.string(),
  /** The other end: a configured cluster's name, or the Kafka cluster id when nobody configured it. */
  remoteCluster: z.string().nullable(),
  state: z.string(),
  error: z.string().nullable(),
  errorMessage: z.string().nullable(),
  mirrorCount: z.number().int().nonnegative(),
});
export type LinkHalfSummary = z.infer<typeof LinkHalfSummarySchema>;

export const ClusterLinksResponseSchema = z.object({ links: z.array(LinkHalfSummarySchema), asOf: AsOfSchema });

export const LinkConfigViewSchema = z.object({
  name: z.string(),
  /** null for sensitive configs (never sent to the browser) and for unset ones. */
  value: z.string().nullable(),
  isDefault: z.boolean(),
  isReadOnly: z.boolean(),
  isSensitive: z.boolean(),
});
export type LinkConfigView = z.infer<typeof LinkConfigViewSchema>;

/** GET /api/clusters/{cluster}/links/{link}: one half in full. */
export const LinkDetailSchema = LinkHalfSummarySchema.extend({
  tasks: z.array(LinkTaskSchema),
  /** false when the cluster does not report tasks (older Confluent Platform). */
  tasksReported: z.boolean(),
  configs: z.array(LinkConfigViewSchema),
  partitionStates: PartitionStatesSchema,
  partitionStatesSource: PartitionStatesSourceSchema,
  problems: z.array(ProblemSchema),
  asOf: AsOfSchema,
  /** The link's RPO budget in seconds (`rpoSeconds` in the config: this link's, or the fleet default). */
  rpoSeconds: z.number().positive(),
});
export type LinkDetail = z.infer<typeof LinkDetailSchema>;

export const MirrorLagViewSchema = z.object({
  partition: z.number().int(),
  lag: z.number(),
  lastSourceFetchOffset: z.number(),
});

export const MirrorViewSchema = z.object({
  name: z.string(),
  sourceTopic: z.string(),
  status: z.string(),
  partitions: z.number().int().nonnegative(),
  maxLag: z.number().nullable(),
  totalLag: z.number().nullable(),
  stateTimeMs: z.number(),
  /** `mirror_topic_error`, null when none. */
  error: z.string().nullable(),
  /** Data moves into this mirror right now (docs/link-states.md); false for STOPPED mirrors and unknown ones. */
  flowing: z.boolean(),
  /** Epoch ms of the first reading at which it stopped flowing (null while flowing or STOPPED): its lag is at least what it shows. */
  staleSince: z.number().nullable(),
  /**
   * Estimated seconds of its source's production it is behind (worst partition: lag ÷ the source partition's recent
   * produce rate); null when unknown. While stale, a floor (the lag's worth when it stopped plus the time since).
   */
  lagSeconds: z.number().nonnegative().nullable(),
  /** Its problems (today: mirror-not-catching-up); the link's problems list them too. */
  problems: z.array(ProblemSchema),
});
export type MirrorView = z.infer<typeof MirrorViewSchema>;

export const MirrorsResponseSchema = z.object({ mirrors: z.array(MirrorViewSchema), asOf: AsOfSchema });

/**
 * One mirror in full: its list row plus each partition's lag. The list leaves the partitions out: nothing that reads
 * it shows them, and they were three fifths of the 2,000-mirror link's list, encoded and compressed for every viewer.
 */
export const MirrorDetailSchema = MirrorViewSchema.extend({
  lags: z.array(MirrorLagViewSchema),
  stateTransitionErrors: z.array(z.object({ code: z.string(), message: z.string() })),
  asOf: AsOfSchema,
});
export type MirrorDetail = z.infer<typeof MirrorDetailSchema>;
