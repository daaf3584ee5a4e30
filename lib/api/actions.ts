import { z } from "zod";
import { TopicActionResultSchema } from "@/lib/domain/actions/action-results";
import { firstDuplicate } from "@/lib/domain/actions/batching";
import { MirrorActionNameSchema } from "@/lib/domain/actions/mirror-actions";
import { TopicNameSchema } from "@/lib/domain/names";

/*
 * POST /api/clusters/{cluster}/links/{link}/mirrors/actions (shared/spec/http-api.md). Shared by the route and the
 * browser. `validateOnly` defaults to true: a request that forgets it is a dry run, never a failover.
 */

/** Upstream calls carry at most 100 topics each; one request may carry many batches. */
export const MAX_TOPICS_PER_REQUEST = 10_000;

export const IdempotencyKeySchema = z
  .string()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

export const MirrorActionRequestSchema = z
  .object({
    action: MirrorActionNameSchema,
    topics: z
      .array(TopicNameSchema)
      .min(1, "name at least one topic")
      .max(MAX_TOPICS_PER_REQUEST, `name at most ${MAX_TOPICS_PER_REQUEST} topics per request`)
      .superRefine((topics, ctx) => {
        const dup = firstDuplicate(topics);
        if (dup !== null) ctx.addIssue({ code: "custom", message: `"${dup}" is listed twice; name each topic once` });
      }),
    validateOnly: z.boolean().default(true),
    /** Same as the Idempotency-Key header: a repeated request with the same key is answered once. */
    idempotencyKey: IdempotencyKeySchema.optional(),
  })
  .strict();
export type MirrorActionRequest = z.infer<typeof MirrorActionRequestSchema>;
export type MirrorActionRequestInput = z.input<typeof MirrorActionRequestSchema>;

export const MirrorActionResponseSchema = z.object({
  action: MirrorActionNameSchema,
  validateOnly: z.boolean(),
  /** Exactly one per requested topic, in request order. */
  results: z.array(TopicActionResultSchema),
  summary: z.object({ requested: z.number().int(), succeeded: z.number().int(), failed: z.number().int() }),
  outcome: z.enum(["succeeded", "partial", "failed"]),
  /** Upstream calls made (batches of at most 100 topics). */
  batches: z.number().int().nonnegative(),
  /** The audit entry of this attempt. */
  auditId: z.number().int().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** A sentence when something needs attention beyond the results (e.g. the outcome could not be audited). */
  warning: z.string().nullable(),
});
export type MirrorActionResponse = z.infer<typeof MirrorActionResponseSchema>;

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
