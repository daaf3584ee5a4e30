/** Vendor-shaped JSON for consumer groups, consumers and their lags (Confluent REST v3 field names, kinds and links). */
import { groupLags, groupState, type GroupLagRow } from "../model/consumer-groups";
import type { ConsumerGroupState, GroupMember } from "../model/types";
import { clusterPath, collection, type Json, type UrlBase } from "./responses";

const enc = encodeURIComponent;

function groupSelf(base: UrlBase, g: ConsumerGroupState): string {
  return `${base.origin}${clusterPath(g.cluster)}/consumer-groups/${enc(g.id)}`;
}

export function consumerGroupData(base: UrlBase, g: ConsumerGroupState): Json {
  const self = groupSelf(base, g);
  return {
    kind: "KafkaConsumerGroup",
    metadata: { self, resource_name: `crn:///kafka=${g.cluster.id}/consumer-group=${g.id}` },
    cluster_id: g.cluster.id,
    consumer_group_id: g.id,
    is_simple: false,
    partition_assignor: g.partitionAssignor,
    state: groupState(g),
    type: "CLASSIC",
    is_mixed_consumer_group: false,
    coordinator: { related: `${base.origin}${clusterPath(g.cluster)}/brokers/1` },
    consumers: { related: `${self}/consumers` },
    lag_summary: { related: `${self}/lag-summary` },
  };
}

export function consumerGroupList(base: UrlBase, groups: Iterable<ConsumerGroupState>, self: string): Json {
  const data = [...groups].sort((a, b) => a.id.localeCompare(b.id)).map((g) => consumerGroupData(base, g));
  return collection("KafkaConsumerGroupList", self, data);
}

function consumerData(base: UrlBase, g: ConsumerGroupState, m: GroupMember): Json {
  const self = `${groupSelf(base, g)}/consumers/${enc(m.consumerId)}`;
  return {
    kind: "KafkaConsumer",
    metadata: { self, resource_name: `crn:///kafka=${g.cluster.id}/consumer-group=${g.id}/consumer=${m.consumerId}` },
    cluster_id: g.cluster.id,
    consumer_group_id: g.id,
    consumer_id: m.consumerId,
    instance_id: m.instanceId,
    client_id: m.clientId,
    assignments: { related: `${self}/assignments` },
  };
}

export function consumerList(base: UrlBase, g: ConsumerGroupState): Json {
  return collection("KafkaConsumerList", `${groupSelf(base, g)}/consumers`, g.members.map((m) => consumerData(base, g, m)));
}

function lagData(base: UrlBase, g: ConsumerGroupState, r: GroupLagRow): Json {
  return {
    kind: "KafkaConsumerLag",
    metadata: {
      self: `${groupSelf(base, g)}/lags/${enc(r.topic)}/partitions/${r.partition}`,
      resource_name: `crn:///kafka=${g.cluster.id}/consumer-group=${g.id}/lag=${r.topic}/partition=${r.partition}`,
    },
    cluster_id: g.cluster.id,
    consumer_group_id: g.id,
    topic_name: r.topic,
    partition_id: r.partition,
    // A partition nobody is assigned (an EMPTY group) has no consumer: empty strings, as Kafka's describe shows "-".
    consumer_id: r.member?.consumerId ?? "",
    instance_id: r.member?.instanceId ?? null,
    client_id: r.member?.clientId ?? "",
    current_offset: r.currentOffset,
    log_end_offset: r.logEndOffset,
    lag: r.lag,
  };
}

export function consumerLagList(base: UrlBase, g: ConsumerGroupState, now: number): Json {
  return collection("KafkaConsumerLagList", `${groupSelf(base, g)}/lags`, groupLags(g, now).map((r) => lagData(base, g, r)));
}

export function consumerLagSummary(base: UrlBase, g: ConsumerGroupState, now: number): Json {
  const rows = groupLags(g, now);
  const worst = rows.reduce<GroupLagRow | null>((w, r) => (w === null || r.lag > w.lag ? r : w), null);
  const self = groupSelf(base, g);
  const consumerId = worst?.member?.consumerId ?? "";
  return {
    kind: "KafkaConsumerGroupLagSummary",
    metadata: { self: `${self}/lag-summary`, resource_name: `crn:///kafka=${g.cluster.id}/consumer-groups=${g.id}/lag-summary` },
    cluster_id: g.cluster.id,
    consumer_group_id: g.id,
    max_lag_consumer_id: consumerId,
    max_lag_instance_id: worst?.member?.instanceId ?? null,
    max_lag_client_id: worst?.member?.clientId ?? "",
    max_lag_topic_name: worst?.topic ?? "",
    max_lag_partition_id: worst?.partition ?? 0,
    max_lag: worst?.lag ?? 0,
    total_lag: rows.reduce((s, r) => s + r.lag, 0),
    max_lag_consumer: { related: `${self}/consumers/${enc(consumerId)}` },
    max_lag_partition: { related: `${base.origin}${clusterPath(g.cluster)}/topics/${enc(worst?.topic ?? "")}/partitions/${worst?.partition ?? 0}` },
  };
}
