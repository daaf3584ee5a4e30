import "server-only";
import { z } from "zod";

/**
 * `ListLinkConfigsResponseData`. Real CC spells the flags is_default/is_read_only/is_sensitive; the CP SDK models
 * say default/read_only/sensitive: both are read. `value` is null for sensitive and unset configs although the spec
 * says string. `synonyms` are strings on link configs (objects on topic configs, accepted too).
 */
export const LinkConfigDataSchema = z.object({
  name: z.string(),
  value: z.string().nullish(),
  is_default: z.boolean().optional(),
  default: z.boolean().optional(),
  is_read_only: z.boolean().optional(),
  read_only: z.boolean().optional(),
  is_sensitive: z.boolean().optional(),
  sensitive: z.boolean().optional(),
  source: z.string().nullish(),
  synonyms: z
    .array(
      z.union([
        z.string(),
        z
          .object({ name: z.string() })
          .loose()
          .transform((s) => s.name),
      ]),
    )
    .nullish(),
});
export type LinkConfigData = z.infer<typeof LinkConfigDataSchema>;
