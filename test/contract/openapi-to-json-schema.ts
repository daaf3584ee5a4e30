/**
 * Converts OpenAPI 3.0 schema objects into JSON Schema (draft-07) that ajv understands.
 * OpenAPI 3.0 is a dialect: `nullable` instead of type unions, readOnly/writeOnly that change `required` per direction,
 * vendor `x-` keys, and annotations (example, discriminator, xml) that ajv would reject in strict mode.
 */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };
export type Direction = "request" | "response";

const ANNOTATIONS = new Set(["example", "examples", "discriminator", "xml", "externalDocs", "deprecated", "readOnly", "writeOnly"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf"]);
const SCHEMA_VALUES = new Set(["items", "not", "additionalProperties", "additionalItems"]);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface ConvertContext {
  /** `$id` of the ajv schema that holds the converted components under `definitions`. */
  refBase: string;
  direction: Direction;
  /**
   * Accept `null` wherever the spec has an array: the one way answers serialized by Go's encoding/json (a nil slice) differ
   * from the spec. Only for checking a Go-style server (the simulator's "go" wire style), never the default.
   */
  nilSlices?: boolean;
}

const COMPONENT_SCHEMA_REF = "#/components/schemas/";

export function convertSchema(schema: Json, ctx: ConvertContext): Json {
  if (!isObject(schema)) return schema;

  const ref = schema.$ref;
  if (typeof ref === "string") {
    // OpenAPI 3.0 ignores siblings of $ref.
    if (!ref.startsWith(COMPONENT_SCHEMA_REF)) throw new Error(`Unsupported $ref ${ref}`);
    return { $ref: `${ctx.refBase}#/definitions/${ref.slice(COMPONENT_SCHEMA_REF.length)}` };
  }

  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-") || ANNOTATIONS.has(key) || key === "nullable") continue;
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertSchema(v, ctx)]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((v) => convertSchema(v, ctx));
    } else if (SCHEMA_VALUES.has(key) && isObject(value)) {
      out[key] = convertSchema(value, ctx);
    } else {
      out[key] = value;
    }
  }

  if (Array.isArray(schema.required) && isObject(schema.properties)) {
    const properties = schema.properties;
    // A readOnly property is required only in responses, a writeOnly one only in requests.
    const hidden = ctx.direction === "request" ? "readOnly" : "writeOnly";
    out.required = schema.required.filter((name) => {
      const prop = typeof name === "string" ? properties[name] : undefined;
      return !(isObject(prop) && prop[hidden] === true);
    });
  }

  return schema.nullable === true || (ctx.nilSlices === true && schema.type === "array") ? makeNullable(out) : out;
}

function makeNullable(schema: JsonObject): JsonObject {
  const { type } = schema;
  if (typeof type === "string") {
    const out: JsonObject = { ...schema, type: [type, "null"] };
    if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
    return out;
  }
  return { anyOf: [schema, { type: "null" }] };
}

/** Every component schema of a spec, converted, as one ajv schema document addressable by `refBase`. */
export function componentsDocument(componentSchemas: JsonObject, ctx: ConvertContext): JsonObject {
  const definitions: JsonObject = {};
  for (const [name, schema] of Object.entries(componentSchemas)) definitions[name] = convertSchema(schema, ctx);
  return { $id: ctx.refBase, definitions };
}
