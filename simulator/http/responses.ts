/** Vendor-shaped JSON for every resource (Confluent REST v3 field names, kinds and links). */
import { categoryCounts, linkTasks } from "../model/link-views";
import type { ActionResult } from "../model/mirror-ops";
import type { ClusterState, LinkHalf, TopicState } from "../model/types";
import type { World } from "../model/world";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

const enc = encodeURIComponent;

export interface UrlBase {
  /** e.g. http://127.0.0.1:18090 */
  origin: string;
}

export function clusterPath(c: ClusterState): string {
  return `/kafka/v3/clusters/${enc(c.id)}`;
}

export function errorBody(errorCode: number, message: string | null): Json {
  return { error_code: errorCode, message };
}

export function collection(kind: string, self: string, data: Json[]): Json {
  return { kind, metadata: { self, next: null }, data };
}

export function clusterData(base: UrlBase, c: ClusterState): Json {
  const self = base.origin + clusterPath(c);
  return {
    kind: "KafkaCluster",
    metadata: { self, resource_name: `crn:///kafka=${c.id}` },
    cluster_id: c.id,
    controller: { related: `${self}/brokers/1` },
    acls: { related: `${self}/acls` },
    brokers: { related: `${self}/brokers` },
    broker_configs: { related: `${self}/broker-configs` },
    consumer_groups: { related: `${self}/consumer-groups` },
    topics: { related: `${self}/topics` },
    partition_reassignments: { related: `${self}/topics/-/partitions/-/reassignment` },
  };
}

export function topicData(base: UrlBase, t: TopicState): Json {
  const self = `${base.origin}${clusterPath(t.cluster)}/topics/${enc(t.name)}`;
  return {
    kind: "KafkaTopic",
    metadata: { self, resource_name: `crn:///kafka=${t.cluster.id}/topic=${t.name}` },
    cluster_id: t.cluster.id,
    topic_name: t.name,
    is_internal: false,
    replication_factor: t.replicationFactor,
    partitions_count: t.partitions,
    partitions: { related: `${self}/partitions` },
    configs: { related: `${self}/configs` },
    partition_reassignments: { related: `${self}/partitions/-/reassignments` },
  };
}

export function linkData(base: UrlBase, world: World, half: LinkHalf, now: number, opts: { includeTasks: boolean }): Json {
  const v = world.view(half, now);
  const counts = categoryCounts(world, half, now);
  const out: { [key: string]: Json | undefined } = {
    kind: "KafkaLinkData",
    metadata: { self: `${base.origin}${clusterPath(half.cluster)}/links/${enc(half.name)}` },
    source_cluster_id: half.mode === "DESTINATION" ? half.remoteClusterId : null,
    destination_cluster_id: half.mode === "SOURCE" ? half.remoteClusterId : null,
    // Real clusters report the other end here for every mode (the CLI's "Remote Cluster" column).
    remote_cluster_id: half.remoteClusterId,
    link_name: half.name,
    link_id: half.linkId,
    cluster_link_id: half.clusterLinkId,
    topic_names: half.mode === "SOURCE" ? [] : [...half.mirrors.keys()],
    link_error: v.linkError,
    link_error_message: v.linkErrorMessage,
    link_state: v.linkState,
  };
  if (counts) out.category_counts = counts;
  if (opts.includeTasks) out.tasks = linkTasks(world, half, now) as unknown as Json;
  return out;
}

export function unmanagedSourceData(base: UrlBase, c: ClusterState, u: { clusterLinkId: string; linkId: string }): Json {
  return {
    kind: "KafkaLinkData",
    metadata: { self: `${base.origin}${clusterPath(c)}/links/` },
    link_name: "",
    link_id: u.linkId,
    cluster_link_id: u.clusterLinkId,
    topic_names: [],
    link_error: "NO_ERROR",
    link_error_message: null,
    link_state: "UNMANAGED_SOURCE",
  };
}

export function linkConfigData(
  base: UrlBase,
  half: LinkHalf,
  cfg: { name: string; value: string | null; isDefault: boolean; readOnly: boolean; sensitive: boolean },
): Json {
  return {
    kind: "KafkaLinkConfigData",
    metadata: { self: `${base.origin}${clusterPath(half.cluster)}/links/${enc(half.name)}/configs/${enc(cfg.name)}` },
    cluster_id: half.cluster.id,
    name: cfg.name,
    value: cfg.value,
    is_default: cfg.isDefault,
    is_read_only: cfg.readOnly,
    is_sensitive: cfg.sensitive,
    source: cfg.isDefault ? "DEFAULT_CONFIG" : "DYNAMIC_CLUSTER_LINK_CONFIG",
    synonyms: [],
    link_name: half.name,
  };
}

export function mirrorData(base: UrlBase, world: World, topic: TopicState, now: number, opts: { includeTransitionErrors: boolean }): Json {
  const m = topic.mirror;
  if (!m) throw new Error(`topic ${topic.name} is not a mirror`);
  const out: { [key: string]: Json | undefined } = {
    kind: "KafkaMirrorData",
    metadata: { self: `${base.origin}${clusterPath(topic.cluster)}/links/${enc(m.link.name)}/mirrors/${enc(topic.name)}` },
    link_name: m.link.name,
    mirror_topic_name: topic.name,
    source_topic_name: m.sourceTopicName,
    num_partitions: topic.partitions,
    mirror_lags: world.mirrorLags(topic, now) as unknown as Json,
    mirror_status: world.mirrorDisplayStatus(topic, now),
    mirror_topic_error: m.topicError,
    state_time_ms: world.mirrorStateTime(topic, now),
  };
  if (opts.includeTransitionErrors) out.mirror_state_transition_errors = m.transitionErrors.map((e) => ({ ...e }));
  return out;
}

export function actionResponse(base: UrlBase, half: LinkHalf, results: ActionResult[]): Json {
  const mirrorsUrl = `${base.origin}${clusterPath(half.cluster)}/links/${enc(half.name)}/mirrors`;
  return {
    kind: "KafkaPromoteMirror",
    metadata: { self: mirrorsUrl, next: null },
    data: results.map((r) => ({
      kind: "AlterMirrorsData",
      metadata: { self: `${mirrorsUrl}/${enc(r.mirrorTopicName)}`, resource_name: null },
      mirror_topic_name: r.mirrorTopicName,
      error_code: r.errorCode,
      error_message: r.errorMessage,
      mirror_lags: r.lags.map((l) => ({ ...l })),
      messages_truncated: r.messagesTruncated,
      partition_level_truncation_data: r.truncation.map((t) => ({ ...t })),
    })),
  };
}
