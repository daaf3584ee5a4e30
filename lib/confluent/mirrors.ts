import "server-only";
import { readCollectionFast } from "./collections";
import { decodeMirrorRow } from "./decode-mirror";
import type { ApiContext } from "./context";
import { errorOrNull, toLags, toTaskErrors } from "./normalize-common";
import { apiPaths } from "./paths";
import { signalOf, unreadableRowsOf, type ListOptions } from "./request-helpers";
import { MirrorDataSchema, type MirrorData } from "./schemas/mirrors";
import type { CreateMirrorInput, MirrorTopic } from "./types";

export interface MirrorListOptions extends ListOptions {
  /** One uppercase MirrorTopicStatus value, e.g. "ACTIVE". */
  mirrorStatus?: string;
}

export interface MirrorsApi {
  /** Mirrors of one link. Only meaningful on the cluster that hosts the mirrors (never the source half). */
  listUnderLink(linkName: string, options?: MirrorListOptions): Promise<MirrorTopic[]>;
  /** Every mirror on this cluster across links (`links/-/mirrors`). */
  listAll(options?: MirrorListOptions): Promise<MirrorTopic[]>;
  get(
    linkName: string,
    mirrorTopicName: string,
    options?: { includeStateTransitionErrors?: boolean; signal?: AbortSignal },
  ): Promise<MirrorTopic>;
  /** Creates a mirror topic (204); poll `get` for its state. */
  create(linkName: string, input: CreateMirrorInput): Promise<void>;
}

export function createMirrorsApi(ctx: ApiContext): MirrorsApi {
  const { transport } = ctx;
  // The largest answers of a refresh (every cluster's whole list, every period): rows go straight to MirrorTopic
  // (decode-mirror.ts), and only a row that is not plainly well-formed is parsed by the schema.
  const list = (path: string, options: MirrorListOptions) =>
    readCollectionFast(
      transport,
      { method: "GET", path, query: { mirror_status: options.mirrorStatus }, ...signalOf(options) },
      MirrorDataSchema,
      toMirrorTopic,
      decodeMirrorRow,
      unreadableRowsOf(options),
    );

  return {
    listUnderLink: async (linkName, options = {}) => list(apiPaths.mirrors(await ctx.clusterId(), linkName), options),
    listAll: async (options = {}) => list(apiPaths.allMirrors(await ctx.clusterId()), options),

    async get(linkName, mirrorTopicName, options = {}) {
      const path = apiPaths.mirror(await ctx.clusterId(), linkName, mirrorTopicName);
      const query = options.includeStateTransitionErrors ? { include_state_transition_errors: true } : undefined;
      return toMirrorTopic(await transport.json({ method: "GET", path, query, ...signalOf(options) }, MirrorDataSchema));
    },

    async create(linkName, input) {
      const body: Record<string, unknown> = { source_topic_name: input.sourceTopicName };
      // Older ce-kafka-rest does not know mirror_topic_name: send it only when it differs (as the Confluent CLI does).
      if (input.mirrorTopicName !== undefined && input.mirrorTopicName !== input.sourceTopicName)
        body.mirror_topic_name = input.mirrorTopicName;
      if (input.replicationFactor !== undefined) body.replication_factor = input.replicationFactor;
      if (input.configs) body.configs = input.configs.map((c) => ({ name: c.name, value: c.value }));
      await transport.send({ method: "POST", path: apiPaths.mirrors(await ctx.clusterId(), linkName), body });
    },
  };
}

export function toMirrorTopic(m: MirrorData): MirrorTopic {
  return {
    linkName: m.link_name,
    mirrorTopicName: m.mirror_topic_name,
    sourceTopicName: m.source_topic_name,
    numPartitions: m.num_partitions,
    mirrorStatus: m.mirror_status,
    mirrorTopicError: errorOrNull(m.mirror_topic_error),
    stateTimeMs: m.state_time_ms,
    lags: toLags(m.mirror_lags),
    stateTransitionErrors: m.mirror_state_transition_errors ? toTaskErrors(m.mirror_state_transition_errors) : null,
  };
}
