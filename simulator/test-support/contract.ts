/**
 * Checks recorded exchanges against the vendor OpenAPI spec (test/contract/vendor-spec.ts).
 * The only exchanges skipped are answers the spec cannot describe by design, each named here:
 * the brief asks for them and real servers send them, but the CC spec documents neither.
 */
import { vendorConformance, type Conformance } from "../../test/contract/conformance";
import { validateResponse } from "../../test/contract/vendor-spec";
import type { Exchange } from "./rest-client";

export type Deviation = "405-wrong-method" | "404-unknown-path" | "404-unknown-cluster" | "malformed-injected";

export function deliberateDeviation(ex: Exchange): Deviation | null {
  if (ex.status === 405) return "405-wrong-method";
  const message = typeof ex.body === "object" && ex.body !== null ? (ex.body as { message?: unknown }).message : undefined;
  if (ex.status === 404 && message === "HTTP 404 Not Found") return "404-unknown-path";
  if (ex.status === 404 && typeof message === "string" && /^Cluster .* cannot be found\.$/.test(message) && !ex.path.includes("/links")) {
    return "404-unknown-cluster";
  }
  if (typeof ex.body === "string" && ex.contentType?.includes("json")) return "malformed-injected";
  return null;
}

export function contractViolations(exchanges: readonly Exchange[]): string[] {
  const out: string[] = [];
  for (const ex of exchanges) {
    if (!ex.path.startsWith("/kafka/") || deliberateDeviation(ex)) continue;
    const v = validateResponse({ method: ex.method, path: ex.path, status: ex.status, body: ex.body, ...(ex.contentType ? { contentType: ex.contentType } : {}) });
    for (const line of v) out.push(`${ex.method} ${ex.path}${ex.query ? `?${ex.query}` : ""} → ${line}`);
  }
  return out;
}

/**
 * The simulator's answers in a test file, checked against the vendor spec by the file's last test (tag vendor-refs), so
 * that the behaviour tests run without ../shared/refs.
 */
export function answerConformance(): Conformance<Exchange> {
  return vendorConformance<Exchange>("the simulator's answers", contractViolations);
}
