/**
 * How a cluster serializes its answers. Confluent Server (Java, Jackson) writes an empty list as `[]` and every resource's
 * `kind`; Kafka REST servers written in Go (the Confluent CLI's test server, its migration tool's test server, mocks built on
 * the vendor's Go SDKs) write whatever Go's encoding/json makes of the SDK structs: a nil slice is `null`, and a `kind` nobody
 * set is `""`. The "go" style rewrites a finished answer that way, so clients can be tried against both.
 */
import type { Json } from "./responses";

export const WIRE_STYLES = ["java", "go"] as const;
export type WireStyle = (typeof WIRE_STYLES)[number];

export function isWireStyle(value: string): value is WireStyle {
  return (WIRE_STYLES as readonly string[]).includes(value);
}

/** A Go server builds its lists by appending to a nil slice, so every empty list goes out as `null`. */
export function goEncoded(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((item) => goEncoded(item) ?? null);
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: Json | undefined } = {};
  for (const [key, field] of Object.entries(value)) out[key] = key === "kind" ? "" : goEncoded(field);
  return out;
}

export function encodeFor(style: WireStyle, body: Json | undefined): Json | undefined {
  return style === "go" ? goEncoded(body) : body;
}
