import "server-only";
import { z } from "zod";

/** `Error` body. `error_code` is an int32 in the spec; tolerate a numeric string from proxies. */
export const ErrorBodySchema = z.object({
  error_code: z.union([
    z.number().int(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ]),
  message: z.string().nullish(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * Collection envelope: only `data` and `metadata.next` matter; `kind` is never switched on (Go servers send `""`).
 * Rows stay unknown here: each is validated on its own (collections.ts), so one odd row cannot sink the list.
 * `data: null` is how Go's encoder writes an empty list.
 */
export const CollectionMetadataSchema = z.object({ next: z.string().nullish() }).loose();
export const CollectionEnvelopeSchema = z.object({ metadata: CollectionMetadataSchema.nullish(), data: z.array(z.unknown()).nullable() });

/**
 * Go's encoder writes an empty slice as `null`: read it as the empty list it means. An absent list reads as empty too,
 * unless `required`.
 */
export function goList<T extends z.ZodType>(item: T, { required = false }: { required?: boolean } = {}) {
  const list = z.array(item).nullable();
  return (required ? list : list.optional()).transform((l: Array<z.output<T>> | null | undefined) => l ?? []);
}

function buildCollectionSchema<T extends z.ZodType>(item: T) {
  // An answer without `data` at all is still unreadable.
  return z.object({ metadata: CollectionMetadataSchema.optional(), data: goList(item, { required: true }) });
}

// One envelope schema per item schema: zod compiles an object schema's fast path on its first parse, so building
// the envelope per request would pay that compilation on every request.
const collections = new WeakMap<z.ZodType, ReturnType<typeof buildCollectionSchema>>();

/**
 * A strict envelope, for answers whose rows must all be read (a mirror action's per-topic results). `data: null` is
 * Go's empty list: a pattern that matched no mirror is no result, not an unreadable answer.
 */
export function collectionSchema<T extends z.ZodType>(item: T): ReturnType<typeof buildCollectionSchema<T>> {
  let schema = collections.get(item);
  if (!schema) {
    schema = buildCollectionSchema(item);
    collections.set(item, schema);
  }
  return schema as ReturnType<typeof buildCollectionSchema<T>>;
}

/** `LinkTaskError`: here `error_code` is a string such as "AUTHENTICATION_ERROR" (trap 5). */
export const LinkTaskErrorSchema = z.object({
  error_code: z.union([z.string(), z.number().transform(String)]),
  error_message: z.string().nullish(),
});
export type LinkTaskErrorWire = z.infer<typeof LinkTaskErrorSchema>;

export const MirrorLagSchema = z.object({
  partition: z.number().int(),
  lag: z.number().int(),
  // -1 when unknown; older servers may omit it.
  last_source_fetch_offset: z.number().int().nullish(),
});
export type MirrorLagWire = z.infer<typeof MirrorLagSchema>;
