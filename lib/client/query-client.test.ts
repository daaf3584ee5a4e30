import { describe, expect, it } from "vitest";
import { ApiRequestError } from "./fetch-json";
import { shouldRetryQuery } from "./query-client";

describe("shouldRetryQuery", () => {
  it("retries a transient failure, never a 4xx", () => {
    expect(shouldRetryQuery(0, new ApiRequestError(0, "network-error", "down"))).toBe(true);
    expect(shouldRetryQuery(0, new ApiRequestError(503, "cluster-unreachable", "no answer"))).toBe(true);
    expect(shouldRetryQuery(0, new ApiRequestError(404, "not-found", "no such link"))).toBe(false);
  });

  it("does not retry a cluster known to be down: the answer comes from its last reading, and the page shows it at once", () => {
    const details = { cluster: "dr", status: "unreachable", asOf: 2, lastOkAt: 1, lastKnown: { links: [], asOf: 1 } };
    expect(shouldRetryQuery(0, new ApiRequestError(503, "cluster-unreachable", "dr is unreachable.", details))).toBe(false);
    expect(shouldRetryQuery(0, new ApiRequestError(502, "upstream-error", "dr answered 500.", { ...details, lastOkAt: null }))).toBe(false);
  });
});
