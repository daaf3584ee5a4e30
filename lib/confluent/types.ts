import "server-only";
import type { ConfluentError } from "./errors";

/*
 * Normalized, camelCase views of Kafka REST v3 answers. Extensible vendor enums (link state, link error, task state,
 * state category, mirror status) stay verbatim strings: an unknown value is shown, never rejected.
 */

export interface KafkaCluster {
  clusterId: string;
}

export interface LinkTaskError {
  /** A string such as "AUTHENTICATION_ERROR" (unlike the numeric codes elsewhere). */
  code: string;
  message: string;
}

export interface LinkTask {
  name: string;
  state: string;
  errors: LinkTaskError[];
}

export interface CategoryCount {
  stateCategory: string;
  /** Partitions (not topics) in this state category. */
  count: number;
}

/** One cluster's half of a cluster link, as that cluster reports it. */
export interface LinkHalf {
  linkName: string;
  clusterLinkId: string;
  sourceClusterId: string | null;
  destinationClusterId: string | null;
  remoteClusterId: string | null;
  /** null when the server omits it. */
  linkState: string | null;
  /** null when absent or NO_ERROR (both mean healthy). */
  linkError: string | null;
  linkErrorMessage: string | null;
  topicNames: string[];
  /** null unless requested with includeTasks and served. */
  tasks: LinkTask[] | null;
  /** null when the server omits it (Confluent Platform): the caller derives and labels a fallback. */
  categoryCounts: CategoryCount[] | null;
}

export interface LinkConfig {
  name: string;
  /** null when unset or sensitive; always null for a sensitive config, whatever the server sent. */
  value: string | null;
  isDefault: boolean;
  isReadOnly: boolean;
  isSensitive: boolean;
  /** e.g. DYNAMIC_CLUSTER_LINK_CONFIG or DEFAULT_CONFIG; null when absent. */
  source: string | null;
  synonyms: string[];
}

export interface MirrorLag {
  partition: number;
  /** Messages behind the source, not time. */
  lag: number;
  /** -1 when unknown. */
  lastSourceFetchOffset: number;
}

export interface MirrorTopic {
  linkName: string;
  mirrorTopicName: string;
  sourceTopicName: string;
  numPartitions: number;
  mirrorStatus: string;
  /** null when absent or NO_ERROR. */
  mirrorTopicError: string | null;
  stateTimeMs: number;
  /** Sorted by partition. */
  lags: MirrorLag[];
  /** null unless requested with includeStateTransitionErrors and served. */
  stateTransitionErrors: LinkTaskError[] | null;
}

export const MIRROR_ACTIONS = [
  "promote",
  "failover",
  "pause",
  "resume",
  "reverse-and-start-mirror",
  "reverse-and-pause-mirror",
  "truncate-and-restore",
] as const;
export type MirrorAction = (typeof MIRROR_ACTIONS)[number];

export interface PartitionTruncation {
  partition: number;
  offsetTruncatedTo: number;
  messagesTruncated: number;
}

/** One topic's answer to a mirror action; the HTTP status is 200 even when some topics failed. */
export interface MirrorActionResult {
  mirrorTopicName: string;
  errorCode: number | null;
  errorMessage: string | null;
  /** true when the server reported neither an error code nor an error message for this topic. */
  accepted: boolean;
  lags: MirrorLag[];
  messagesTruncated: number | null;
  /** Only the truncated partitions (sparse); empty unless includePartitionLevelTruncationData. */
  partitionTruncation: PartitionTruncation[];
}

export interface MirrorActionOutcome {
  action: MirrorAction;
  /** The action path actually called: differs from `action` when an older server needed the legacy name. */
  endpoint: string;
  validateOnly: boolean;
  results: MirrorActionResult[];
}

export type MirrorSelection = { topics: readonly string[] } | { pattern: string };

export interface Topic {
  topicName: string;
  isInternal: boolean;
  replicationFactor: number | null;
  partitionsCount: number | null;
}

export interface ConfigEntry {
  name: string;
  value: string | null;
}

export interface CreateLinkInput {
  /** DESTINATION-mode link (and the destination half of a source-initiated link). */
  sourceClusterId?: string;
  /** SOURCE-mode half of a source-initiated link. */
  destinationClusterId?: string;
  /** BIDIRECTIONAL link. */
  remoteClusterId?: string;
  clusterLinkId?: string;
  configs?: readonly ConfigEntry[];
}

export interface CreateMirrorInput {
  sourceTopicName: string;
  /** Omitted on the wire when equal to the source name (older servers do not know the field). */
  mirrorTopicName?: string;
  replicationFactor?: number;
  configs?: readonly ConfigEntry[];
}

export interface CreateTopicInput {
  topicName: string;
  partitionsCount?: number;
  replicationFactor?: number;
  configs?: readonly ConfigEntry[];
  validateOnly?: boolean;
}

export type LinkConfigChange = { name: string; operation: "SET"; value: string } | { name: string; operation: "DELETE" };

export interface LinkConfigAlterResult {
  /** true when the server applied all changes in one batch call; false after the per-config fallback. */
  atomic: boolean;
  applied: string[];
  /** The change that failed in the per-config fallback (later ones were not attempted). */
  failed: { name: string; error: ConfluentError } | null;
  notAttempted: string[];
}

/** `ConsumerGroupData`. `state` and `type` are extensible enums upstream: kept as strings. */
export interface ConsumerGroup {
  consumerGroupId: string;
  state: string;
  type: string | null;
  isSimple: boolean | null;
  partitionAssignor: string | null;
}

/** `ConsumerData`: one member connected to a group. */
export interface Consumer {
  consumerId: string;
  clientId: string | null;
  instanceId: string | null;
}

/** `ConsumerLagData`: a group's committed offset on one partition against that partition's end. */
export interface ConsumerLag {
  topicName: string;
  partitionId: number;
  currentOffset: number;
  logEndOffset: number;
  lag: number;
  /** "" or null when no member is assigned the partition. */
  consumerId: string | null;
  clientId: string | null;
}

export interface ConsumerGroupLagSummary {
  maxLag: number;
  totalLag: number;
  maxLagTopicName: string | null;
  maxLagPartitionId: number | null;
}

/** A collection read leniently: rows that do not parse are left out and counted, so one bad row never hides the rest. */
export interface LenientList<T> {
  items: T[];
  skipped: number;
}
