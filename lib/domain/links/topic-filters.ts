import { z } from "zod";

/*
 * The JSON-in-a-string filter configs of a cluster link (reference §8, trap 10): `auto.create.mirror.topics.filters`,
 * `consumer.offset.group.filters` and `acl.filters`. The REST envelope is snake_case, the JSON inside is camelCase,
 * and the value travels as a serialized string, never as a nested object.
 */

export const PATTERN_TYPES = ["LITERAL", "PREFIXED"] as const;
export const FILTER_TYPES = ["INCLUDE", "EXCLUDE"] as const;

export const NameFilterSchema = z.object({
  name: z
    .string()
    .min(1, "must not be empty")
    .max(249, "can be at most 249 characters")
    .regex(/^(\*|[a-zA-Z0-9._-]+)$/, 'must be "*" or letters, digits, ".", "_" and "-"'),
  patternType: z.enum(PATTERN_TYPES),
  filterType: z.enum(FILTER_TYPES),
});
export type NameFilter = z.infer<typeof NameFilterSchema>;

export const ACL_RESOURCE_TYPES = ["any", "topic", "group", "cluster", "transactional_id", "delegation_token"] as const;
export const ACL_PATTERN_TYPES = ["any", "literal", "prefixed", "match"] as const;
export const ACL_OPERATIONS = [
  "any",
  "all",
  "read",
  "write",
  "create",
  "delete",
  "alter",
  "describe",
  "cluster_action",
  "describe_configs",
  "alter_configs",
  "idempotent_write",
] as const;
export const ACL_PERMISSION_TYPES = ["any", "allow", "deny"] as const;

export const AclFilterSchema = z.object({
  resourceFilter: z.object({
    resourceType: z.enum(ACL_RESOURCE_TYPES),
    /** Absent or empty = any name. */
    name: z.string().max(249).optional(),
    patternType: z.enum(ACL_PATTERN_TYPES),
  }),
  accessFilter: z.object({
    /** e.g. "User:alice"; absent = any principal. */
    principal: z
      .string()
      .regex(/^[A-Za-z]+:.+$/, 'must look like "User:alice"')
      .optional(),
    host: z.string().max(255).optional(),
    operation: z.enum(ACL_OPERATIONS),
    permissionType: z.enum(ACL_PERMISSION_TYPES),
  }),
});
export type AclFilter = z.infer<typeof AclFilterSchema>;

const TopicFiltersJsonSchema = z.object({ topicFilters: z.array(NameFilterSchema) }).strict();
const GroupFiltersJsonSchema = z.object({ groupFilters: z.array(NameFilterSchema) }).strict();
const AclFiltersJsonSchema = z.object({ aclFilters: z.array(AclFilterSchema) }).strict();

/** Compact JSON, key order fixed, so previews, CLI files and the wire value are byte-identical. */
const nameFiltersOf = (filters: readonly NameFilter[]) =>
  filters.map((f) => ({ name: f.name, patternType: f.patternType, filterType: f.filterType }));

export function topicFiltersJson(filters: readonly NameFilter[]): string {
  return JSON.stringify({ topicFilters: nameFiltersOf(filters) });
}

export function groupFiltersJson(filters: readonly NameFilter[]): string {
  return JSON.stringify({ groupFilters: nameFiltersOf(filters) });
}

export function aclFiltersJson(filters: readonly AclFilter[]): string {
  return JSON.stringify({
    aclFilters: filters.map((f) => ({
      resourceFilter: {
        resourceType: f.resourceFilter.resourceType,
        ...(f.resourceFilter.name ? { name: f.resourceFilter.name } : {}),
        patternType: f.resourceFilter.patternType,
      },
      accessFilter: {
        ...(f.accessFilter.principal ? { principal: f.accessFilter.principal } : {}),
        ...(f.accessFilter.host ? { host: f.accessFilter.host } : {}),
        operation: f.accessFilter.operation,
        permissionType: f.accessFilter.permissionType,
      },
    })),
  });
}

export type FilterJsonCheck = { ok: true } | { ok: false; problem: string };

function checkJson(text: string, schema: z.ZodType, what: string): FilterJsonCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: `${what} is not valid JSON.` };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join(".") : "the top level";
  return { ok: false, problem: `${what} is not in the expected shape at ${where}: ${issue?.message ?? "not accepted"}.` };
}

/** Filter config name → a check of its JSON value (camelCase keys, known enum values). */
export const FILTER_CONFIG_CHECKS: Readonly<Record<string, (text: string) => FilterJsonCheck>> = {
  "auto.create.mirror.topics.filters": (t) => checkJson(t, TopicFiltersJsonSchema, "auto.create.mirror.topics.filters"),
  "consumer.offset.group.filters": (t) => checkJson(t, GroupFiltersJsonSchema, "consumer.offset.group.filters"),
  "acl.filters": (t) => checkJson(t, AclFiltersJsonSchema, "acl.filters"),
};

function matches(filter: NameFilter, name: string): boolean {
  if (filter.patternType === "LITERAL") return filter.name === "*" || filter.name === name;
  return name.startsWith(filter.name);
}

/** Included when some INCLUDE filter matches and no EXCLUDE filter does: an exclude always wins. */
export function nameIncluded(filters: readonly NameFilter[], name: string): boolean {
  let included = false;
  for (const f of filters) {
    if (!matches(f, name)) continue;
    if (f.filterType === "EXCLUDE") return false;
    included = true;
  }
  return included;
}

export type ParsedNameFilters = { ok: true; filters: NameFilter[] } | { ok: false; problem: string };

/** The filters of `consumer.offset.group.filters`; an empty value means no group at all, as on a new link. */
export function parseGroupFilters(text: string): ParsedNameFilters {
  if (text.trim() === "") return { ok: true, filters: [] };
  const check = checkJson(text, GroupFiltersJsonSchema, "consumer.offset.group.filters");
  if (!check.ok) return check;
  return { ok: true, filters: GroupFiltersJsonSchema.parse(JSON.parse(text)).groupFilters };
}

export interface FilterPreview {
  included: string[];
  /** Matched an INCLUDE filter but an EXCLUDE filter removed it: the names a person most often gets wrong. */
  excluded: string[];
  untouched: string[];
}

/** Which of the source's topics a filter set mirrors (pass the non-internal topics: internal ones are never mirrored). */
export function previewFilters(filters: readonly NameFilter[], topics: readonly string[]): FilterPreview {
  const preview: FilterPreview = { included: [], excluded: [], untouched: [] };
  const includes = filters.filter((f) => f.filterType === "INCLUDE");
  for (const topic of [...topics].sort()) {
    if (nameIncluded(filters, topic)) preview.included.push(topic);
    else if (includes.some((f) => matches(f, topic))) preview.excluded.push(topic);
    else preview.untouched.push(topic);
  }
  return preview;
}
