/**
 * Cluster link configs: the default listing (modelled on a real Confluent Cloud answer,
 * shared/refs/fixtures/tf.cluster_link.read_created_cluster_link_config.json), per-name validation,
 * and which names may change after creation.
 */

export interface ConfigDefault {
  value: string | null;
  readOnly: boolean;
  sensitive: boolean;
}

const d = (value: string | null, readOnly = false, sensitive = false): ConfigDefault => ({ value, readOnly, sensitive });

/** Alphabetical, as the real listing is. */
export const LINK_CONFIG_DEFAULTS: ReadonlyMap<string, ConfigDefault> = new Map<string, ConfigDefault>([
  ["acl.filters", d("")],
  ["acl.sync.enable", d("false")],
  ["acl.sync.ms", d("5000")],
  ["auto.create.mirror.topics.enable", d("false")],
  ["auto.create.mirror.topics.filters", d("")],
  ["bootstrap.servers", d(null)],
  ["client.dns.lookup", d("use_all_dns_ips")],
  ["cluster.link.prefix", d(null)],
  ["cluster.link.retry.timeout.ms", d("300000", true)],
  ["connection.mode", d("OUTBOUND")],
  ["connections.max.idle.ms", d("600000", true)],
  ["consumer.group.prefix.enable", d("false")],
  ["consumer.offset.group.filters", d("")],
  ["consumer.offset.sync.enable", d("false")],
  ["consumer.offset.sync.ms", d("30000")],
  ["link.mode", d("DESTINATION")],
  ["local.sasl.jaas.config", d(null, false, true)],
  ["local.sasl.mechanism", d("GSSAPI")],
  ["local.security.protocol", d("PLAINTEXT")],
  ["local.ssl.cipher.suites", d(null)],
  ["local.ssl.enabled.protocols", d("TLSv1.2,TLSv1.3")],
  ["local.ssl.endpoint.identification.algorithm", d("https")],
  ["local.ssl.key.password", d(null, false, true)],
  ["local.ssl.keystore.certificate.chain", d(null, false, true)],
  ["local.ssl.keystore.key", d(null, false, true)],
  ["local.ssl.keystore.type", d("JKS")],
  ["local.ssl.protocol", d("TLSv1.3")],
  ["local.ssl.truststore.certificates", d(null, false, true)],
  ["local.ssl.truststore.type", d("JKS")],
  ["metadata.max.age.ms", d("300000", true)],
  ["num.cluster.link.fetchers", d("1", true)],
  ["replica.fetch.backoff.ms", d("1000", true)],
  ["replica.fetch.max.bytes", d("5242880", true)],
  ["replica.fetch.min.bytes", d("1", true)],
  ["replica.fetch.response.max.bytes", d("10485760", true)],
  ["replica.fetch.wait.max.ms", d("500", true)],
  ["replica.socket.receive.buffer.bytes", d("-1")],
  ["replica.socket.timeout.ms", d("30000", true)],
  ["request.timeout.ms", d("30000", true)],
  ["retry.backoff.ms", d("100", true)],
  ["sasl.jaas.config", d(null, false, true)],
  ["sasl.mechanism", d("GSSAPI")],
  ["security.protocol", d("PLAINTEXT")],
  ["socket.connection.setup.timeout.max.ms", d("30000", true)],
  ["socket.connection.setup.timeout.ms", d("10000", true)],
  ["ssl.cipher.suites", d(null)],
  ["ssl.enabled.protocols", d("TLSv1.2,TLSv1.3")],
  ["ssl.endpoint.identification.algorithm", d("https")],
  ["ssl.key.password", d(null, false, true)],
  ["ssl.keystore.certificate.chain", d(null, false, true)],
  ["ssl.keystore.key", d(null, false, true)],
  ["ssl.keystore.type", d("JKS")],
  ["ssl.protocol", d("TLSv1.3")],
  ["ssl.truststore.certificates", d(null, false, true)],
  ["ssl.truststore.type", d("JKS")],
  ["topic.config.sync.ms", d("5000")],
]);

/** Names outside the default listing that the simulator still understands. */
const EXTRA_KNOWN: ReadonlyMap<string, ConfigDefault> = new Map([
  ["cluster.link.paused", d("false")],
  ["mirror.start.offset.spec", d("earliest")],
  ["remote.link.connection.mode", d("OUTBOUND")],
  ["topic.config.sync.include", d("")],
  ["local.bootstrap.servers", d(null)],
  ["local.listener.name", d(null)],
]);

/** Fixed at creation: the link's role and the mirror naming rule cannot change under existing mirrors. */
export const IMMUTABLE_CONFIGS: ReadonlySet<string> = new Set([
  "link.mode",
  "connection.mode",
  "cluster.link.prefix",
  "remote.link.connection.mode",
]);

export function isSensitiveConfig(name: string): boolean {
  return (LINK_CONFIG_DEFAULTS.get(name) ?? EXTRA_KNOWN.get(name))?.sensitive ?? /(jaas|password|secret|\.key$)/.test(name);
}

export function isReadOnlyConfig(name: string): boolean {
  return LINK_CONFIG_DEFAULTS.get(name)?.readOnly ?? false;
}

export function defaultValue(name: string): string | null {
  return (LINK_CONFIG_DEFAULTS.get(name) ?? EXTRA_KNOWN.get(name))?.value ?? null;
}

export function isKnownConfig(name: string): boolean {
  return LINK_CONFIG_DEFAULTS.has(name) || EXTRA_KNOWN.has(name);
}

const BOOLEAN = new Set([
  "acl.sync.enable",
  "auto.create.mirror.topics.enable",
  "consumer.group.prefix.enable",
  "consumer.offset.sync.enable",
  "cluster.link.paused",
]);
const POSITIVE_INT = new Set(["acl.sync.ms", "consumer.offset.sync.ms", "topic.config.sync.ms", "cluster.link.retry.timeout.ms"]);
const ENUMS: ReadonlyMap<string, readonly string[]> = new Map([
  ["link.mode", ["DESTINATION", "SOURCE", "BIDIRECTIONAL"]],
  ["connection.mode", ["OUTBOUND", "INBOUND"]],
  ["remote.link.connection.mode", ["OUTBOUND", "INBOUND"]],
  ["security.protocol", ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]],
  ["local.security.protocol", ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]],
  ["sasl.mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI", "OAUTHBEARER"]],
  ["local.sasl.mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI", "OAUTHBEARER"]],
]);

const CONFIG_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** Returns a message when the value is not acceptable for the name, null when it is. */
export function validateConfigValue(name: string, value: string): string | null {
  if (!CONFIG_NAME.test(name)) return `Invalid config name '${name}'.`;
  if (BOOLEAN.has(name) && value !== "true" && value !== "false") {
    return `Invalid value ${value} for configuration ${name}: Expected value to be either true or false`;
  }
  if (POSITIVE_INT.has(name) && !/^\d+$/.test(value)) {
    return `Invalid value ${value} for configuration ${name}: Not a number of type LONG`;
  }
  const allowed = ENUMS.get(name);
  if (allowed && !allowed.includes(value)) {
    return `Invalid value ${value} for configuration ${name}: String must be one of: ${allowed.join(", ")}`;
  }
  if (name === "mirror.start.offset.spec" && value !== "earliest" && value !== "latest" && Number.isNaN(Date.parse(value))) {
    return `Invalid value ${value} for configuration ${name}: must be earliest, latest or an ISO-8601 timestamp`;
  }
  return null;
}

/** A link's explicitly set configs, with typed accessors that fall back to the defaults. */
export class LinkConfigs {
  private readonly values = new Map<string, string>();

  constructor(initial?: Iterable<[string, string]>) {
    if (initial) for (const [k, v] of initial) this.values.set(k, v);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  get(name: string): string | null {
    return this.values.get(name) ?? defaultValue(name);
  }

  bool(name: string): boolean {
    return this.get(name) === "true";
  }

  int(name: string): number {
    const n = Number(this.get(name));
    return Number.isFinite(n) ? n : 0;
  }

  set(name: string, value: string): void {
    this.values.set(name, value);
  }

  delete(name: string): void {
    this.values.delete(name);
  }

  /** Every config to list: the default listing plus whatever else was set, alphabetically. */
  listing(): Array<{ name: string; value: string | null; isDefault: boolean; readOnly: boolean; sensitive: boolean }> {
    const names = new Set<string>([...LINK_CONFIG_DEFAULTS.keys(), ...this.values.keys()]);
    return [...names].sort().map((name) => this.describe(name));
  }

  describe(name: string): { name: string; value: string | null; isDefault: boolean; readOnly: boolean; sensitive: boolean } {
    const sensitive = isSensitiveConfig(name);
    const explicit = this.values.get(name);
    const value = sensitive ? null : (explicit ?? defaultValue(name));
    return { name, value, isDefault: explicit === undefined, readOnly: isReadOnlyConfig(name), sensitive };
  }

  entries(): Array<[string, string]> {
    return [...this.values.entries()];
  }

  clone(): LinkConfigs {
    return new LinkConfigs(this.values.entries());
  }
}
