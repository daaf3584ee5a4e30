import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { isObject, type Json, type JsonObject } from "./openapi-to-json-schema";

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: Json;
}

export interface MediaSchemas {
  /** media type (lower case) → OpenAPI schema; empty when the spec documents no body. */
  [mediaType: string]: Json;
}

export interface ResponseSpec {
  content: MediaSchemas;
}

export interface Operation {
  /** Which spec document the schemas belong to (for $ref resolution). */
  specId: string;
  method: string;
  template: string;
  operationId: string;
  parameters: Parameter[];
  requestBody: { required: boolean; content: MediaSchemas } | null;
  /** status code, `4XX`-style range or `default` → response */
  responses: Record<string, ResponseSpec>;
}

export interface LoadedSpec {
  id: string;
  doc: JsonObject;
  componentSchemas: JsonObject;
  operations: Operation[];
}

export function loadSpec(id: string, file: string, pathPrefix = ""): LoadedSpec {
  const parsed: unknown = parse(readFileSync(file, "utf8"));
  if (!isObject(parsed) || !isObject(parsed.paths)) throw new Error(`${file} is not an OpenAPI document`);
  const doc = parsed;
  const components = isObject(doc.components) ? doc.components : {};
  const componentSchemas = isObject(components.schemas) ? components.schemas : {};
  const operations: Operation[] = [];
  for (const [template, pathItem] of Object.entries(parsed.paths)) {
    if (!isObject(pathItem)) continue;
    const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      const own = Array.isArray(op.parameters) ? op.parameters : [];
      operations.push({
        specId: id,
        method: method.toUpperCase(),
        template: pathPrefix + template,
        operationId: typeof op.operationId === "string" ? op.operationId : `${method} ${template}`,
        parameters: mergeParameters(doc, shared, own),
        requestBody: readRequestBody(doc, op.requestBody),
        responses: readResponses(doc, op.responses),
      });
    }
  }
  return { id, doc, componentSchemas, operations };
}

function resolve(doc: JsonObject, value: Json | undefined): Json | undefined {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && !current.$ref.startsWith("#/components/schemas/"); hops++) {
    if (hops > 10) throw new Error(`$ref loop at ${current.$ref}`);
    const ref: string = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`External $ref not supported: ${ref}`);
    let target: Json | undefined = doc;
    for (const part of ref.slice(2).split("/"))
      target = isObject(target) ? target[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
    if (target === undefined) throw new Error(`Unresolvable $ref ${ref}`);
    current = target;
  }
  return current;
}

function mergeParameters(doc: JsonObject, shared: Json[], own: Json[]): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const raw of [...shared, ...own]) {
    const p = resolve(doc, raw);
    if (!isObject(p) || typeof p.name !== "string" || typeof p.in !== "string") continue;
    if (p.in !== "path" && p.in !== "query" && p.in !== "header" && p.in !== "cookie") continue;
    byKey.set(`${p.in}:${p.name}`, { name: p.name, in: p.in, required: p.required === true, schema: p.schema ?? {} });
  }
  return [...byKey.values()];
}

function readContent(doc: JsonObject, content: Json | undefined): MediaSchemas {
  const out: MediaSchemas = {};
  if (!isObject(content)) return out;
  for (const [mediaType, media] of Object.entries(content)) {
    const m = resolve(doc, media);
    out[mediaType.toLowerCase()] = isObject(m) && m.schema !== undefined ? m.schema : {};
  }
  return out;
}

function readRequestBody(doc: JsonObject, raw: Json | undefined): Operation["requestBody"] {
  const body = resolve(doc, raw);
  if (!isObject(body)) return null;
  return { required: body.required === true, content: readContent(doc, body.content) };
}

function readResponses(doc: JsonObject, raw: Json | undefined): Record<string, ResponseSpec> {
  const out: Record<string, ResponseSpec> = {};
  if (!isObject(raw)) return out;
  for (const [status, response] of Object.entries(raw)) {
    const r = resolve(doc, response);
    out[status.toUpperCase()] = { content: readContent(doc, isObject(r) ? r.content : undefined) };
  }
  return out;
}

// ---- path matching ---------------------------------------------------------------------------------------------

export interface CompiledTemplate {
  template: string;
  regex: RegExp;
  paramNames: string[];
  /** Number of literal characters: a concrete path matches its most literal template first (OpenAPI rule). */
  literalLength: number;
}

export function compileTemplate(template: string): CompiledTemplate {
  const paramNames: string[] = [];
  let literalLength = 0;
  const source = template
    .split(/(\{[^}]+\})/)
    .map((piece) => {
      const param = /^\{([^}]+)\}$/.exec(piece);
      if (param?.[1]) {
        paramNames.push(param[1]);
        // `:` ends a parameter: `{link_name}` must never swallow a `:promote` action suffix.
        return "([^/:]+)";
      }
      literalLength += piece.length;
      return piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { template, regex: new RegExp(`^${source}$`), paramNames, literalLength };
}
