import "server-only";
import { readCollection } from "./collections";
import type { ApiContext } from "./context";
import { ConfluentError, isConfluentError } from "./errors";
import { apiPaths } from "./paths";
import { configSecrets, signalOf, unreadableRowsOf, type ListOptions } from "./request-helpers";
import { LinkConfigDataSchema, type LinkConfigData } from "./schemas/link-configs";
import type { LinkConfig, LinkConfigAlterResult, LinkConfigChange } from "./types";

export interface LinkConfigsApi {
  list(linkName: string, options?: ListOptions): Promise<LinkConfig[]>;
  get(linkName: string, configName: string, options?: { signal?: AbortSignal }): Promise<LinkConfig>;
  /** PUT one config. */
  set(linkName: string, configName: string, value: string): Promise<void>;
  /** DELETE one config: resets it to its default. */
  reset(linkName: string, configName: string): Promise<void>;
  /**
   * PUT configs:alter with all changes in one batch. A server that answers 405 (Confluent Platform 8.x) gets one
   * PUT/DELETE per config instead: not atomic, stops at the first failure, and the result says what was applied.
   */
  alter(linkName: string, changes: readonly LinkConfigChange[], options?: { validateOnly?: boolean }): Promise<LinkConfigAlterResult>;
}

export function createLinkConfigsApi(ctx: ApiContext): LinkConfigsApi {
  const { transport } = ctx;

  async function set(linkName: string, configName: string, value: string) {
    await transport.send({
      method: "PUT",
      path: apiPaths.linkConfig(await ctx.clusterId(), linkName, configName),
      body: { value },
      secrets: configSecrets([{ name: configName, value }]),
    });
  }

  async function reset(linkName: string, configName: string) {
    await transport.send({ method: "DELETE", path: apiPaths.linkConfig(await ctx.clusterId(), linkName, configName) });
  }

  async function alterOneByOne(linkName: string, changes: readonly LinkConfigChange[]): Promise<LinkConfigAlterResult> {
    const applied: string[] = [];
    for (const [i, change] of changes.entries()) {
      try {
        if (change.operation === "SET") await set(linkName, change.name, change.value);
        else await reset(linkName, change.name);
        applied.push(change.name);
      } catch (err) {
        if (!(err instanceof ConfluentError)) throw err;
        return { atomic: false, applied, failed: { name: change.name, error: err }, notAttempted: changes.slice(i + 1).map((c) => c.name) };
      }
    }
    return { atomic: false, applied, failed: null, notAttempted: [] };
  }

  return {
    async list(linkName, options = {}) {
      const path = apiPaths.linkConfigs(await ctx.clusterId(), linkName);
      const rows = await readCollection(transport, { method: "GET", path, ...signalOf(options) }, LinkConfigDataSchema, unreadableRowsOf(options));
      return rows.map(toLinkConfig);
    },

    async get(linkName, configName, options = {}) {
      const path = apiPaths.linkConfig(await ctx.clusterId(), linkName, configName);
      return toLinkConfig(await transport.json({ method: "GET", path, ...signalOf(options) }, LinkConfigDataSchema));
    },

    set,
    reset,

    async alter(linkName, changes, options = {}) {
      const data = changes.map((c) => (c.operation === "SET" ? { name: c.name, value: c.value, operation: "SET" } : { name: c.name, operation: "DELETE" }));
      try {
        await transport.send({
          method: "PUT",
          path: apiPaths.linkConfigsAlter(await ctx.clusterId(), linkName),
          query: { validate_only: options.validateOnly },
          body: { data },
          secrets: configSecrets(changes.map((c) => ({ name: c.name, value: c.operation === "SET" ? c.value : null }))),
        });
        return { atomic: true, applied: options.validateOnly ? [] : changes.map((c) => c.name), failed: null, notAttempted: [] };
      } catch (err) {
        if (!(isConfluentError(err) && err.status === 405)) throw err;
        if (options.validateOnly) {
          throw new ConfluentError("unsupported", `${transport.origin} cannot validate link config changes without applying them (no configs:alter).`, {
            status: 405,
          });
        }
        return alterOneByOne(linkName, changes);
      }
    },
  };
}

export function toLinkConfig(c: LinkConfigData): LinkConfig {
  const isSensitive = c.is_sensitive ?? c.sensitive ?? false;
  return {
    name: c.name,
    // Never pass a sensitive value on, even if a server sends one.
    value: isSensitive ? null : (c.value ?? null),
    isDefault: c.is_default ?? c.default ?? false,
    isReadOnly: c.is_read_only ?? c.read_only ?? false,
    isSensitive,
    source: c.source ?? null,
    synonyms: c.synonyms ?? [],
  };
}
