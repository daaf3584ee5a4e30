import "server-only";
import { z } from "zod";

export const TopicDataSchema = z.object({
  topic_name: z.string(),
  is_internal: z.boolean().optional(),
  replication_factor: z.number().int().nullish(),
  partitions_count: z.number().int().nullish(),
});
export type TopicData = z.infer<typeof TopicDataSchema>;
