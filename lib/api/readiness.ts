import { z } from "zod";
import { ConsumerGroupFailoverSchema } from "@/lib/domain/failover/consumer-group-types";

/** GET /api/readiness: promote or failover readiness of a link's mirrors, computed once on the server. */
const AssessmentSchema = z.object({
  verdict: z.enum(["ready", "caution", "blocked", "done"]),
  reasons: z.array(z.string()),
  /** The same reasons with their weight (a blocker decides the verdict) and, for the two that decide the recommendation, a code. */
  checks: z.array(
    z.object({
      level: z.enum(["ok", "info", "warn", "block"]),
      text: z.string(),
      code: z.enum(["source-unreachable", "not-flowing"]).optional(),
    }),
  ),
});

/** A link sync feature (consumer offsets, ACLs): `enabled` null when the link's configs could not be read. */
const SyncSchema = z.object({ enabled: z.boolean().nullable(), taskState: z.string().nullable(), taskErrors: z.array(z.string()) });

export const ReadinessMirrorSchema = z.object({
  name: z.string(),
  status: z.string(),
  flowing: z.boolean(),
  /** Epoch ms of the first reading at which it stopped flowing; null while flowing. */
  staleSince: z.number().nullable(),
  /** Messages; "at least" while stale. `asOf` is the time of the reading the figures come from. */
  lag: z.object({ max: z.number().nullable(), total: z.number().nullable(), asOf: z.number() }),
  /** Seconds of the source's production the lag represents (from history); null when unknown. */
  lagSeconds: z.number().nullable(),
  dataAtRisk: z.object({
    messages: z.number().nullable(),
    atLeast: z.boolean(),
    estimate: z.object({ messages: z.number(), basis: z.string() }).nullable(),
    seconds: z.number().nullable(),
    /** Why `seconds` (or `messages`) is unknown, in words; null when known. */
    unknownBecause: z.string().nullable(),
    /**
     * For a stale mirror whose source topic is consumed on the source: the source's end offsets as consumer groups'
     * lags reported them at `asOf`, minus the mirror's last fetch offsets. A reading, not an estimate; `complete` is
     * false when some partition had no group reading it (the figure is then a floor too). Null when none applies.
     */
    measured: z.object({ messages: z.number(), asOf: z.number(), complete: z.boolean(), groups: z.array(z.string()) }).nullable(),
  }),
  promote: AssessmentSchema,
  failover: AssessmentSchema,
});
export type ReadinessMirror = z.infer<typeof ReadinessMirrorSchema>;

export const ReadinessResponseSchema = z.object({
  asOf: z.number(),
  link: z.object({
    name: z.string(),
    state: z.string(),
    flowing: z.boolean(),
    staleSince: z.number().nullable(),
    cause: z.string().nullable(),
    /** The kind of cause (FlowCauseCode: network, credentials, paused, source-down, …); null while flowing. */
    causeCode: z.string().nullable(),
    /** `link_error` of the hosting half; null when healthy. */
    error: z.string().nullable(),
    sourceCluster: z.string().nullable(),
    /** The source cluster's status as Linkscope sees it (ok, unreachable, external, …); null when unknown. */
    sourceClusterStatus: z.string().nullable(),
    offsetSync: SyncSchema,
    aclSync: SyncSchema,
  }),
  recommendation: z.enum(["promote", "failover", "none"]),
  reasons: z.array(z.string()),
  mirrors: z.array(ReadinessMirrorSchema),
  /** Per consumer group reading the link's mirrored topics on the source: would it resume on this cluster? */
  consumerGroups: z.array(
    ConsumerGroupFailoverSchema.pick({
      group: true,
      topics: true,
      inFilter: true,
      verdict: true,
      reason: true,
      behindMessages: true,
      destinationOffsetsAgeMs: true,
      activeMembersOnDestination: true,
    }),
  ),
  /** Why consumerGroups is empty when the groups could not be read; null otherwise. */
  consumerGroupsError: z.string().nullable(),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponseSchema>;
