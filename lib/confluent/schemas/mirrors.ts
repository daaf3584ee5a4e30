import "server-only";
import { z } from "zod";
import { goList, LinkTaskErrorSchema, MirrorLagSchema } from "./common";

/** `ListMirrorTopicsResponseData`. `mirror_lags` is a plain array (the Go SDK's `Items` wrapper is an SDK artefact). */
export const MirrorDataSchema = z.object({
  link_name: z.string(),
  mirror_topic_name: z.string(),
  source_topic_name: z.string(),
  num_partitions: z.number().int(),
  mirror_lags: goList(MirrorLagSchema),
  /** A closed enum in the CC spec, but older and newer servers differ: kept as a string. */
  mirror_status: z.string(),
  mirror_topic_error: z.string().nullish(),
  state_time_ms: z.number().int(),
  mirror_state_transition_errors: z.array(LinkTaskErrorSchema).nullish(),
});
export type MirrorData = z.infer<typeof MirrorDataSchema>;
