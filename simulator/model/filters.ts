import { z } from "zod";

/**
 * The JSON-in-a-string filter configs of a cluster link (`auto.create.mirror.topics.filters`,
 * `consumer.offset.group.filters`, `acl.filters`). Keys are camelCase inside the JSON.
 */

const upper = (values: readonly [string, ...string[]]) =>
  z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(values));

const NameFilterSchema = z.object({
  name: z.string().min(1),
  patternType: upper(["LITERAL", "PREFIXED"]),
  filterType: upper(["INCLUDE", "EXCLUDE"]),
});
export type NameFilter = z.infer<typeof NameFilterSchema>;

const TopicFiltersSchema = z.object({ topicFilters: z.array(NameFilterSchema) });
const GroupFiltersSchema = z.object({ groupFilters: z.array(NameFilterSchema) });
const AclFiltersSchema = z.object({
  aclFilters: z.array(
    z.object({
      resourceFilter: z.object({
        resourceType: z.string().min(1),
        name: z.string().optional(),
        patternType: z.string().min(1),
      }),
      accessFilter: z.object({
        principal: z.string().optional(),
        host: z.string().optional(),
        operation: z.string().min(1),
        permissionType: z.string().min(1),
      }),
    }),
  ),
});

export type FilterParse<T> = { ok: true; value: T } | { ok: false; error: string };

function parseJson<T>(text: string, schema: z.ZodType<T>, what: string): FilterParse<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid";
    return { ok: false, error: `${what} has an invalid shape (${where})` };
  }
  return { ok: true, value: parsed.data };
}

/** An empty value means "no filters" (nothing matches), as on a freshly created link. */
export function parseTopicFilters(text: string): FilterParse<NameFilter[]> {
  if (text.trim() === "") return { ok: true, value: [] };
  const r = parseJson(text, TopicFiltersSchema, "auto.create.mirror.topics.filters");
  return r.ok ? { ok: true, value: r.value.topicFilters } : r;
}

export function parseGroupFilters(text: string): FilterParse<NameFilter[]> {
  if (text.trim() === "") return { ok: true, value: [] };
  const r = parseJson(text, GroupFiltersSchema, "consumer.offset.group.filters");
  return r.ok ? { ok: true, value: r.value.groupFilters } : r;
}

export function parseAclFilters(text: string): FilterParse<number> {
  if (text.trim() === "") return { ok: true, value: 0 };
  const r = parseJson(text, AclFiltersSchema, "acl.filters");
  return r.ok ? { ok: true, value: r.value.aclFilters.length } : r;
}

function matches(filter: NameFilter, name: string): boolean {
  if (filter.patternType === "LITERAL") return filter.name === "*" || filter.name === name;
  return name.startsWith(filter.name);
}

/** Included when some INCLUDE filter matches and no EXCLUDE filter does: exclude wins. */
export function nameIncluded(filters: readonly NameFilter[], name: string): boolean {
  let included = false;
  for (const f of filters) {
    if (!matches(f, name)) continue;
    if (f.filterType === "EXCLUDE") return false;
    included = true;
  }
  return included;
}
