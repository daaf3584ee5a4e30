/** zod schemas for the request bodies the simulator accepts, following the vendor spec's shapes. */
import { z } from "zod";

const ConfigDataSchema = z.object({ name: z.string().min(1), value: z.string().nullable().optional() });

export const CreateLinkBodySchema = z.object({
  source_cluster_id: z.string().min(1).optional(),
  destination_cluster_id: z.string().min(1).optional(),
  remote_cluster_id: z.string().min(1).optional(),
  cluster_link_id: z.string().min(1).optional(),
  configs: z.array(ConfigDataSchema).optional(),
});

export const CreateMirrorBodySchema = z.object({
  source_topic_name: z.string().min(1),
  mirror_topic_name: z.string().min(1).optional(),
  replication_factor: z.number().int().optional(),
  configs: z.array(ConfigDataSchema).optional(),
});

export const AlterMirrorsBodySchema = z.object({
  mirror_topic_names: z.array(z.string().min(1)).optional(),
  mirror_topic_name_pattern: z.string().optional(),
});

export const UpdateLinkConfigBodySchema = z.object({ value: z.string() });

export const AlterConfigBatchBodySchema = z.object({
  data: z.array(
    z.object({
      name: z.string().min(1),
      value: z.string().nullable().optional(),
      operation: z.enum(["SET", "DELETE"]).nullable().optional(),
    }),
  ),
  validate_only: z.boolean().optional(),
});

export const CreateTopicBodySchema = z.object({
  topic_name: z.string().min(1),
  partitions_count: z.number().int().optional(),
  replication_factor: z.number().int().optional(),
  configs: z.array(ConfigDataSchema).optional(),
  validate_only: z.boolean().optional(),
});
