/**
 * The scenario file format: a whole fleet at t0. Link halves are declared explicitly (a
 * source-initiated link is two entries with the same name), mirrors under the half that hosts them.
 * Link config values may use ${cluster.bootstrap}, ${cluster.jaas}, ${cluster.id}, ${cluster.apiKey}
 * and ${cluster.apiSecret} to refer to another cluster of the scenario.
 */
import { z } from "zod";
import { WIRE_STYLES } from "../http/wire-style";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a slug: lowercase letters, digits and dashes");
const topicName = z.string().regex(/^[a-zA-Z0-9._-]{1,249}$/, "must be a legal Kafka topic name");

export const ScenarioTopicSchema = z
  .object({
    name: topicName,
    partitions: z.number().int().min(1).max(4096).default(6),
    /** Messages per second across all partitions. */
    produceRate: z.number().min(0).default(0),
    /** Messages already in the topic at t0, spread over the partitions. */
    initialMessages: z.number().int().min(0).default(0),
    replicationFactor: z.number().int().min(1).max(3).default(3),
  })
  .strict();

export const ScenarioConsumerGroupSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z0-9._-]{1,249}$/, "must be a legal consumer group id"),
    /** Topics of this cluster (mirrors included) the group has committed offsets for. */
    topics: z.array(topicName).default([]),
    /** Messages behind each topic's end at t0, spread over its partitions. */
    lag: z.number().int().min(0).default(0),
    /** Messages per second per partition the members consume; their committed offsets chase the end at this cap. */
    consumeRate: z.number().min(0).default(1000),
    /** Members connected at t0 (0: an EMPTY group whose offsets stay put). */
    members: z.number().int().min(0).max(100).default(1),
  })
  .strict();

export const ScenarioMirrorSchema = z
  .object({
    source: topicName,
    /** Defaults to the link's cluster.link.prefix + source. */
    name: topicName.optional(),
    status: z.enum(["ACTIVE", "PAUSED", "STOPPED", "PENDING_MIRROR"]).default("ACTIVE"),
    /** Messages behind the source at t0, spread over the partitions. */
    lag: z.number().int().min(0).default(0),
    /** Fetch cap for this mirror (messages per second per partition); defaults to the link's. */
    fetchRate: z.number().positive().optional(),
    /** Produce rate once STOPPED (a stopped mirror is a writable topic). */
    produceRate: z.number().min(0).optional(),
  })
  .strict();

export const ScenarioLinkSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z0-9._-]{1,249}$/),
    /** The cluster hosting this half. */
    cluster: slug,
    /** The other end: its id goes in source_cluster_id / destination_cluster_id / remote_cluster_id by link.mode. */
    remote: slug,
    configs: z.record(z.string(), z.string()).default({}),
    /** Fetch cap per partition in messages per second. */
    fetchRate: z.number().positive().optional(),
    clusterLinkId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22}$/)
      .optional(),
    mirrors: z.array(ScenarioMirrorSchema).default([]),
  })
  .strict();

export const ScenarioClusterSchema = z
  .object({
    name: slug,
    displayName: z.string().min(1),
    id: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/),
    network: z.enum(["private", "public"]),
    /** Private clusters sharing a zone can reach each other; by default each private cluster is alone. */
    privateZone: z.string().min(1).optional(),
    region: z.string().min(1),
    cloud: z.string().min(1),
    /** Confluent Cloud or Confluent Platform; defaults from the id (lkc- is cloud). */
    flavor: z.enum(["cloud", "platform"]).optional(),
    /** host:port a link dials; defaults to <name>.sim.local:9092. */
    bootstrap: z
      .string()
      .regex(/^[a-zA-Z0-9.-]+:\d{1,5}$/)
      .optional(),
    credentials: z
      .object({
        apiKey: z.string().min(1),
        apiSecret: z.string().min(1),
        /** REST basic credentials; default to the API key and secret, as on Confluent Cloud. */
        restUsername: z.string().min(1).optional(),
        restPassword: z.string().min(1).optional(),
      })
      .strict(),
    topics: z.array(ScenarioTopicSchema).default([]),
    /** Consumer groups at t0; created after mirrors and auto-created mirrors exist, so they may consume mirrors. */
    consumerGroups: z.array(ScenarioConsumerGroupSchema).default([]),
    /** How its REST answers are serialized: "java" as Confluent Server, "go" as Go servers (empty lists null, `kind` ""). */
    wire: z.enum(WIRE_STYLES).default("java"),
  })
  .strict();

export const ScenarioFaultsSchema = z
  .object({
    stoppedClusters: z.array(slug).default([]),
    networkCuts: z.array(z.tuple([slug, slug])).default([]),
    /** Topics deleted right after t0 (their mirrors go FAILED). */
    deletedTopics: z.array(z.object({ cluster: slug, topic: topicName }).strict()).default([]),
    http: z
      .array(
        z
          .object({
            cluster: slug,
            latencyMs: z.number().int().min(0).max(60_000).default(0),
            errorRate: z.number().min(0).max(1).default(0),
            errorMode: z.enum(["500", "malformed"]).default("500"),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export const ScenarioSettingsSchema = z
  .object({
    /** Fetch cap per partition (messages per second) for links that set none. */
    fetchRate: z.number().positive().default(1000),
    mirrorSetupMs: z.number().int().min(0).default(3000),
    restoreSetupMs: z.number().int().min(0).default(2000),
    restorePhaseMs: z.number().int().min(0).default(3000),
    promoteSyncMs: z.number().int().min(0).default(1000),
    autoCreateIntervalMs: z.number().int().min(100).default(5000),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().default(""),
    seed: z.number().int().default(1),
    /** Simulated time at start (ISO 8601); defaults to the real time at start. */
    startTime: z.iso.datetime().optional(),
    settings: ScenarioSettingsSchema.default(ScenarioSettingsSchema.parse({})),
    clusters: z.array(ScenarioClusterSchema).min(1),
    links: z.array(ScenarioLinkSchema).default([]),
    faults: ScenarioFaultsSchema.default(ScenarioFaultsSchema.parse({})),
  })
  .strict()
  .superRefine((s, ctx) => {
    const names = new Set<string>();
    const ids = new Set<string>();
    s.clusters.forEach((c, i) => {
      if (names.has(c.name)) ctx.addIssue({ code: "custom", path: ["clusters", i, "name"], message: `duplicate cluster name ${c.name}` });
      if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["clusters", i, "id"], message: `duplicate cluster id ${c.id}` });
      names.add(c.name);
      ids.add(c.id);
      const topics = new Set<string>();
      c.topics.forEach((t, j) => {
        if (topics.has(t.name))
          ctx.addIssue({ code: "custom", path: ["clusters", i, "topics", j, "name"], message: `duplicate topic ${t.name}` });
        topics.add(t.name);
      });
    });
    const halves = new Set<string>();
    s.links.forEach((l, i) => {
      for (const key of ["cluster", "remote"] as const) {
        if (!names.has(l[key])) ctx.addIssue({ code: "custom", path: ["links", i, key], message: `unknown cluster ${l[key]}` });
      }
      if (l.cluster === l.remote)
        ctx.addIssue({ code: "custom", path: ["links", i, "remote"], message: "a link cannot point at its own cluster" });
      const key = `${l.cluster}/${l.name}`;
      if (halves.has(key))
        ctx.addIssue({ code: "custom", path: ["links", i, "name"], message: `cluster ${l.cluster} already has a link ${l.name}` });
      halves.add(key);
    });
    const check = (cluster: string, path: (string | number)[]) => {
      if (!names.has(cluster)) ctx.addIssue({ code: "custom", path, message: `unknown cluster ${cluster}` });
    };
    for (const [i, c] of s.faults.stoppedClusters.entries()) check(c, ["faults", "stoppedClusters", i]);
    s.faults.networkCuts.forEach(([a, b], i) => {
      check(a, ["faults", "networkCuts", i, 0]);
      check(b, ["faults", "networkCuts", i, 1]);
    });
    for (const [i, d] of s.faults.deletedTopics.entries()) check(d.cluster, ["faults", "deletedTopics", i, "cluster"]);
    for (const [i, h] of s.faults.http.entries()) check(h.cluster, ["faults", "http", i, "cluster"]);
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioCluster = z.infer<typeof ScenarioClusterSchema>;
export type ScenarioLink = z.infer<typeof ScenarioLinkSchema>;
export type HttpFaultSpec = Scenario["faults"]["http"][number];
