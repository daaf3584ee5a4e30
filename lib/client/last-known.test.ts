import { describe, expect, it } from "vitest";
import { ClusterLinksResponseSchema } from "@/lib/api/links";
import { ApiRequestError } from "./fetch-json";
import { lastKnownOf } from "./last-known";

const known = { links: [], asOf: 1_764_662_470_000 };
const unreachable = (details: unknown) => new ApiRequestError(503, "cluster-unreachable", "dr is unreachable.", details);

describe("lastKnownOf", () => {
  it("reads the route's last-known answer from a 503's details", () => {
    expect(lastKnownOf(unreachable({ cluster: "dr", lastKnown: known }), ClusterLinksResponseSchema)).toEqual(known);
  });

  it("gives nothing when there is none, when it is not the route's shape, or for other errors", () => {
    expect(lastKnownOf(unreachable({ cluster: "dr", lastOkAt: null }), ClusterLinksResponseSchema)).toBeUndefined();
    expect(lastKnownOf(unreachable({ lastKnown: { mirrors: [] } }), ClusterLinksResponseSchema)).toBeUndefined();
    expect(lastKnownOf(new Error("boom"), ClusterLinksResponseSchema)).toBeUndefined();
  });
});
