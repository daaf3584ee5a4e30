import "server-only";
import { z } from "zod";
import { MirrorLagSchema } from "./common";

export const PartitionTruncationSchema = z.object({
  partition_id: z.number().int(),
  offset_truncated_to: z.number().int(),
  messages_truncated: z.number().int(),
});

/**
 * `AlterMirrorStatusResponseData`. Here `error_code` is an int or null (trap 5). The truncation fields are
 * absent on older Platform servers.
 */
export const AlterMirrorStatusSchema = z.object({
  mirror_topic_name: z.string(),
  error_code: z
    .union([
      z.number().int(),
      z
        .string()
        .regex(/^-?\d+$/)
        .transform(Number),
    ])
    .nullish(),
  error_message: z.string().nullish(),
  mirror_lags: z.array(MirrorLagSchema).nullish(),
  messages_truncated: z.number().int().nullish(),
  partition_level_truncation_data: z.array(PartitionTruncationSchema).nullish(),
});
export type AlterMirrorStatus = z.infer<typeof AlterMirrorStatusSchema>;
