import { validateClusterLinkPrefix } from "../names";
import { FILTER_CONFIG_CHECKS } from "./topic-filters";

/*
 * Which link configs a person may set through Linkscope, when, and what values they take (reference §8).
 * The behaviour configs are Terraform's editable list; connection and credential configs are built by Linkscope
 * from the wizard's answers on create, and may be rotated later.
 */

/** Terraform's editable settings (`confluent_cluster_link` `config`), plus the start offset for new mirrors. */
export const BEHAVIOUR_CONFIGS = [
  "acl.filters",
  "acl.sync.enable",
  "acl.sync.ms",
  "auto.create.mirror.topics.enable",
  "auto.create.mirror.topics.filters",
  "cluster.link.prefix",
  "consumer.group.prefix.enable",
  "consumer.offset.group.filters",
  "consumer.offset.sync.enable",
  "consumer.offset.sync.ms",
  "mirror.start.offset.spec",
  "topic.config.sync.ms",
  "topic.config.sync.include",
] as const;

/** Fixed when the link is created: the link's role and the mirror naming rule cannot change under existing mirrors. */
export const IMMUTABLE_CONFIGS = ["link.mode", "connection.mode", "remote.link.connection.mode", "cluster.link.prefix"] as const;

/** Connection settings that can be changed later, e.g. to rotate an API key (sensitive ones are never read back). */
export const CONNECTION_CONFIGS = [
  "bootstrap.servers",
  "security.protocol",
  "sasl.mechanism",
  "sasl.jaas.config",
  "local.security.protocol",
  "local.sasl.mechanism",
  "local.sasl.jaas.config",
] as const;

const IMMUTABLE: ReadonlySet<string> = new Set(IMMUTABLE_CONFIGS);

/** What may be changed on an existing link: behaviour (less the immutable prefix) and connection settings. */
export const EDITABLE_CONFIGS: readonly string[] = [...BEHAVIOUR_CONFIGS, ...CONNECTION_CONFIGS].filter((n) => !IMMUTABLE.has(n));

const CONNECTION: ReadonlySet<string> = new Set(CONNECTION_CONFIGS);

/** The editable configs that mean something on a half: an INBOUND half dials nobody, only a SOURCE half reads its own cluster. */
export function editableConfigsFor(linkMode: string, connectionMode: string): string[] {
  if (linkMode === "SOURCE") return EDITABLE_CONFIGS.filter((n) => CONNECTION.has(n));
  if (connectionMode === "INBOUND") return EDITABLE_CONFIGS.filter((n) => !CONNECTION.has(n));
  return EDITABLE_CONFIGS.filter((n) => !n.startsWith("local."));
}

export function isImmutableConfig(name: string): boolean {
  return IMMUTABLE.has(name);
}

export function isBehaviourConfig(name: string): boolean {
  return (BEHAVIOUR_CONFIGS as readonly string[]).includes(name);
}

export function isEditableConfig(name: string): boolean {
  return EDITABLE_CONFIGS.includes(name);
}

/** Configs that carry credentials or key material: their values are masked everywhere and never read back. */
export function isSecretConfigName(name: string): boolean {
  return /jaas|password|secret|token|credential|\.key$|keystore\.key|keystore\.certificate|truststore\.certificates/i.test(name);
}

const BOOLEAN_CONFIGS = new Set([
  "acl.sync.enable",
  "auto.create.mirror.topics.enable",
  "consumer.group.prefix.enable",
  "consumer.offset.sync.enable",
]);
const MS_CONFIGS = new Set(["acl.sync.ms", "consumer.offset.sync.ms", "topic.config.sync.ms"]);
const PROTOCOLS = new Set(["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]);
const MECHANISMS = new Set(["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER", "GSSAPI"]);

/** The values a config can take when they are a short fixed list (offered as a select), or null for free text. */
export function configChoices(name: string): string[] | null {
  if (BOOLEAN_CONFIGS.has(name)) return ["true", "false"];
  if (name === "security.protocol" || name === "local.security.protocol") return [...PROTOCOLS];
  if (name === "sasl.mechanism" || name === "local.sasl.mechanism") return [...MECHANISMS];
  return null;
}

/** `earliest`, `latest` or an ISO-8601 timestamp. */
export function validateStartOffsetSpec(value: string): string | null {
  if (value === "earliest" || value === "latest") return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) return null;
  return 'must be "earliest", "latest" or an ISO-8601 timestamp such as 2026-11-21T15:00:00Z';
}

/** One kafka bootstrap list: `host:port[,host:port…]`, each optionally `PROTOCOL://host:port`. */
export function validateBootstrapServers(value: string): string | null {
  const entries = value.split(",").map((e) => e.trim());
  if (value.trim() === "" || entries.some((e) => e === "")) return "must be a comma-separated list of host:port";
  for (const entry of entries) {
    const hostPort = entry.replace(/^[A-Z_]+:\/\//, "");
    const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(hostPort);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535)
      return `"${entry}" is not host:port (e.g. pkc-abc.eu-west-1.aws.confluent.cloud:9092)`;
  }
  return null;
}

/** Null when `value` is acceptable for link config `name`, else what is wrong (without repeating the value: it may be a secret). */
export function validateLinkConfigValue(name: string, value: string): string | null {
  if (BOOLEAN_CONFIGS.has(name) && value !== "true" && value !== "false") return 'must be "true" or "false"';
  if (MS_CONFIGS.has(name) && !(/^\d{1,10}$/.test(value) && Number(value) > 0)) return "must be a positive number of milliseconds";
  const filterCheck = FILTER_CONFIG_CHECKS[name];
  if (filterCheck && value.trim() !== "") {
    const r = filterCheck(value);
    if (!r.ok) return r.problem;
  }
  if (name === "cluster.link.prefix") return validateClusterLinkPrefix(value);
  if (name === "mirror.start.offset.spec") return validateStartOffsetSpec(value);
  if (name === "bootstrap.servers") return validateBootstrapServers(value);
  if ((name === "security.protocol" || name === "local.security.protocol") && !PROTOCOLS.has(value)) {
    return `must be one of ${[...PROTOCOLS].join(", ")}`;
  }
  if ((name === "sasl.mechanism" || name === "local.sasl.mechanism") && !MECHANISMS.has(value))
    return `must be one of ${[...MECHANISMS].join(", ")}`;
  if (name.endsWith("sasl.jaas.config") && !/LoginModule\s+required\b[\s\S]*;\s*$/.test(value)) {
    return "must be a JAAS line: <LoginModule class> required username='…' password='…';";
  }
  return null;
}
