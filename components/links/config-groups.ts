import type { LinkConfigView } from "@/lib/api/links";
import { compareStrings } from "@/lib/domain/compare";

export const CONFIG_GROUPS = [
  {
    id: "connection",
    title: "Connection",
    description: "Link direction, the remote cluster's address and the credentials each side uses.",
  },
  { id: "mirroring", title: "Mirroring", description: "Which topics are mirrored, from where, and how fast." },
  { id: "offset-sync", title: "Consumer offset sync", description: "Copying consumer group offsets so consumers can fail over." },
  { id: "acl-sync", title: "ACL sync", description: "Copying ACLs from the source cluster." },
  { id: "other", title: "Other", description: "Everything else the cluster reports." },
] as const;
export type ConfigGroupId = (typeof CONFIG_GROUPS)[number]["id"];

/** Configs whose value is a JSON document inside the string (reference §8). */
export const FILTER_JSON_CONFIGS: readonly string[] = ["auto.create.mirror.topics.filters", "consumer.offset.group.filters", "acl.filters"];

const CONNECTION_EXACT = new Set([
  "link.mode",
  "connection.mode",
  "remote.link.connection.mode",
  "bootstrap.servers",
  "security.protocol",
  "client.dns.lookup",
  "connections.max.idle.ms",
  "request.timeout.ms",
  "retry.backoff.ms",
  "metadata.max.age.ms",
  "cluster.link.retry.timeout.ms",
]);
const CONNECTION_PREFIXES = ["sasl.", "ssl.", "local.", "source.", "socket.", "reconnect."];
const MIRRORING_EXACT = new Set(["cluster.link.prefix", "cluster.link.paused", "mirror.start.offset.spec", "num.cluster.link.fetchers"]);
const MIRRORING_PREFIXES = ["auto.create.mirror.topics.", "topic.config.sync.", "replica.fetch.", "replica.socket."];

export function configGroupOf(name: string): ConfigGroupId {
  if (name.startsWith("acl.")) return "acl-sync";
  if (name.startsWith("consumer.offset.") || name === "consumer.group.prefix.enable") return "offset-sync";
  if (MIRRORING_EXACT.has(name) || MIRRORING_PREFIXES.some((p) => name.startsWith(p))) return "mirroring";
  if (CONNECTION_EXACT.has(name) || CONNECTION_PREFIXES.some((p) => name.startsWith(p))) return "connection";
  return "other";
}

// What an SRE looks for first in each group; the rest follow in name order.
const PINNED = [
  "link.mode",
  "connection.mode",
  "remote.link.connection.mode",
  "bootstrap.servers",
  "security.protocol",
  "sasl.mechanism",
  "cluster.link.prefix",
  "auto.create.mirror.topics.enable",
  "auto.create.mirror.topics.filters",
  "mirror.start.offset.spec",
  "consumer.offset.sync.enable",
  "consumer.offset.group.filters",
  "acl.sync.enable",
  "acl.filters",
];

/** Explicitly set values first (what someone chose), then the pinned names, then by name. */
function compareConfigs(a: LinkConfigView, b: LinkConfigView): number {
  if (a.isDefault !== b.isDefault) return a.isDefault ? 1 : -1;
  const ra = PINNED.indexOf(a.name);
  const rb = PINNED.indexOf(b.name);
  if (ra !== rb) return (ra === -1 ? Infinity : ra) - (rb === -1 ? Infinity : rb);
  return compareStrings(a.name, b.name);
}

export interface ConfigGroup {
  id: ConfigGroupId;
  title: string;
  description: string;
  configs: LinkConfigView[];
  /** How many defaults were left out by `hideDefaults`. */
  hiddenDefaults: number;
}

/** Configs in display groups (empty groups dropped), explicitly set and pinned names first. */
export function groupConfigs(configs: readonly LinkConfigView[], { hideDefaults = false }: { hideDefaults?: boolean } = {}): ConfigGroup[] {
  return CONFIG_GROUPS.map((g) => {
    const all = configs.filter((c) => configGroupOf(c.name) === g.id).sort(compareConfigs);
    const shown = hideDefaults ? all.filter((c) => !c.isDefault) : all;
    return { id: g.id, title: g.title, description: g.description, configs: shown, hiddenDefaults: all.length - shown.length };
  }).filter((g) => g.configs.length > 0 || g.hiddenDefaults > 0);
}

export type ConfigValueView =
  | { kind: "sensitive" }
  | { kind: "unset" }
  | { kind: "empty" }
  | { kind: "json"; pretty: string }
  | { kind: "invalid-json"; raw: string; problem: string }
  | { kind: "text"; text: string };

/** How to show a value: masked when sensitive, filter JSON pretty-printed, broken JSON flagged with the reason. */
export function configValueView(config: Pick<LinkConfigView, "name" | "value" | "isSensitive">): ConfigValueView {
  if (config.isSensitive) return { kind: "sensitive" };
  if (config.value === null) return { kind: "unset" };
  if (config.value.trim() === "") return { kind: "empty" };
  if (!FILTER_JSON_CONFIGS.includes(config.name)) return { kind: "text", text: config.value };
  try {
    return { kind: "json", pretty: JSON.stringify(JSON.parse(config.value), null, 2) };
  } catch (err) {
    return { kind: "invalid-json", raw: config.value, problem: err instanceof Error ? err.message : "not valid JSON" };
  }
}
