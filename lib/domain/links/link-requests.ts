import { isSecretConfigName } from "./link-config-rules";
import type { LinkKind } from "../types";

/*
 * The upstream requests that create a cluster link of each kind (reference §4, §9, traps 3, 10, 12), built once and
 * shown three ways: the REST call Linkscope makes, the equivalent Confluent CLI command, and a Terraform resource.
 * Pure: the server executes what this builds, the browser previews it, and both mask secrets the same way.
 */

export const SECURITY_PROTOCOLS = ["SASL_SSL", "SASL_PLAINTEXT", "SSL", "PLAINTEXT"] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];
export const SASL_MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

export const MASK = "***";

/** How a link authenticates to one Kafka cluster: an API key/secret (PLAIN) or a SCRAM user/password. */
export interface KafkaCredentials {
  securityProtocol: SecurityProtocol;
  saslMechanism?: SaslMechanism | undefined;
  username?: string | undefined;
  password?: string | undefined;
}

export function usesSasl(protocol: SecurityProtocol): boolean {
  return protocol === "SASL_SSL" || protocol === "SASL_PLAINTEXT";
}

/** One end of the link: a configured cluster (by name) or an external one (name null). */
export interface LinkEnd {
  name: string | null;
  id: string;
  /** Kafka bootstrap servers, when known. */
  bootstrap: string | null;
}

export interface LinkPlan {
  name: string;
  kind: LinkKind;
  source: LinkEnd;
  destination: LinkEnd;
  /** For the cluster that gets dialled: the source (destination-initiated, bidirectional) or the destination (source-initiated). */
  credentials: KafkaCredentials;
  /** Source-initiated: the source cluster's own credentials, for its SOURCE half to read its topics. */
  localCredentials?: KafkaCredentials | undefined;
  /** Bidirectional: the destination's credentials, presented by the half on the source cluster when it dials back. */
  destinationCredentials?: KafkaCredentials | undefined;
  /** Behaviour configs for the half (or halves) that host mirrors. */
  configs: Readonly<Record<string, string>>;
  /** Bidirectional: overrides for the half on the source cluster (e.g. its own cluster.link.prefix). */
  sourceConfigs?: Readonly<Record<string, string>> | undefined;
}

export type HalfRole = "destination" | "destination-inbound" | "source-outbound" | "bidirectional-destination" | "bidirectional-source";
export type IdField = "source_cluster_id" | "destination_cluster_id" | "remote_cluster_id";

export interface ConfigPair {
  name: string;
  value: string;
}

/** One POST /links call: which cluster hosts it, which id field it sends, and its configs (with secrets). */
export interface HalfRequest {
  role: HalfRole;
  /** Human words for the half, e.g. "destination half (INBOUND)". */
  label: string;
  host: LinkEnd;
  remote: LinkEnd;
  linkName: string;
  linkMode: "DESTINATION" | "SOURCE" | "BIDIRECTIONAL";
  idField: IdField;
  clusterLinkId?: string | undefined;
  configs: ConfigPair[];
}

const LOGIN_MODULE: Record<SaslMechanism, string> = {
  PLAIN: "org.apache.kafka.common.security.plain.PlainLoginModule",
  "SCRAM-SHA-256": "org.apache.kafka.common.security.scram.ScramLoginModule",
  "SCRAM-SHA-512": "org.apache.kafka.common.security.scram.ScramLoginModule",
};

/** The `sasl.jaas.config` line, single-quoted as in Confluent's own examples. */
export function jaasLine(creds: KafkaCredentials, password = creds.password ?? ""): string {
  const mechanism = creds.saslMechanism ?? "PLAIN";
  return `${LOGIN_MODULE[mechanism]} required username='${creds.username ?? ""}' password='${password}';`;
}

/** security.protocol, sasl.mechanism and sasl.jaas.config for one cluster, under `prefix` ("" or "local."). */
export function credentialConfigs(creds: KafkaCredentials, prefix = ""): ConfigPair[] {
  const out: ConfigPair[] = [{ name: `${prefix}security.protocol`, value: creds.securityProtocol }];
  if (usesSasl(creds.securityProtocol)) {
    out.push({ name: `${prefix}sasl.mechanism`, value: creds.saslMechanism ?? "PLAIN" });
    out.push({ name: `${prefix}sasl.jaas.config`, value: jaasLine(creds) });
  }
  return out;
}

const pairs = (configs: Readonly<Record<string, string>>): ConfigPair[] =>
  Object.entries(configs).map(([name, value]) => ({ name, value }));

function requireBootstrap(end: LinkEnd, why: string): string {
  if (!end.bootstrap) throw new Error(`${end.name ?? end.id} has no bootstrap servers, which ${why}.`);
  return end.bootstrap;
}

/**
 * The halves to create, in the order they must be created. Source-initiated: the destination's INBOUND half first
 * (it carries `source_cluster_id`, trap 12, and the behaviour configs, since the prefix must sit on the half that
 * hosts mirrors), then the SOURCE half with the destination's bootstrap and credentials plus `local.*` credentials.
 */
export function buildHalfRequests(plan: LinkPlan, options: { clusterLinkId?: string } = {}): HalfRequest[] {
  const { source, destination, name } = plan;
  switch (plan.kind) {
    case "destination-initiated":
      return [
        {
          role: "destination",
          label: "destination half (dials the source)",
          host: destination,
          remote: source,
          linkName: name,
          linkMode: "DESTINATION",
          idField: "source_cluster_id",
          configs: [
            { name: "link.mode", value: "DESTINATION" },
            { name: "connection.mode", value: "OUTBOUND" },
            { name: "bootstrap.servers", value: requireBootstrap(source, "the destination dials") },
            ...credentialConfigs(plan.credentials),
            ...pairs(plan.configs),
          ],
        },
      ];
    case "source-initiated": {
      if (!plan.localCredentials) throw new Error("A source-initiated link needs the source cluster's local credentials.");
      return [
        {
          role: "destination-inbound",
          label: "destination half (INBOUND, waits for the source)",
          host: destination,
          remote: source,
          linkName: name,
          linkMode: "DESTINATION",
          idField: "source_cluster_id",
          configs: [{ name: "link.mode", value: "DESTINATION" }, { name: "connection.mode", value: "INBOUND" }, ...pairs(plan.configs)],
        },
        {
          role: "source-outbound",
          label: "source half (OUTBOUND, dials the destination)",
          host: source,
          remote: destination,
          linkName: name,
          linkMode: "SOURCE",
          idField: "destination_cluster_id",
          ...(options.clusterLinkId ? { clusterLinkId: options.clusterLinkId } : {}),
          configs: [
            { name: "link.mode", value: "SOURCE" },
            { name: "connection.mode", value: "OUTBOUND" },
            { name: "bootstrap.servers", value: requireBootstrap(destination, "the source half dials") },
            ...credentialConfigs(plan.credentials),
            ...(source.bootstrap ? [{ name: "local.bootstrap.servers", value: source.bootstrap }] : []),
            ...credentialConfigs(plan.localCredentials, "local."),
          ],
        },
      ];
    }
    case "bidirectional": {
      if (!plan.destinationCredentials) throw new Error("A bidirectional link needs credentials for both clusters.");
      return [
        {
          role: "bidirectional-destination",
          label: `bidirectional half (dials ${source.name ?? source.id})`,
          host: destination,
          remote: source,
          linkName: name,
          linkMode: "BIDIRECTIONAL",
          idField: "remote_cluster_id",
          configs: [
            { name: "link.mode", value: "BIDIRECTIONAL" },
            { name: "bootstrap.servers", value: requireBootstrap(source, "the destination's half dials") },
            ...credentialConfigs(plan.credentials),
            ...pairs(plan.configs),
          ],
        },
        {
          role: "bidirectional-source",
          label: `bidirectional half (dials ${destination.name ?? destination.id})`,
          host: source,
          remote: destination,
          linkName: name,
          linkMode: "BIDIRECTIONAL",
          idField: "remote_cluster_id",
          ...(options.clusterLinkId ? { clusterLinkId: options.clusterLinkId } : {}),
          configs: [
            { name: "link.mode", value: "BIDIRECTIONAL" },
            { name: "bootstrap.servers", value: requireBootstrap(destination, "the source's half dials") },
            ...credentialConfigs(plan.destinationCredentials),
            ...pairs({ ...plan.configs, ...plan.sourceConfigs }),
          ],
        },
      ];
    }
  }
}

/** Every secret string in a plan, for scrubbing any text that might echo one. */
export function secretsOf(plan: Pick<LinkPlan, "credentials" | "localCredentials" | "destinationCredentials">): string[] {
  return [plan.credentials, plan.localCredentials, plan.destinationCredentials].flatMap((c) => (c?.password ? [c.password] : []));
}

/** A config's value as it may be shown: a JAAS line keeps its module and username, every other secret becomes `***`. */
export function maskConfigValue(name: string, value: string): string {
  if (!isSecretConfigName(name)) return value;
  if (/jaas\.config$/.test(name)) {
    const masked = value.replace(/(password\s*=\s*)(['"])(?:\\.|(?!\2).)*\2/g, `$1$2${MASK}$2`);
    return masked === value && !/password\s*=/.test(value) ? MASK : masked;
  }
  return MASK;
}

export function maskedConfigs(configs: readonly ConfigPair[]): ConfigPair[] {
  return configs.map((c) => ({ name: c.name, value: maskConfigValue(c.name, c.value) }));
}

/** The REST body as sent, except for secrets. */
export function restBody(half: HalfRequest, mask = true): Record<string, unknown> {
  return {
    [half.idField]: half.remote.id,
    ...(half.clusterLinkId ? { cluster_link_id: half.clusterLinkId } : {}),
    configs: mask ? maskedConfigs(half.configs) : half.configs.map((c) => ({ ...c })),
  };
}

export interface RestRequestView {
  method: "POST";
  path: string;
  body: Record<string, unknown>;
}

/** `link_name` is a query parameter, never a body field (trap 3). */
export function restRequestView(half: HalfRequest, options: { validateOnly: boolean }): RestRequestView {
  const query = new URLSearchParams({ link_name: half.linkName });
  if (options.validateOnly) query.set("validate_only", "true");
  return { method: "POST", path: `/kafka/v3/clusters/${encodeURIComponent(half.host.id)}/links?${query.toString()}`, body: restBody(half) };
}

const CLI_REMOTE_FLAG: Record<IdField, string> = {
  source_cluster_id: "--source-cluster",
  destination_cluster_id: "--destination-cluster",
  remote_cluster_id: "--remote-cluster",
};

/** File name for the half's properties, as in the seed walk-through: `cl-<link>.<host>.config`. */
export function cliConfigFileName(half: HalfRequest): string {
  return `cl-${half.linkName}.${half.host.name ?? half.host.id}.config`;
}

/** The Confluent CLI (v3+) equivalent: a properties file (secrets masked) and the create command. */
export function cliCommand(half: HalfRequest): { file: string; fileName: string; command: string } {
  const fileName = cliConfigFileName(half);
  const file = maskedConfigs(half.configs)
    .map((c) => `${c.name}=${c.value}`)
    .join("\n");
  const command = [
    `confluent kafka link create ${half.linkName}`,
    `  --cluster ${half.host.id}`,
    `  ${CLI_REMOTE_FLAG[half.idField]} ${half.remote.id}`,
    `  --config ${fileName}`,
  ].join(" \\\n");
  return { file: `${file}\n`, fileName, command };
}

const tfName = (s: string) => s.replace(/[^A-Za-z0-9_]/g, "_");
const hcl = (s: string) => JSON.stringify(s).replace(/\$\{/g, () => "$${");

/** A variable reference for an end's attribute: Terraform gets secrets and REST endpoints from variables, never literals. */
const tfVar = (end: LinkEnd, what: string) => `var.${tfName(end.name ?? end.id)}_${what}`;

function tfClusterBlock(block: string, end: LinkEnd, reach: "rest" | "bootstrap", withCredentials: boolean): string[] {
  const lines = [`  ${block} {`, `    id = ${hcl(end.id)}`];
  if (reach === "rest") lines.push(`    rest_endpoint = ${tfVar(end, "rest_endpoint")}`);
  else lines.push(`    bootstrap_endpoint = ${end.bootstrap ? hcl(end.bootstrap) : tfVar(end, "bootstrap")}`);
  if (withCredentials) {
    lines.push("    credentials {", `      key    = ${tfVar(end, "api_key")}`, `      secret = ${tfVar(end, "api_secret")}`, "    }");
  }
  lines.push("  }");
  return lines;
}

/** A `confluent_cluster_link` resource for the half (credentials as variables, behaviour configs in `config`). */
export function terraformSnippet(half: HalfRequest): string {
  const behaviour = half.configs.filter(
    (c) => !/^(link\.mode|connection\.mode|bootstrap\.servers|security\.protocol|sasl\.|local\.)/.test(c.name),
  );
  const lines = [
    `resource "confluent_cluster_link" ${hcl(tfName(`${half.linkName}_${half.host.name ?? half.host.id}`))} {`,
    `  link_name = ${hcl(half.linkName)}`,
  ];
  lines.push(`  link_mode = ${hcl(half.linkMode)}`);
  switch (half.role) {
    case "destination":
      lines.push(`  connection_mode = "OUTBOUND"`, ...tfClusterBlock("source_kafka_cluster", half.remote, "bootstrap", true));
      lines.push(...tfClusterBlock("destination_kafka_cluster", half.host, "rest", true));
      break;
    case "destination-inbound":
      lines.push(`  connection_mode = "INBOUND"`, "  source_kafka_cluster {", `    id = ${hcl(half.remote.id)}`, "  }");
      lines.push(...tfClusterBlock("destination_kafka_cluster", half.host, "rest", true));
      break;
    case "source-outbound":
      lines.push(`  connection_mode = "OUTBOUND"`, ...tfClusterBlock("source_kafka_cluster", half.host, "rest", true));
      lines.push(...tfClusterBlock("destination_kafka_cluster", half.remote, "bootstrap", true));
      break;
    case "bidirectional-destination":
    case "bidirectional-source":
      lines.push(...tfClusterBlock("local_kafka_cluster", half.host, "rest", true));
      lines.push(...tfClusterBlock("remote_kafka_cluster", half.remote, "bootstrap", true));
      break;
  }
  if (behaviour.length > 0) {
    lines.push("  config = {");
    for (const c of behaviour) lines.push(`    ${hcl(c.name)} = ${hcl(maskConfigValue(c.name, c.value))}`);
    lines.push("  }");
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
