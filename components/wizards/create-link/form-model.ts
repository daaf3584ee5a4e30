import { CreateLinkRequestSchema, type CreateLinkRequestInput } from "@/lib/api/link-admin";
import {
  aclFiltersJson,
  AclFilterSchema,
  groupFiltersJson,
  NameFilterSchema,
  topicFiltersJson,
  type AclFilter,
  type NameFilter,
} from "@/lib/domain/links/topic-filters";
import type { LinkKind } from "@/lib/domain/types";
import type { FormIssue } from "../ui/form-resolver";

/*
 * The create-link wizard's form: flat, string-valued fields a person edits, turned into the POST /api/links body
 * by `toCreateRequest`. Validation runs the server's own schema on that body and maps each issue back to the field
 * it came from, so the wizard and the server can never disagree about what is valid.
 */

export interface CredentialsForm {
  securityProtocol: "SASL_SSL" | "SASL_PLAINTEXT" | "SSL" | "PLAINTEXT";
  saslMechanism: "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512";
  username: string;
  password: string;
}

export interface AclFilterRow {
  resourceType: AclFilter["resourceFilter"]["resourceType"];
  name: string;
  patternType: AclFilter["resourceFilter"]["patternType"];
  principal: string;
  host: string;
  operation: AclFilter["accessFilter"]["operation"];
  permissionType: AclFilter["accessFilter"]["permissionType"];
}

export interface LinkWizardForm {
  name: string;
  sourceMode: "configured" | "external";
  source: string;
  externalId: string;
  externalBootstrap: string;
  destination: string;
  kind: LinkKind;
  /** "Data must flow both ways": the recommendation becomes bidirectional. */
  bothWays: boolean;
  /** The person picked a kind themselves: the wizard stops preselecting its recommendation. */
  kindPicked: boolean;
  credentials: CredentialsForm;
  localCredentials: CredentialsForm;
  destinationCredentials: CredentialsForm;
  autoCreate: boolean;
  topicFilters: NameFilter[];
  offsetSync: boolean;
  groupFilters: NameFilter[];
  offsetSyncMs: string;
  aclSync: boolean;
  aclFilters: AclFilterRow[];
  prefix: string;
  sourcePrefix: string;
  startOffset: "earliest" | "latest" | "timestamp";
  startTimestamp: string;
}

const emptyCredentials = (): CredentialsForm => ({ securityProtocol: "SASL_SSL", saslMechanism: "PLAIN", username: "", password: "" });

export function initialForm(): LinkWizardForm {
  return {
    name: "",
    sourceMode: "configured",
    source: "",
    externalId: "",
    externalBootstrap: "",
    destination: "",
    kind: "destination-initiated",
    bothWays: false,
    kindPicked: false,
    credentials: emptyCredentials(),
    localCredentials: emptyCredentials(),
    destinationCredentials: emptyCredentials(),
    autoCreate: false,
    topicFilters: [{ name: "*", patternType: "LITERAL", filterType: "INCLUDE" }],
    offsetSync: false,
    groupFilters: [{ name: "*", patternType: "LITERAL", filterType: "INCLUDE" }],
    offsetSyncMs: "30000",
    aclSync: false,
    aclFilters: [{ resourceType: "any", name: "", patternType: "any", principal: "", host: "*", operation: "any", permissionType: "any" }],
    prefix: "",
    sourcePrefix: "",
    startOffset: "earliest",
    startTimestamp: "",
  };
}

export function aclFilterOf(row: AclFilterRow): AclFilter {
  return {
    resourceFilter: { resourceType: row.resourceType, ...(row.name ? { name: row.name } : {}), patternType: row.patternType },
    accessFilter: {
      ...(row.principal ? { principal: row.principal } : {}),
      ...(row.host ? { host: row.host } : {}),
      operation: row.operation,
      permissionType: row.permissionType,
    },
  };
}

function credentialsOf(c: CredentialsForm) {
  const sasl = c.securityProtocol === "SASL_SSL" || c.securityProtocol === "SASL_PLAINTEXT";
  return {
    securityProtocol: c.securityProtocol,
    ...(sasl ? { saslMechanism: c.saslMechanism, username: c.username || undefined, password: c.password || undefined } : {}),
  };
}

/** The behaviour configs the mirroring step describes; defaults are left out so the cluster's own apply. */
export function behaviourConfigs(f: LinkWizardForm): Record<string, string> {
  const configs: Record<string, string> = {};
  if (f.autoCreate) {
    configs["auto.create.mirror.topics.enable"] = "true";
    configs["auto.create.mirror.topics.filters"] = topicFiltersJson(f.topicFilters);
  }
  if (f.offsetSync) {
    configs["consumer.offset.sync.enable"] = "true";
    configs["consumer.offset.group.filters"] = groupFiltersJson(f.groupFilters);
    if (f.offsetSyncMs && f.offsetSyncMs !== "30000") configs["consumer.offset.sync.ms"] = f.offsetSyncMs;
  }
  if (f.aclSync) {
    configs["acl.sync.enable"] = "true";
    configs["acl.filters"] = aclFiltersJson(f.aclFilters.map(aclFilterOf));
  }
  if (f.prefix) configs["cluster.link.prefix"] = f.prefix;
  if (f.startOffset === "latest") configs["mirror.start.offset.spec"] = "latest";
  if (f.startOffset === "timestamp") configs["mirror.start.offset.spec"] = f.startTimestamp;
  return configs;
}

export function toCreateRequest(f: LinkWizardForm, validateOnly: boolean): CreateLinkRequestInput {
  return {
    name: f.name,
    kind: f.kind,
    source: f.sourceMode === "external" ? { id: f.externalId, bootstrap: f.externalBootstrap } : f.source,
    destination: f.destination,
    credentials: credentialsOf(f.credentials) as CreateLinkRequestInput["credentials"],
    ...(f.kind === "source-initiated"
      ? { localCredentials: credentialsOf(f.localCredentials) as CreateLinkRequestInput["credentials"] }
      : {}),
    ...(f.kind === "bidirectional"
      ? {
          destinationCredentials: credentialsOf(f.destinationCredentials) as CreateLinkRequestInput["credentials"],
          ...(f.sourcePrefix ? { sourceConfigs: { "cluster.link.prefix": f.sourcePrefix } } : {}),
        }
      : {}),
    configs: behaviourConfigs(f),
    validateOnly,
  };
}

const CONFIG_FIELD: Record<string, keyof LinkWizardForm> = {
  "auto.create.mirror.topics.filters": "topicFilters",
  "consumer.offset.group.filters": "groupFilters",
  "consumer.offset.sync.ms": "offsetSyncMs",
  "acl.filters": "aclFilters",
  "cluster.link.prefix": "prefix",
  "mirror.start.offset.spec": "startTimestamp",
};

/** Request path (as zod reports it) → the form field a person fixes. */
function formPathOf(path: PropertyKey[], f: LinkWizardForm): string {
  const [head, ...rest] = path.map(String);
  if (head === "source") {
    if (f.sourceMode === "external" && rest[0] === "id") return "externalId";
    if (f.sourceMode === "external" && rest[0] === "bootstrap") return "externalBootstrap";
    return f.sourceMode === "external" && f.kind !== "destination-initiated" ? "kind" : "source";
  }
  if (head === "configs") return CONFIG_FIELD[rest.join(".")] ?? "prefix";
  if (head === "sourceConfigs") return "sourcePrefix";
  if (head === "credentials" || head === "localCredentials" || head === "destinationCredentials")
    return rest.length > 0 ? `${head}.${rest[0]}` : `${head}.username`;
  return head ?? "name";
}

function rowIssues(
  rows: readonly unknown[],
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
  field: string,
  enabled: boolean,
): FormIssue[] {
  if (!enabled) return [];
  if (rows.length === 0) return [{ path: field, message: "Add at least one filter row." }];
  return rows.flatMap((row, i) => {
    const r = schema.safeParse(row);
    return r.success
      ? []
      : (r.error?.issues ?? []).map((issue) => ({
          path: `${field}.${i}.${issue.path.at(-1) === undefined ? "name" : String(issue.path.at(-1))}`,
          message: `This ${issue.message}`,
        }));
  });
}

/** Every problem in the form, by form path (the server schema, plus per-row checks of filter rows). */
export function validateLinkForm(f: LinkWizardForm): FormIssue[] {
  const issues: FormIssue[] = [];
  if (f.sourceMode === "configured" && !f.source) issues.push({ path: "source", message: "Pick the source cluster." });
  if (!f.destination) issues.push({ path: "destination", message: "Pick the destination cluster." });
  if (f.startOffset === "timestamp" && !f.startTimestamp)
    issues.push({ path: "startTimestamp", message: "Enter the timestamp to start from." });
  issues.push(...rowIssues(f.topicFilters, NameFilterSchema, "topicFilters", f.autoCreate));
  issues.push(...rowIssues(f.groupFilters, NameFilterSchema, "groupFilters", f.offsetSync));
  issues.push(...rowIssues(f.aclFilters.map(aclFilterOf), AclFilterSchema, "aclFilters", f.aclSync));
  const parsed = CreateLinkRequestSchema.safeParse(toCreateRequest(f, true));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPathOf(issue.path, f);
      // Row-level checks above already say more precisely what is wrong with a filter list.
      if (["topicFilters", "groupFilters", "aclFilters"].includes(path) && issues.some((i) => i.path.startsWith(`${path}.`))) continue;
      issues.push({ path, message: sentence(issue.message) });
    }
  }
  return issues;
}

/** Schema messages are written to follow a field name ("is required with SASL_SSL"); next to the field they stand alone. */
function sentence(m: string): string {
  const text = m.replace(/^is /, "");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : ".") : text;
}

export const STEPS = [
  { id: "clusters", title: "Clusters", fields: ["name", "source", "externalId", "externalBootstrap", "destination"] },
  { id: "connection", title: "Who connects", fields: ["kind"] },
  { id: "security", title: "Security", fields: ["credentials", "localCredentials", "destinationCredentials"] },
  {
    id: "mirroring",
    title: "Mirroring",
    fields: ["topicFilters", "groupFilters", "offsetSyncMs", "aclFilters", "prefix", "sourcePrefix", "startTimestamp"],
  },
  { id: "review", title: "Review", fields: [] },
] as const;
