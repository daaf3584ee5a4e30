import { z } from "zod";
import { ClusterNameSchema } from "@/lib/config/schema";
import {
  isBehaviourConfig,
  isEditableConfig,
  isImmutableConfig,
  validateBootstrapServers,
  validateLinkConfigValue,
} from "@/lib/domain/links/link-config-rules";
import { SASL_MECHANISMS, SECURITY_PROTOCOLS, usesSasl } from "@/lib/domain/links/link-requests";
import { ClusterIdSchema, LinkNameSchema } from "@/lib/domain/names";
import { LinkKindSchema } from "@/lib/domain/types";

/*
 * The write routes' contracts (shared/spec/http-api.md): request bodies validated on the server (and by the wizards
 * before they send), answers parsed by the browser. Secrets travel only in requests and never come back.
 */

// ----------------------------------------------------------------------------------------------------------------
// POST /api/links
// ----------------------------------------------------------------------------------------------------------------

const JAAS_UNSAFE = /['"\\\n\r;]/;
const secretText = (what: string) =>
  z
    .string()
    .min(1, `${what} is required`)
    .max(1024, `${what} can be at most 1024 characters`)
    .refine((v) => !JAAS_UNSAFE.test(v), `${what} cannot contain quotes, backslashes, ";" or line breaks (they would break the JAAS line)`);

export const KafkaCredentialsSchema = z
  .object({
    securityProtocol: z.enum(SECURITY_PROTOCOLS),
    saslMechanism: z.enum(SASL_MECHANISMS).optional(),
    /** API key, or SCRAM user name. */
    username: secretText("The API key / user name").optional(),
    /** API secret, or SCRAM password. */
    password: secretText("The API secret / password").optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!usesSasl(c.securityProtocol)) return;
    if (!c.saslMechanism) ctx.addIssue({ code: "custom", path: ["saslMechanism"], message: `is required with ${c.securityProtocol}` });
    if (!c.username) ctx.addIssue({ code: "custom", path: ["username"], message: `is required with ${c.securityProtocol}` });
    if (!c.password) ctx.addIssue({ code: "custom", path: ["password"], message: `is required with ${c.securityProtocol}` });
  });
export type KafkaCredentialsInput = z.infer<typeof KafkaCredentialsSchema>;

export const BootstrapSchema = z.string().superRefine((v, ctx) => {
  const problem = validateBootstrapServers(v);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const ExternalClusterSchema = z.object({ id: ClusterIdSchema, bootstrap: BootstrapSchema }).strict();

/** Behaviour configs: only the allow-listed names, each value checked (filter JSON, booleans, prefix, start offset). */
export const BehaviourConfigsSchema = z.record(z.string(), z.string().max(20_000)).superRefine((configs, ctx) => {
  for (const [name, value] of Object.entries(configs)) {
    if (!isBehaviourConfig(name)) {
      ctx.addIssue({
        code: "custom",
        path: [name],
        message:
          "is not a behaviour config Linkscope sets on create (connection and credential configs come from kind, clusters and credentials)",
      });
      continue;
    }
    const problem = validateLinkConfigValue(name, value);
    if (problem) ctx.addIssue({ code: "custom", path: [name], message: problem });
  }
});

export const CreateLinkRequestSchema = z
  .object({
    name: LinkNameSchema,
    kind: LinkKindSchema,
    /** A configured cluster's name, or an external cluster by id and bootstrap. */
    source: z.union([ClusterNameSchema, ExternalClusterSchema]),
    destination: ClusterNameSchema,
    credentials: KafkaCredentialsSchema,
    localCredentials: KafkaCredentialsSchema.optional(),
    destinationCredentials: KafkaCredentialsSchema.optional(),
    configs: BehaviourConfigsSchema.default({}),
    sourceConfigs: BehaviourConfigsSchema.optional(),
    validateOnly: z.boolean().default(false),
  })
  .strict()
  .superRefine((r, ctx) => {
    const external = typeof r.source !== "string";
    if (!external && r.source === r.destination)
      ctx.addIssue({ code: "custom", path: ["destination"], message: "must differ from the source" });
    if (r.kind === "source-initiated") {
      if (external)
        ctx.addIssue({
          code: "custom",
          path: ["source"],
          message: "must be a configured cluster for a source-initiated link (Linkscope creates its SOURCE half there)",
        });
      if (!r.localCredentials)
        ctx.addIssue({
          code: "custom",
          path: ["localCredentials"],
          message: "is required for a source-initiated link (the source half reads the source cluster with them)",
        });
    } else if (r.localCredentials) {
      ctx.addIssue({ code: "custom", path: ["localCredentials"], message: "is only used by source-initiated links" });
    }
    if (r.kind === "bidirectional") {
      if (external)
        ctx.addIssue({
          code: "custom",
          path: ["source"],
          message: "must be a configured cluster for a bidirectional link (Linkscope creates a half there)",
        });
      if (!r.destinationCredentials)
        ctx.addIssue({
          code: "custom",
          path: ["destinationCredentials"],
          message: "is required for a bidirectional link (the source's half dials the destination with them)",
        });
    } else {
      if (r.destinationCredentials)
        ctx.addIssue({ code: "custom", path: ["destinationCredentials"], message: "is only used by bidirectional links" });
      if (r.sourceConfigs) ctx.addIssue({ code: "custom", path: ["sourceConfigs"], message: "is only used by bidirectional links" });
    }
  });
export type CreateLinkRequest = z.infer<typeof CreateLinkRequestSchema>;
export type CreateLinkRequestInput = z.input<typeof CreateLinkRequestSchema>;

export const RestRequestViewSchema = z.object({ method: z.string(), path: z.string(), body: z.record(z.string(), z.unknown()) });

export const LinkStepSchema = z.object({
  /** The cluster that hosts this half (configured name, or id when external). */
  cluster: z.string(),
  /** e.g. "destination half (INBOUND, waits for the source)". */
  half: z.string(),
  role: z.string(),
  status: z.enum(["ok", "failed", "skipped"]),
  ok: z.boolean(),
  error: z.string().optional(),
  /** A caveat on a passing step, e.g. what a dry run could not check. */
  note: z.string().optional(),
  /** Calls made (more than one when the source half waited for the destination half). */
  attempts: z.number().int().nonnegative(),
  /** The upstream call, secrets replaced by "***". */
  request: RestRequestViewSchema,
});
export type LinkStep = z.infer<typeof LinkStepSchema>;

export const CreateLinkResponseSchema = z.object({
  validateOnly: z.boolean(),
  name: z.string(),
  kind: LinkKindSchema,
  ok: z.boolean(),
  steps: z.array(LinkStepSchema),
  /** When some halves were created and a later one failed: what exists now and how to finish or undo it. */
  partial: z
    .object({
      summary: z.string(),
      created: z.array(z.object({ cluster: z.string(), half: z.string() })),
      /** The half a person can delete in one click to undo (configured clusters only). */
      undo: z.object({ cluster: z.string(), link: z.string() }).nullable(),
      finish: z.string(),
    })
    .nullable(),
});
export type CreateLinkResponse = z.infer<typeof CreateLinkResponseSchema>;

// ----------------------------------------------------------------------------------------------------------------
// PATCH /api/clusters/{cluster}/links/{link}/configs
// ----------------------------------------------------------------------------------------------------------------

export const AlterLinkConfigsRequestSchema = z
  .object({
    set: z.record(z.string(), z.string().max(20_000)).default({}),
    reset: z.array(z.string()).default([]),
    validateOnly: z.boolean().default(false),
  })
  .strict()
  .superRefine((r, ctx) => {
    const names = [...Object.keys(r.set), ...r.reset];
    if (names.length === 0) ctx.addIssue({ code: "custom", path: ["set"], message: "name at least one config to set or reset" });
    for (const name of names) {
      const path = [r.reset.includes(name) ? "reset" : "set", name];
      if (isImmutableConfig(name)) ctx.addIssue({ code: "custom", path, message: "is read-only: it is fixed when the link is created" });
      else if (!isEditableConfig(name))
        ctx.addIssue({ code: "custom", path, message: "is read-only or not on the vendor's list of editable link configs" });
    }
    for (const name of r.reset)
      if (name in r.set) ctx.addIssue({ code: "custom", path: ["reset", name], message: "cannot be both set and reset" });
    for (const [name, value] of Object.entries(r.set)) {
      if (!isEditableConfig(name)) continue;
      const problem = validateLinkConfigValue(name, value);
      if (problem) ctx.addIssue({ code: "custom", path: ["set", name], message: problem });
    }
  });
export type AlterLinkConfigsRequest = z.infer<typeof AlterLinkConfigsRequestSchema>;

export const ConfigChangeViewSchema = z.object({
  name: z.string(),
  operation: z.enum(["SET", "RESET"]),
  /** null for sensitive configs (never read back) and unset ones. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  sensitive: z.boolean(),
});
export type ConfigChangeView = z.infer<typeof ConfigChangeViewSchema>;

export const AlterLinkConfigsResponseSchema = z.object({
  validateOnly: z.boolean(),
  /** false after the per-config fallback (servers without configs:alter): changes were applied one by one. */
  atomic: z.boolean(),
  changes: z.array(ConfigChangeViewSchema),
  applied: z.array(z.string()),
  failed: z.object({ name: z.string(), error: z.string() }).nullable(),
  notAttempted: z.array(z.string()),
});
export type AlterLinkConfigsResponse = z.infer<typeof AlterLinkConfigsResponseSchema>;

// ----------------------------------------------------------------------------------------------------------------
// DELETE /api/clusters/{cluster}/links/{link}
// ----------------------------------------------------------------------------------------------------------------

const booleanParam = z.enum(["true", "false"]).transform((v) => v === "true");

export const DeleteLinkQuerySchema = z
  .object({
    validateOnly: booleanParam.default(false),
    /** Also delete mirrors' link when mirrors are still active (they are left as plain, frozen topics). */
    force: booleanParam.default(false),
    /** Also delete the other half of a source-initiated or bidirectional link (source half first). */
    bothHalves: booleanParam.default(false),
  })
  .strict();

export const DeleteStepSchema = z.object({
  cluster: z.string(),
  half: z.string(),
  status: z.enum(["ok", "failed", "skipped"]),
  ok: z.boolean(),
  error: z.string().optional(),
});

export const DeleteLinkResponseSchema = z.object({
  validateOnly: z.boolean(),
  link: z.string(),
  kind: LinkKindSchema.nullable(),
  ok: z.boolean(),
  /** Mirrors hosted by the deleted half(s) that will stop (or stopped) mirroring. */
  mirrors: z.array(z.object({ cluster: z.string(), name: z.string(), status: z.string() })),
  /** The other half, when the link has one on a configured cluster. */
  partner: z.object({ cluster: z.string(), linkMode: z.string(), connectionMode: z.string() }).nullable(),
  warnings: z.array(z.string()),
  steps: z.array(DeleteStepSchema),
});
export type DeleteLinkResponse = z.infer<typeof DeleteLinkResponseSchema>;

// POST /api/clusters/{cluster}/links/{link}/mirrors and GET /api/clusters/{cluster}/topics are in ./mirror-admin, so
// the create-mirror page's first load does not carry the link schemas above.
