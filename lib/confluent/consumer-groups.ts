import "server-only";
import { readLenientCollection } from "./collections";
import type { ApiContext } from "./context";
import { apiPaths } from "./paths";
import { signalOf } from "./request-helpers";
import {
  ConsumerDataSchema,
  ConsumerGroupDataSchema,
  ConsumerGroupLagSummaryDataSchema,
  ConsumerLagDataSchema,
  type ConsumerData,
  type ConsumerGroupData,
  type ConsumerLagData,
} from "./schemas/consumer-groups";
import type { Consumer, ConsumerGroup, ConsumerGroupLagSummary, ConsumerLag, LenientList } from "./types";

type Options = { signal?: AbortSignal };

/** The consumer-group reads of REST v3 (GET only: Linkscope never changes a group). */
export interface ConsumerGroupsApi {
  list(options?: Options): Promise<LenientList<ConsumerGroup>>;
  get(groupId: string, options?: Options): Promise<ConsumerGroup>;
  consumers(groupId: string, options?: Options): Promise<LenientList<Consumer>>;
  /** Committed offset, log end offset and lag per partition the group has offsets for. */
  lags(groupId: string, options?: Options): Promise<LenientList<ConsumerLag>>;
  lagSummary(groupId: string, options?: Options): Promise<ConsumerGroupLagSummary>;
}

export function createConsumerGroupsApi(ctx: ApiContext): ConsumerGroupsApi {
  const { transport } = ctx;
  const group = async (groupId: string) => apiPaths.consumerGroup(await ctx.clusterId(), groupId);
  return {
    async list(options = {}) {
      const path = apiPaths.consumerGroups(await ctx.clusterId());
      const r = await readLenientCollection(transport, { method: "GET", path, ...signalOf(options) }, ConsumerGroupDataSchema);
      return { items: r.items.map(toConsumerGroup), skipped: r.skipped };
    },
    async get(groupId, options = {}) {
      return toConsumerGroup(await transport.json({ method: "GET", path: await group(groupId), ...signalOf(options) }, ConsumerGroupDataSchema));
    },
    async consumers(groupId, options = {}) {
      const path = `${await group(groupId)}/consumers`;
      const r = await readLenientCollection(transport, { method: "GET", path, ...signalOf(options) }, ConsumerDataSchema);
      return { items: r.items.map(toConsumer), skipped: r.skipped };
    },
    async lags(groupId, options = {}) {
      const path = `${await group(groupId)}/lags`;
      const r = await readLenientCollection(transport, { method: "GET", path, ...signalOf(options) }, ConsumerLagDataSchema);
      return { items: r.items.map(toConsumerLag), skipped: r.skipped };
    },
    async lagSummary(groupId, options = {}) {
      const s = await transport.json({ method: "GET", path: `${await group(groupId)}/lag-summary`, ...signalOf(options) }, ConsumerGroupLagSummaryDataSchema);
      return {
        maxLag: s.max_lag,
        totalLag: s.total_lag,
        maxLagTopicName: s.max_lag_topic_name || null,
        maxLagPartitionId: s.max_lag_partition_id ?? null,
      };
    },
  };
}

function toConsumerGroup(g: ConsumerGroupData): ConsumerGroup {
  return {
    consumerGroupId: g.consumer_group_id,
    state: g.state ?? "UNKNOWN",
    type: g.type ?? null,
    isSimple: g.is_simple ?? null,
    partitionAssignor: g.partition_assignor ?? null,
  };
}

function toConsumer(c: ConsumerData): Consumer {
  return { consumerId: c.consumer_id, clientId: c.client_id || null, instanceId: c.instance_id || null };
}

function toConsumerLag(l: ConsumerLagData): ConsumerLag {
  return {
    topicName: l.topic_name,
    partitionId: l.partition_id,
    currentOffset: l.current_offset,
    logEndOffset: l.log_end_offset,
    lag: l.lag ?? Math.max(0, l.log_end_offset - l.current_offset),
    consumerId: l.consumer_id || null,
    clientId: l.client_id || null,
  };
}
