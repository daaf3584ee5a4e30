/**
 * The wire check of a test file as a test of its own. A file's tests record what they sent or received; one test at the
 * end of the file checks all of it against Confluent's OpenAPI spec. The behaviour tests then need nothing outside the
 * repository, and the wire check carries the vendor-refs tag: skipped on a fresh clone (and named in the summary),
 * required under CI=true.
 */
import { describe, expect, it } from "vitest";
import type { RecordedRequest } from "../fixture-server/server";
import { VENDOR_REFS_TAG } from "./refs-location";
import { validateRequest } from "./vendor-spec";

export interface Conformance<T> {
  /** Keeps a test's exchanges; call it from afterEach (with the test's name) or at the end of a test. */
  record(test: string, items: readonly T[]): void;
  /** Declares the check. Call it once, after the file's other tests: vitest runs a file's tests in order. */
  declareTest(): void;
}

export function vendorConformance<T>(what: string, violationsOf: (items: readonly T[]) => string[]): Conformance<T> {
  const recorded: Array<{ test: string; items: readonly T[] }> = [];
  return {
    record(test, items) {
      if (items.length > 0) recorded.push({ test, items: [...items] });
    },
    declareTest() {
      describe("wire contract", { tags: [VENDOR_REFS_TAG] }, () => {
        it(`${what} conform to Confluent's OpenAPI spec`, () => {
          expect(recorded.length, `no ${what} were recorded`).toBeGreaterThan(0);
          expect(recorded.flatMap(({ test, items }) => violationsOf(items).map((v) => `${test}: ${v}`))).toEqual([]);
        });
      });
    },
  };
}

/** The requests a client sent to the fixture server, each a request the vendor spec documents. */
export function requestConformance(): Conformance<RecordedRequest> {
  return vendorConformance<RecordedRequest>("the requests the client sent", (requests) =>
    requests.flatMap((r) => validateRequest({ method: r.method, path: r.path, query: r.query, body: r.body }).map((v) => `${r.method} ${r.path} → ${v}`)),
  );
}
