import { DEFAULT_LAG_TREND_MINUTES } from "@/lib/domain/mirrors/lag-trend";
import { z } from "zod";

/** A cluster's configured name: it appears in URLs and API paths, so it is a slug. */
export const ClusterNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a slug: lowercase letters, digits and dashes, starting with a letter or digit");

const nonEmpty = z.string().min(1, "must not be empty");

export const ClusterAuthSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }).strict(),
  z.object({ type: z.literal("basic"), username: nonEmpty, password: nonEmpty }).strict(),
  z.object({ type: z.literal("bearer"), token: nonEmpty }).strict(),
  z
    .object({
      type: z.literal("mtls"),
      /** PEM text or a path to a PEM file. */
      cert: nonEmpty,
      key: nonEmpty,
      ca: nonEmpty.optional(),
    })
    .strict(),
]);
export type ClusterAuth = z.infer<typeof ClusterAuthSchema>;

export const ClusterConfigSchema = z
  .object({
    name: ClusterNameSchema,
    displayName: nonEmpty.optional(),
    /** Kafka cluster id (lkc-… on Cloud, the cluster UUID on Platform). Discovered with GET /kafka/v3/clusters when absent. */
    id: nonEmpty.optional(),
    /** Base URL of the REST API; may carry a path prefix (the `/kafka/v3/...` paths are appended). */
    restUrl: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }),
    /** Kafka bootstrap servers: what a cluster link dials. */
    bootstrap: nonEmpty.optional(),
    auth: ClusterAuthSchema.default({ type: "none" }),
    /** PEM text or a path to a PEM file: a custom CA for the REST endpoint. */
    ca: nonEmpty.optional(),
    network: z.enum(["private", "public"]).optional(),
    region: nonEmpty.optional(),
    cloud: nonEmpty.optional(),
    timeoutMs: z.number().int().min(100).max(120_000).default(5_000),
  })
  .strict();
export type ClusterConfig = z.infer<typeof ClusterConfigSchema>;

export const HistoryConfigSchema = z
  .object({
    backend: z.enum(["sqlite", "prometheus"]).default("sqlite"),
    path: nonEmpty.default("./data/history.db"),
    sampleIntervalSeconds: z.number().int().min(1).max(3600).default(15),
    rawRetentionHours: z.number().positive().default(6),
    downsampledRetentionDays: z.number().positive().default(7),
    prometheusUrl: z.url().optional(),
    /** With storage.backend postgres, the operator accepts that each replica keeps (and shows) its own SQLite history. */
    allowPerReplica: z.boolean().default(false),
  })
  .strict();

/** A recovery point objective in seconds: how much of a source's production a failover may lose. */
const rpoSeconds = z
  .number()
  .positive("must be a number of seconds above 0")
  .max(7 * 24 * 3600, "must be at most 604800 (7 days)");

/** Settings for one link, found by its name (and the cluster hosting its mirrors when two links share a name). */
export const LinkSettingsSchema = z
  .object({
    name: nonEmpty,
    /** The cluster hosting the link's mirrors (its destination; either end of a bidirectional link); absent: every link so named. */
    cluster: ClusterNameSchema.optional(),
    rpoSeconds,
  })
  .strict();
export type LinkSettings = z.infer<typeof LinkSettingsSchema>;

export const DEFAULT_RPO_SECONDS = 300;

/** Where the audit log, idempotency keys, link leases and rate limits live: one process (sqlite) or shared by replicas (postgres). */
export const StorageConfigSchema = z
  .object({
    backend: z.enum(["sqlite", "postgres"]).default("sqlite"),
    /** postgres://user:password@host:5432/database; put the password in the environment (${LINKSCOPE_DATABASE_URL}). */
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// URL")
      .optional(),
    /** How long a link stays taken after the replica running an action on it stopped renewing (it died). */
    leaseSeconds: z.number().int().min(1).max(600).default(30),
  })
  .strict();
export type StorageConfig = z.infer<typeof StorageConfigSchema>;

export const RoleSchema = z.enum(["viewer", "operator", "admin"]);
export type Role = z.infer<typeof RoleSchema>;

/** `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, as printed by `npm run hash-password`. */
export const PasswordHashSchema = z
  .string()
  .regex(
    /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/,
    "must be a hash printed by `npm run hash-password` (scrypt$N$r$p$salt$hash)",
  );

const sessionSecret = z
  .string()
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${NAME} is the config file's environment substitution, written literally
  .min(32, "must be at least 32 characters (put it in the environment: sessionSecret: ${LINKSCOPE_SESSION_SECRET})");

export const DashboardAuthSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("none") }).strict(),
  z
    .object({
      mode: z.literal("users"),
      sessionSecret,
      sessionTtlHours: z
        .number()
        .positive()
        .max(24 * 30)
        .default(12),
      users: z
        .array(
          z
            .object({
              username: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, "letters, digits, . _ @ - (up to 64)"),
              passwordHash: PasswordHashSchema,
              role: RoleSchema,
            })
            .strict(),
        )
        .min(1, "list at least one user"),
    })
    .strict(),
  z
    .object({
      mode: z.literal("proxy"),
      /** Headers set by the authenticating proxy (e.g. oauth2-proxy). */
      userHeader: z.string().min(1).default("x-forwarded-user"),
      groupsHeader: z.string().min(1).default("x-forwarded-groups"),
      /** Identity headers are trusted only when this header carries `secret`: the proxy must set it, clients cannot. */
      secretHeader: z.string().min(1).default("x-linkscope-proxy-secret"),
      secret: z.string().min(16, "must be at least 16 characters (put it in the environment)"),
      /** Group name → role; a user gets the highest role of their groups, or `defaultRole`. */
      groupRoles: z.record(z.string(), RoleSchema).default({}),
      defaultRole: RoleSchema.nullable().default("viewer"),
    })
    .strict(),
]);
export type DashboardAuth = z.infer<typeof DashboardAuthSchema>;

export const LinkscopeConfigSchema = z
  .object({
    clusters: z.array(ClusterConfigSchema).min(1, "list at least one cluster"),
    pollIntervalSeconds: z.number().int().min(1).max(3600).default(10),
    /** A cluster whose median answer time is above this is shown as slow (with the time), though it answers. */
    slowClusterThresholdMs: z.number().int().min(1).max(600_000).default(2_000),
    readOnly: z.boolean().default(false),
    /** Per signed-in user (everyone is one "anonymous" user when auth.mode is none). */
    mutationsPerMinute: z.number().int().min(1).max(100_000).default(60),
    auth: DashboardAuthSchema.default({ mode: "none" }),
    /** The fleet's RPO budget: a link whose estimated lag in seconds exceeds it is a problem (lag-over-budget) and an alert. */
    rpoSeconds: rpoSeconds.default(DEFAULT_RPO_SECONDS),
    links: z.array(LinkSettingsSchema).default([]),
    /** A flowing mirror whose lag grew over this many minutes, fetching no faster than its source produces, is a problem (mirror-not-catching-up). */
    lagTrendMinutes: z.number().int().min(1).max(1440).default(DEFAULT_LAG_TREND_MINUTES),
    history: HistoryConfigSchema.default({
      backend: "sqlite",
      path: "./data/history.db",
      sampleIntervalSeconds: 15,
      rawRetentionHours: 6,
      downsampledRetentionDays: 7,
      allowPerReplica: false,
    }),
    storage: StorageConfigSchema.default({ backend: "sqlite", leaseSeconds: 30 }),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    if (cfg.history.backend === "prometheus" && !cfg.history.prometheusUrl) {
      ctx.addIssue({ code: "custom", path: ["history", "prometheusUrl"], message: "is required when history.backend is prometheus" });
    }
    if (cfg.storage.backend === "postgres" && !cfg.storage.url) {
      ctx.addIssue({
        code: "custom",
        path: ["storage", "url"],
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the message shows the config file's own ${VAR} substitution syntax, not a JS template
        message: "is required when storage.backend is postgres (e.g. url: ${LINKSCOPE_DATABASE_URL})",
      });
    }
    if (cfg.storage.backend === "sqlite" && cfg.storage.url) {
      ctx.addIssue({
        code: "custom",
        path: ["storage", "url"],
        message: "is set but storage.backend is sqlite; set storage.backend: postgres to use it",
      });
    }
    if (cfg.storage.backend === "postgres" && cfg.history.backend === "sqlite" && !cfg.history.allowPerReplica) {
      ctx.addIssue({
        code: "custom",
        path: ["history", "backend"],
        message:
          "is sqlite while storage.backend is postgres: every replica would keep and show its own lag history. Set history.backend: prometheus " +
          "(with history.prometheusUrl) for one history shared by every replica, or history.allowPerReplica: true to accept per-replica history",
      });
    }
    const seen = new Map<string, number>();
    cfg.clusters.forEach((c, i) => {
      const first = seen.get(c.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["clusters", i, "name"],
          message: `duplicate cluster name "${c.name}" (also clusters[${first}])`,
        });
      } else seen.set(c.name, i);
    });
    const seenLinks = new Map<string, number>();
    cfg.links.forEach((l, i) => {
      if (l.cluster !== undefined && !seen.has(l.cluster)) {
        ctx.addIssue({ code: "custom", path: ["links", i, "cluster"], message: `"${l.cluster}" is not a configured cluster` });
      }
      const key = `${l.name}@${l.cluster ?? ""}`;
      const first = seenLinks.get(key);
      if (first !== undefined) {
        const where = l.cluster === undefined ? "" : ` on ${l.cluster}`;
        ctx.addIssue({
          code: "custom",
          path: ["links", i, "name"],
          message: `link "${l.name}"${where} is listed twice (also links[${first}])`,
        });
      } else seenLinks.set(key, i);
    });
  });
export type LinkscopeConfig = z.infer<typeof LinkscopeConfigSchema>;
