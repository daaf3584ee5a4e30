import "server-only";
import { z } from "zod";

/*
 * Consumer-group wire shapes (ConsumerGroupData, ConsumerData, ConsumerLagData, ConsumerGroupLagSummaryData). Only what
 * Linkscope reads is required; the rest is optional so that older and newer servers (and fields the spec marks required
 * but some versions omit) never fail a whole answer. Collections of these are read row by row (readLenientCollection).
 */
const offset = z.number().int();

export const ConsumerGroupDataSchema = z.object({
  consumer_group_id: z.string().min(1),
  state: z.string().nullish(),
  type: z.string().nullish(),
  is_simple: z.boolean().nullish(),
  partition_assignor: z.string().nullish(),
});
export type ConsumerGroupData = z.infer<typeof ConsumerGroupDataSchema>;

export const ConsumerDataSchema = z.object({
  consumer_id: z.string().min(1),
  client_id: z.string().nullish(),
  instance_id: z.string().nullish(),
});
export type ConsumerData = z.infer<typeof ConsumerDataSchema>;

export const ConsumerLagDataSchema = z.object({
  topic_name: z.string().min(1),
  partition_id: z.number().int().min(0),
  current_offset: offset,
  log_end_offset: offset,
  lag: offset.nullish(),
  consumer_id: z.string().nullish(),
  client_id: z.string().nullish(),
});
export type ConsumerLagData = z.infer<typeof ConsumerLagDataSchema>;

export const ConsumerGroupLagSummaryDataSchema = z.object({
  max_lag: offset,
  total_lag: offset,
  max_lag_topic_name: z.string().nullish(),
  max_lag_partition_id: z.number().int().nullish(),
});
export type ConsumerGroupLagSummaryData = z.infer<typeof ConsumerGroupLagSummaryDataSchema>;
