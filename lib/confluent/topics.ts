import "server-only";
import { readCollection } from "./collections";
import type { ApiContext } from "./context";
import { apiPaths } from "./paths";
import { signalOf, unreadableRowsOf, type ListOptions } from "./request-helpers";
import { TopicDataSchema, type TopicData } from "./schemas/topics";
import type { CreateTopicInput, Topic } from "./types";

export interface TopicsApi {
  list(options?: ListOptions): Promise<Topic[]>;
  get(topicName: string, options?: { signal?: AbortSignal }): Promise<Topic>;
  create(input: CreateTopicInput): Promise<Topic>;
  /** Also how a mirror topic is deleted: there is no mirror delete endpoint. */
  delete(topicName: string): Promise<void>;
}

export function createTopicsApi(ctx: ApiContext): TopicsApi {
  const { transport } = ctx;
  return {
    async list(options = {}) {
      const path = apiPaths.topics(await ctx.clusterId());
      return (await readCollection(transport, { method: "GET", path, ...signalOf(options) }, TopicDataSchema, unreadableRowsOf(options))).map(toTopic);
    },

    async get(topicName, options = {}) {
      const path = apiPaths.topic(await ctx.clusterId(), topicName);
      return toTopic(await transport.json({ method: "GET", path, ...signalOf(options) }, TopicDataSchema));
    },

    async create(input) {
      const body: Record<string, unknown> = { topic_name: input.topicName };
      if (input.partitionsCount !== undefined) body.partitions_count = input.partitionsCount;
      // Confluent Cloud accepts only specific replication factors: omit it unless asked.
      if (input.replicationFactor !== undefined) body.replication_factor = input.replicationFactor;
      if (input.configs) body.configs = input.configs.map((c) => ({ name: c.name, value: c.value }));
      if (input.validateOnly) body.validate_only = true;
      return toTopic(await transport.json({ method: "POST", path: apiPaths.topics(await ctx.clusterId()), body }, TopicDataSchema));
    },

    async delete(topicName) {
      await transport.send({ method: "DELETE", path: apiPaths.topic(await ctx.clusterId(), topicName) });
    },
  };
}

export function toTopic(t: TopicData): Topic {
  return {
    topicName: t.topic_name,
    isInternal: t.is_internal ?? false,
    replicationFactor: t.replication_factor ?? null,
    partitionsCount: t.partitions_count ?? null,
  };
}
