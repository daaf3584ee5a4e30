import "server-only";
import { readCollection } from "./collections";
import type { ApiContext } from "./context";
import { errorOrNull, toTaskErrors } from "./normalize-common";
import { apiPaths } from "./paths";
import { configSecrets, signalOf, unreadableRowsOf, type ListOptions } from "./request-helpers";
import { isNamelessLinkRow, LinkDataSchema, type LinkData } from "./schemas/links";
import type { CreateLinkInput, LinkHalf } from "./types";

export interface LinksApi {
  /**
   * Links hosted on this cluster, without the nameless UNMANAGED_SOURCE leftovers of deleted source-initiated links;
   * rows that cannot be read are left out and reported to `onUnreadableRows`.
   */
  list(options?: ListOptions): Promise<LinkHalf[]>;
  get(linkName: string, options?: { includeTasks?: boolean; signal?: AbortSignal }): Promise<LinkHalf>;
  /** Creates a link (204). `link_name` travels as a query parameter. */
  create(linkName: string, input: CreateLinkInput, options?: { validateOnly?: boolean; validateLink?: boolean }): Promise<void>;
  delete(linkName: string, options?: { force?: boolean; validateOnly?: boolean }): Promise<void>;
}

export function createLinksApi(ctx: ApiContext): LinksApi {
  const { transport } = ctx;
  return {
    async list(options = {}) {
      const path = apiPaths.links(await ctx.clusterId());
      const rows = await readCollection(transport, { method: "GET", path, ...signalOf(options) }, LinkDataSchema, {
        skip: isNamelessLinkRow,
        ...unreadableRowsOf(options),
      });
      return rows.map(toLinkHalf);
    },

    async get(linkName, options = {}) {
      const path = apiPaths.link(await ctx.clusterId(), linkName);
      const query = options.includeTasks ? { include_tasks: true } : undefined;
      return toLinkHalf(await transport.json({ method: "GET", path, query, ...signalOf(options) }, LinkDataSchema));
    },

    async create(linkName, input, options = {}) {
      const body: Record<string, unknown> = {};
      if (input.sourceClusterId !== undefined) body.source_cluster_id = input.sourceClusterId;
      if (input.destinationClusterId !== undefined) body.destination_cluster_id = input.destinationClusterId;
      if (input.remoteClusterId !== undefined) body.remote_cluster_id = input.remoteClusterId;
      if (input.clusterLinkId !== undefined) body.cluster_link_id = input.clusterLinkId;
      if (input.configs) body.configs = input.configs.map((c) => ({ name: c.name, value: c.value }));
      await transport.send({
        method: "POST",
        path: apiPaths.links(await ctx.clusterId()),
        query: { link_name: linkName, validate_only: options.validateOnly, validate_link: options.validateLink },
        body,
        secrets: configSecrets(input.configs),
      });
    },

    async delete(linkName, options = {}) {
      await transport.send({
        method: "DELETE",
        path: apiPaths.link(await ctx.clusterId(), linkName),
        query: { force: options.force, validate_only: options.validateOnly },
      });
    },
  };
}

export function toLinkHalf(l: LinkData): LinkHalf {
  return {
    linkName: l.link_name,
    clusterLinkId: l.cluster_link_id ?? l.link_id ?? "",
    sourceClusterId: l.source_cluster_id ?? null,
    destinationClusterId: l.destination_cluster_id ?? null,
    remoteClusterId: l.remote_cluster_id ?? null,
    linkState: l.link_state ?? null,
    linkError: errorOrNull(l.link_error),
    linkErrorMessage: l.link_error_message || null,
    topicNames: l.topic_names,
    tasks: l.tasks ? l.tasks.map((t) => ({ name: t.task_name, state: t.state, errors: toTaskErrors(t.errors) })) : null,
    categoryCounts: l.category_counts ? l.category_counts.map((c) => ({ stateCategory: c.state_category, count: c.count })) : null,
  };
}
