import { z } from "zod";
import { ConsumerGroupFailoverSchema } from "@/lib/domain/failover/consumer-group-types";

/** GET /api/readiness: promote or failover readiness of a link's mirrors, computed once on the server. */
const AssessmentSchema = z.object({
  verdict: z.enum(["ready", "caution", "blocked", "done"]),
  reasons: z.array(z.string()),
});

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
