import { z } from "zod";
import { FleetCoverageSchema } from "./topology/coverage";

/*
 * The shapes that cross the domain boundary.
 *
 * Input (what the server observed, one entry per configured cluster and per link half it could read) is kept
 * close to the wire: enum-like strings stay open (`string`) because Confluent marks them x-extensible-enum and
 * unknown values must survive verbatim (reference trap 14).
 *
 * Output (`GET /api/topology`, shared/spec/http-api.md) is described with zod because the browser parses API
 * responses with these schemas: they are the contract.
 */

// ---------------------------------------------------------------------------------------------------------------
// Input: observations handed over by the server
// ---------------------------------------------------------------------------------------------------------------

export const ClusterNetworkSchema = z.enum(["private", "public"]);
export type ClusterNetwork = z.infer<typeof ClusterNetworkSchema>;

/** How the server fared when it asked a configured cluster. */
export const ClusterObservationStatusSchema = z.enum(["ok", "unreachable", "unauthorized", "error"]);
export type ClusterObservationStatus = z.infer<typeof ClusterObservationStatusSchema>;

/** Something a person can act on: a stable kebab-case `code` (see problem-codes.ts) for scripts, and a sentence for people. */
export const ProblemSchema = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a kebab-case code"),
  message: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** When a cluster's figures were true and how fast it answered; all null for an external cluster (nobody reads it). */
const ReadingTimesShape = {
  /** When the reading these figures come from started (epoch ms); null before the first reading. */
  asOf: z.number().int().nonnegative().nullable(),
  /** Median time the cluster took to answer one request in that reading, in ms; null when nothing was timed. */
  latencyMs: z.number().nonnegative().nullable(),
  /** `asOf` of the last reading in which the cluster answered well (status ok); null when it never has. */
  lastOkAt: z.number().int().nonnegative().nullable(),
};

export const ClusterObservationSchema = z.object({
  /** The configured name (a slug). */
  name: z.string().min(1),
  /** Kafka cluster id: configured, discovered, or last known. `null` only when it was never learned. */
  id: z.string().min(1).nullable(),
  displayName: z.string(),
  network: ClusterNetworkSchema.nullable(),
  region: z.string().nullable(),
  status: ClusterObservationStatusSchema,
  /** One sentence when status is not ok. */
  error: z.string().nullable(),
  /** What the cluster answered that Linkscope could only partly read (e.g. `unreadable-rows`), though its status is ok. */
  problems: z.array(ProblemSchema),
  ...ReadingTimesShape,
});
export type ClusterObservation = z.infer<typeof ClusterObservationSchema>;

export const LinkTaskErrorSchema = z.object({ code: z.string(), message: z.string() });
export type LinkTaskError = z.infer<typeof LinkTaskErrorSchema>;

export const LinkTaskSchema = z.object({
  name: z.string(),
  /** x-extensible-enum: UNKNOWN, ACTIVE, IN_ERROR, NOT_CONFIGURED, LINK_FAILED, LINK_UNAVAILABLE, LINK_PAUSED, … */
  state: z.string(),
  errors: z.array(LinkTaskErrorSchema),
});
export type LinkTask = z.infer<typeof LinkTaskSchema>;

export const CategoryCountSchema = z.object({ stateCategory: z.string(), count: z.number().int().nonnegative() });
export type CategoryCount = z.infer<typeof CategoryCountSchema>;

export const MirrorSummarySchema = z.object({
  /** The mirror topic's name on the hosting cluster. */
  name: z.string(),
  sourceTopic: z.string(),
  /** `mirror_status` verbatim. */
  status: z.string(),
  partitions: z.number().int().nonnegative(),
  /** Largest per-partition lag in messages; `null` when the cluster reported no lags. */
  maxLag: z.number().nonnegative().nullable(),
  /** Sum of per-partition lags in messages; `null` when the cluster reported no lags. */
  totalLag: z.number().nonnegative().nullable(),
});
export type MirrorSummary = z.infer<typeof MirrorSummarySchema>;

/** One cluster's view of a link (`GET /links/{name}` plus its `link.mode` / `connection.mode` configs). */
export const LinkHalfObservationSchema = z.object({
  /** Configured name of the cluster that hosts this half. */
  cluster: z.string().min(1),
  linkName: z.string(),
  clusterLinkId: z.string(),
  /** DESTINATION | SOURCE | BIDIRECTIONAL, or an unknown value verbatim; DESTINATION when the config was absent. */
  linkMode: z.string(),
  /** OUTBOUND | INBOUND, or an unknown value verbatim; OUTBOUND when the config was absent. */
  connectionMode: z.string(),
  sourceClusterId: z.string().nullable(),
  destinationClusterId: z.string().nullable(),
  remoteClusterId: z.string().nullable(),
  /** `link_state` verbatim: ACTIVE, UNAVAILABLE, FAILED, PAUSED, UNKNOWN, or something new. */
  state: z.string(),
  /** `link_error`; `null` when absent or NO_ERROR. */
  error: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** `null` when tasks were not fetched. */
  tasks: z.array(LinkTaskSchema).nullable(),
  /** `category_counts`; `null` when the cluster does not report them (Confluent Platform). */
  categoryCounts: z.array(CategoryCountSchema).nullable(),
  /** `null` when the mirrors were not fetched. */
  mirrors: z.array(MirrorSummarySchema).nullable(),
  topicNames: z.array(z.string()),
  /** What the server found odd while reading this half (e.g. `link-name-mismatch`); passed on as the link's problems. */
  readProblems: z.array(ProblemSchema).optional(),
});
export type LinkHalfObservation = z.infer<typeof LinkHalfObservationSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Output: GET /api/topology
// ---------------------------------------------------------------------------------------------------------------

export const TopologyClusterStatusSchema = z.enum(["ok", "unreachable", "unauthorized", "error", "external"]);
export type TopologyClusterStatus = z.infer<typeof TopologyClusterStatusSchema>;

export const TopologyClusterSchema = z.object({
  /** The configured name; for an external cluster (nobody configured it) its Kafka cluster id. */
  name: z.string().min(1),
  id: z.string().nullable(),
  displayName: z.string(),
  network: ClusterNetworkSchema.nullable(),
  region: z.string().nullable(),
  status: TopologyClusterStatusSchema,
  error: z.string().nullable(),
  /** See ClusterObservation.problems; empty for external clusters. */
  problems: z.array(ProblemSchema),
  ...ReadingTimesShape,
});
export type TopologyCluster = z.infer<typeof TopologyClusterSchema>;

export const LinkKindSchema = z.enum(["destination-initiated", "source-initiated", "bidirectional"]);
export type LinkKind = z.infer<typeof LinkKindSchema>;

export const LinkRollupStateSchema = z.enum(["ACTIVE", "DEGRADED", "PAUSED", "FAILED", "NOT_FLOWING", "UNKNOWN"]);
export type LinkRollupState = z.infer<typeof LinkRollupStateSchema>;

/** A directed pair of cluster names: who opens the connection, or which way data moves. */
export const ClusterEdgeSchema = z.object({ from: z.string(), to: z.string() });
export type ClusterEdge = z.infer<typeof ClusterEdgeSchema>;

export const FlowCauseCodeSchema = z.enum([
  "network",
  "source-down",
  "destination-unread",
  "link-unavailable",
  "credentials",
  "configuration",
  "paused",
  "mirror-failed",
  "unknown-state",
  "not-advancing",
]);

export const TopologyLinkHalfSchema = z.object({
  cluster: z.string(),
  linkMode: z.string(),
  connectionMode: z.string(),
  state: z.string(),
  error: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type TopologyLinkHalf = z.infer<typeof TopologyLinkHalfSchema>;

const partitionCount = z.number().int().nonnegative();

/** Mirror partitions by state category; categories beyond the five known ones are kept verbatim. */
export const PartitionStatesSchema = z
  .object({
    ACTIVE: partitionCount,
    PAUSED: partitionCount,
    PENDING: partitionCount,
    IN_ERROR: partitionCount,
    NOT_APPLICABLE: partitionCount,
  })
  .catchall(partitionCount);
export type PartitionStates = z.infer<typeof PartitionStatesSchema>;

export const PartitionStatesSourceSchema = z.enum(["reported", "derived"]);
export type PartitionStatesSource = z.infer<typeof PartitionStatesSourceSchema>;

export const TopologyLinkSchema = z.object({
  /** `name@clusterLinkId`: stable across refreshes. */
  id: z.string(),
  name: z.string(),
  clusterLinkId: z.string(),
  kind: LinkKindSchema,
  /**
   * Cluster names (an external cluster's name is its id); bidirectional: the two ends in name order.
   * `null` only when no visible half names the other end (the cluster omitted every remote id).
   */
  source: z.string().nullable(),
  destination: z.string().nullable(),
  /** Who opens the network connection. */
  connections: z.array(ClusterEdgeSchema),
  /** Which way mirrored data moves (two entries when bidirectional). */
  flows: z.array(ClusterEdgeSchema),
  /** The halves Linkscope could see, the one hosting the mirrors first. */
  halves: z.array(TopologyLinkHalfSchema),
  state: LinkRollupStateSchema,
  /** Data moves over the link right now, as far as its halves report (docs/link-states.md). */
  flowing: z.boolean(),
  /** Why not, in words; null while flowing. */
  cause: z.string().nullable(),
  /** The kind of cause (flow.ts FlowCauseCode: network, source-down, destination-unread, credentials, …); null while flowing. */
  causeCode: FlowCauseCodeSchema.nullable(),
  /** Epoch ms of the first reading at which it stopped flowing; null while flowing. Lag figures are "at least" since then. */
  staleSince: z.number().nullable(),
  /** The link's RPO budget in seconds (`rpoSeconds` in the config); null only before the fleet read applies the config. */
  rpoSeconds: z.number().positive().nullable(),
  /** Estimated seconds of its source's production the link's worst mirror is behind; null when unknown. */
  maxLagSeconds: z.number().nonnegative().nullable(),
  /** True when maxLagSeconds comes from a mirror that does not flow: a floor ("at least"), growing while its source produces. */
  maxLagSecondsAtLeast: z.boolean().optional(),
  /** What a person can act on, each with a stable code; empty when healthy. */
  problems: z.array(ProblemSchema),
  mirrorCount: z.number().int().nonnegative(),
  partitionStates: PartitionStatesSchema,
  partitionStatesSource: PartitionStatesSourceSchema,
  maxLag: z.number().nonnegative().nullable(),
  totalLag: z.number().nonnegative().nullable(),
});
export type TopologyLink = z.infer<typeof TopologyLinkSchema>;

export const TopologySchema = z.object({
  generatedAt: z.iso.datetime(),
  /** When the oldest figures in it were true (epoch ms): the oldest reading among clusters that answered; null when none did. */
  asOf: z.number().int().nonnegative().nullable(),
  clusters: z.array(TopologyClusterSchema),
  links: z.array(TopologyLinkSchema),
  /** How many mirror-hosting halves are unread or stale: when any is, fleet-wide counts are partial (coverage.ts). */
  coverage: FleetCoverageSchema,
});
export type Topology = z.infer<typeof TopologySchema>;
