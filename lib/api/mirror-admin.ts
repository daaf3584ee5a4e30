import { z } from "zod";
import { TopicNameSchema } from "@/lib/domain/names";

// ----------------------------------------------------------------------------------------------------------------
// POST /api/clusters/{cluster}/links/{link}/mirrors
// ----------------------------------------------------------------------------------------------------------------

export const MAX_MIRRORS_PER_REQUEST = 500;

export const CreateMirrorsRequestSchema = z
  .object({
    topics: z
      .array(z.object({ source: TopicNameSchema, mirror: TopicNameSchema.optional() }).strict())
      .min(1, "list at least one topic")
      .max(MAX_MIRRORS_PER_REQUEST, `at most ${MAX_MIRRORS_PER_REQUEST} topics per request`)
      .superRefine((topics, ctx) => {
        const seen = new Set<string>();
        topics.forEach((t, i) => {
          if (seen.has(t.source)) ctx.addIssue({ code: "custom", path: [i, "source"], message: `"${t.source}" is listed twice` });
          seen.add(t.source);
        });
      }),
    /** Omit on Confluent Cloud (it accepts only its own value). */
    replicationFactor: z.number().int().min(1).max(32).optional(),
    /** Topic config overrides for every mirror created. */
    configs: z
      .record(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "must be a topic config name such as retention.ms"), z.string().max(10_000))
      .optional(),
    validateOnly: z.boolean().default(false),
  })
  .strict();
export type CreateMirrorsRequest = z.infer<typeof CreateMirrorsRequestSchema>;

export const MirrorResultSchema = z.object({
  topic: z.string(),
  mirror: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
});
export type MirrorResult = z.infer<typeof MirrorResultSchema>;

export const CreateMirrorsResponseSchema = z.object({
  validateOnly: z.boolean(),
  /** The mirror-create upstream has no dry run: a validation is Linkscope's own checks (names, prefix, collisions, source topics). */
  checkedBy: z.enum(["linkscope", "cluster"]),
  results: z.array(MirrorResultSchema),
});
export type CreateMirrorsResponse = z.infer<typeof CreateMirrorsResponseSchema>;

// ----------------------------------------------------------------------------------------------------------------
// GET /api/clusters/{cluster}/topics
// ----------------------------------------------------------------------------------------------------------------

export const TopicViewSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.number().int().nullable(),
  replicationFactor: z.number().int().nullable(),
});
export type TopicView = z.infer<typeof TopicViewSchema>;

export const TopicsResponseSchema = z.object({ topics: z.array(TopicViewSchema) });
