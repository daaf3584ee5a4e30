/**
 * Contract validator: checks HTTP requests and responses against Confluent's canonical Kafka REST v3 OpenAPI spec
 * (Confluent Cloud), plus the short allow-list in tolerances.ts. Each function returns human-readable violations;
 * an empty array means the exchange conforms.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { componentsDocument, convertSchema, isObject, type Direction, type Json } from "./openapi-to-json-schema";
import { refsFile } from "./refs-location";
import { compileTemplate, loadSpec, type CompiledTemplate, type Operation } from "./spec-index";
import { TOLERANCES } from "./tolerances";

export interface ResponseExchange {
  method: string;
  /** Concrete request path, e.g. `/kafka/v3/clusters/lkc-1/links/my-link/mirrors:promote` (a `?query` is ignored). */
  path: string;
  status: number;
  /** Parsed JSON, raw text (JSON is parsed from it), or undefined/""/null for no body. */
  body: unknown;
  contentType?: string;
}

/** "go": answers of a Go-style server, where any array may be `null` (Go's nil slice); everything else as the spec says. */
export type Dialect = "spec" | "go";

export type QueryInput = URLSearchParams | Record<string, string | number | boolean | readonly string[] | undefined>;

export interface RequestExchange {
  method: string;
  /** Concrete request path; a `?query` suffix is read as query parameters too. */
  path: string;
  query?: QueryInput;
  /** Parsed JSON, raw JSON text, or undefined for no body. */
  body?: unknown;
}

// ---- registry (built once per process) --------------------------------------------------------------------------

interface Registry {
  ajv: Ajv;
  templates: Array<CompiledTemplate & { operations: Operation[] }>;
  validators: Map<string, Map<Json, ValidateFunction>>;
}

let registry: Registry | undefined;

const refBase = (specId: string, direction: Direction, dialect: Dialect = "spec") =>
  `https://linkscope.invalid/${dialect === "go" ? "go/" : ""}${specId}/${direction}`;

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  typeof addFormatsModule === "function" ? addFormatsModule : (addFormatsModule as unknown as { default: AddFormats }).default;

function getRegistry(): Registry {
  if (registry) return registry;
  const cc = loadSpec("cc", refsFile("kafka-rest-v3-openapi.ccloud.yaml"));
  const cp = loadSpec("cp", refsFile("kafka-rest-v3-openapi.cp-sdk-2024-06.yaml"), "/kafka/v3");
  for (const tolerance of TOLERANCES) tolerance.apply(cc, cp);

  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const spec of [cc, cp]) {
    for (const direction of ["request", "response"] as const) {
      ajv.addSchema(componentsDocument(spec.componentSchemas, { refBase: refBase(spec.id, direction), direction }));
    }
    ajv.addSchema(
      componentsDocument(spec.componentSchemas, { refBase: refBase(spec.id, "response", "go"), direction: "response", nilSlices: true }),
    );
  }

  const byTemplate = new Map<string, Operation[]>();
  for (const op of cc.operations) byTemplate.set(op.template, [...(byTemplate.get(op.template) ?? []), op]);
  const templates = [...byTemplate].map(([template, operations]) => ({ ...compileTemplate(template), operations }));
  templates.sort((a, b) => b.literalLength - a.literalLength);

  registry = { ajv, templates, validators: new Map() };
  return registry;
}

function validatorFor(op: Operation, direction: Direction, schema: Json, dialect: Dialect = "spec"): ValidateFunction {
  const reg = getRegistry();
  const key = `${dialect}/${op.specId}/${direction}`;
  let cache = reg.validators.get(key);
  if (!cache) {
    cache = new Map();
    reg.validators.set(key, cache);
  }
  let validate = cache.get(schema);
  if (!validate) {
    const converted = convertSchema(schema, { refBase: refBase(op.specId, direction, dialect), direction, nilSlices: dialect === "go" });
    validate = reg.ajv.compile(isObject(converted) ? converted : {});
    cache.set(schema, validate);
  }
  return validate;
}

// ---- matching ---------------------------------------------------------------------------------------------------

interface Match {
  operation: Operation;
  pathParams: Record<string, string>;
}

function matchOperation(method: string, rawPath: string): Match | string {
  const path = rawPath.split("?")[0] ?? "";
  const upper = method.toUpperCase();
  // OpenAPI: a concrete path matches its most literal template (`links/-/mirrors` before `links/{link_name}/mirrors`).
  for (const t of getRegistry().templates) {
    const m = t.regex.exec(path);
    if (!m) continue;
    const operation = t.operations.find((o) => o.method === upper);
    if (!operation) {
      return `${upper} ${path}: the vendor spec has no ${upper} on ${t.template} (it has ${t.operations.map((o) => o.method).join(", ")})`;
    }
    const pathParams: Record<string, string> = {};
    for (const [i, name] of t.paramNames.entries()) pathParams[name] = safeDecode(m[i + 1] ?? "");
    return { operation, pathParams };
  }
  return `${upper} ${path}: no such path in the vendor spec`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// ---- responses --------------------------------------------------------------------------------------------------

export function validateResponse(exchange: ResponseExchange, dialect: Dialect = "spec"): string[] {
  const match = matchOperation(exchange.method, exchange.path);
  if (typeof match === "string") return [match];
  const { operation } = match;
  const label = `${operation.method} ${operation.template} → ${exchange.status}`;

  const statusKey = String(exchange.status);
  const response = operation.responses[statusKey] ?? operation.responses[`${statusKey[0] ?? ""}XX`] ?? operation.responses.DEFAULT;
  if (!response) {
    return [
      `${label}: status ${exchange.status} is not documented for ${operation.operationId} (documented: ${Object.keys(operation.responses).join(", ")})`,
    ];
  }

  const media = Object.keys(response.content);
  const bodyText = asText(exchange.body);
  const empty = exchange.body === undefined || exchange.body === null || bodyText === "";
  if (media.length === 0) {
    return empty ? [] : [`${label}: must have no body, got ${describe(exchange.body)}`];
  }

  const violations: string[] = [];
  let mediaType = media[0] ?? "application/json";
  if (exchange.contentType !== undefined) {
    const given = (exchange.contentType.split(";")[0] ?? "").trim().toLowerCase();
    if (media.includes(given)) mediaType = given;
    else violations.push(`${label}: content-type ${given || "(empty)"} is not documented (expected ${media.join(" or ")})`);
  }
  if (empty) return [...violations, `${label}: body is missing (expected ${mediaType})`];

  const parsed = mediaType.includes("json") ? parseJson(exchange.body, bodyText) : { value: bodyText ?? exchange.body };
  if ("error" in parsed) return [...violations, `${label}: body is not valid JSON (${parsed.error})`];

  const schema = response.content[mediaType] ?? {};
  return [...violations, ...schemaViolations(validatorFor(operation, "response", schema, dialect), parsed.value, label)];
}

// ---- requests ---------------------------------------------------------------------------------------------------

export function validateRequest(exchange: RequestExchange): string[] {
  const match = matchOperation(exchange.method, exchange.path);
  if (typeof match === "string") return [match];
  const { operation, pathParams } = match;
  const label = `${operation.method} ${operation.template}`;
  const violations: string[] = [];

  for (const p of operation.parameters.filter((p) => p.in === "path")) {
    const value = pathParams[p.name];
    if (value === undefined) violations.push(`${label}: path parameter ${p.name} is missing`);
    else
      violations.push(...schemaViolations(validatorFor(operation, "request", p.schema), value, `${label}: path parameter ${p.name}`, ""));
  }

  const query = collectQuery(exchange.path, exchange.query);
  const declared = operation.parameters.filter((p) => p.in === "query");
  for (const name of query.keys()) {
    if (!declared.some((p) => p.name === name)) violations.push(`${label}: unknown query parameter ${name}`);
  }
  for (const p of declared) {
    const values = query.get(p.name) ?? [];
    if (values.length === 0) {
      if (p.required) violations.push(`${label}: required query parameter ${p.name} is missing`);
      continue;
    }
    const type = schemaType(operation, p.schema);
    if (type !== "array" && values.length > 1) violations.push(`${label}: query parameter ${p.name} given ${values.length} times`);
    const value = type === "array" ? values : coerce(values[0] ?? "", type);
    violations.push(...schemaViolations(validatorFor(operation, "request", p.schema), value, `${label}: query parameter ${p.name}`, ""));
  }

  const text = asText(exchange.body);
  const hasBody = exchange.body !== undefined && exchange.body !== null && text !== "";
  if (!operation.requestBody) {
    if (hasBody) violations.push(`${label}: must not carry a request body`);
    return violations;
  }
  if (!hasBody) {
    if (operation.requestBody.required) violations.push(`${label}: request body is required`);
    return violations;
  }
  const schema = operation.requestBody.content["application/json"];
  if (schema === undefined)
    return [...violations, `${label}: request body media types are ${Object.keys(operation.requestBody.content).join(", ")}, not JSON`];
  const parsed = parseJson(exchange.body, text);
  if ("error" in parsed) return [...violations, `${label}: request body is not valid JSON (${parsed.error})`];
  return [...violations, ...schemaViolations(validatorFor(operation, "request", schema), parsed.value, label)];
}

function collectQuery(path: string, query: QueryInput | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, v: string) => {
    out.set(k, [...(out.get(k) ?? []), v]);
  };
  const q = path.indexOf("?");
  if (q >= 0) for (const [k, v] of new URLSearchParams(path.slice(q + 1))) add(k, v);
  if (query instanceof URLSearchParams) for (const [k, v] of query) add(k, v);
  else if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const item of v as readonly string[]) add(k, item);
      else add(k, String(v));
    }
  }
  return out;
}

function schemaType(op: Operation, schema: Json): string | undefined {
  if (!isObject(schema)) return undefined;
  if (typeof schema.type === "string") return schema.type;
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const converted = convertSchema(schema, { refBase: refBase(op.specId, "request"), direction: "request" });
    const id = isObject(converted) && typeof converted.$ref === "string" ? converted.$ref : "";
    const target = getRegistry().ajv.getSchema(id)?.schema;
    return isObject(target) && typeof target.type === "string" ? target.type : undefined;
  }
  return undefined;
}

function coerce(value: string, type: string | undefined): unknown {
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

// ---- shared helpers ---------------------------------------------------------------------------------------------

function asText(body: unknown): string | undefined {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString("utf8");
  return undefined;
}

function parseJson(body: unknown, text: string | undefined): { value: unknown } | { error: string } {
  if (text === undefined) return { value: body };
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function describe(body: unknown): string {
  const text = asText(body) ?? JSON.stringify(body) ?? String(body);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function schemaViolations(validate: ValidateFunction, value: unknown, label: string, root = "body"): string[] {
  if (validate(value)) return [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) seen.add(`${label}: ${formatError(error, root)}`);
  return [...seen];
}

function formatError(error: ErrorObject, root: string): string {
  const where =
    root +
    error.instancePath
      .split("/")
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, "/").replace(/~0/g, "~")}`))
      .join("");
  const detail = error.keyword === "enum" && isObject(error.params) ? ` (${JSON.stringify(error.params.allowedValues)})` : "";
  return `${where || "value"} ${error.message ?? "is invalid"}${detail}`;
}
