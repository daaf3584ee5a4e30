import { describe, expect, it } from "vitest";
import { DR_CHAIN_IDS } from "./testing/dr-chain";
import { aCluster, aHalf } from "./testing/observations";
import { ClusterObservationSchema, LinkHalfObservationSchema, PartitionStatesSchema, TopologyLinkSchema, TopologySchema } from "./types";

/** The example of shared/spec/http-api.md, comments removed: the contract's own words must parse. */
const SPEC_EXAMPLE = {
  generatedAt: "2026-11-21T15:00:00.000Z",
  asOf: 1763737200000,
  coverage: { hostingHalves: 1, unreadHalves: 0, staleHalves: 0, unreadClusters: 0 },
  clusters: [
    {
      name: "primary",
      id: "lkc-abc123",
      displayName: "PRIMARY (on-prem)",
      network: "private",
      region: "eu-west-1",
      status: "ok",
      error: null,
      problems: [],
      asOf: 1763737200000,
      latencyMs: 42,
      lastOkAt: 1763737200000,
    },
  ],
  links: [
    {
      id: "primary-to-jump@QyWLm8aWRqmGqVpiqXLOHA",
      name: "primary-to-jump",
      clusterLinkId: "QyWLm8aWRqmGqVpiqXLOHA",
      kind: "source-initiated",
      source: "primary",
      destination: "jump",
      connections: [{ from: "primary", to: "jump" }],
      flows: [{ from: "primary", to: "jump" }],
      halves: [
        { cluster: "jump", linkMode: "DESTINATION", connectionMode: "INBOUND", state: "ACTIVE", error: null, errorMessage: null },
        { cluster: "primary", linkMode: "SOURCE", connectionMode: "OUTBOUND", state: "ACTIVE", error: null, errorMessage: null },
      ],
      state: "ACTIVE",
      flowing: true,
      cause: null,
      causeCode: null,
      staleSince: null,
      rpoSeconds: null,
      maxLagSeconds: null,
      problems: [],
      mirrorCount: 4,
      partitionStates: { ACTIVE: 10, PAUSED: 0, PENDING: 0, IN_ERROR: 2, NOT_APPLICABLE: 0 },
      partitionStatesSource: "reported",
      maxLag: 1200,
      totalLag: 3100,
    },
  ],
};

function specLink(): (typeof SPEC_EXAMPLE.links)[number] {
  return structuredClone(SPEC_EXAMPLE.links[0] as (typeof SPEC_EXAMPLE.links)[number]);
}

describe("TopologySchema (the GET /api/topology contract)", () => {
  it("accepts the example in the HTTP API spec", () => {
    expect(TopologySchema.parse(SPEC_EXAMPLE)).toEqual(SPEC_EXAMPLE);
  });

  it("accepts external clusters and unknown link states verbatim in halves", () => {
    const external = { ...SPEC_EXAMPLE.clusters[0], name: "lkc-x", id: "lkc-x", status: "external" };
    const futureHalf = {
      cluster: "jump",
      linkMode: "FUTURE_MODE",
      connectionMode: "INBOUND",
      state: "UNMANAGED_SOURCE",
      error: "NEW_ERROR",
      errorMessage: null,
    };
    const link = { ...specLink(), halves: [futureHalf] };
    expect(TopologySchema.safeParse({ ...SPEC_EXAMPLE, clusters: [external], links: [link] }).success).toBe(true);
  });

  it("keeps extra partition state categories and rejects negative or fractional counts", () => {
    expect(PartitionStatesSchema.parse({ ACTIVE: 1, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0, UNKNOWN: 3 })).toEqual({
      ACTIVE: 1,
      PAUSED: 0,
      PENDING: 0,
      IN_ERROR: 0,
      NOT_APPLICABLE: 0,
      UNKNOWN: 3,
    });
    expect(PartitionStatesSchema.safeParse({ ACTIVE: 1, PAUSED: 0, PENDING: 0, IN_ERROR: 0 }).success).toBe(false);
    expect(PartitionStatesSchema.safeParse({ ACTIVE: -1, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 }).success).toBe(false);
    expect(PartitionStatesSchema.safeParse({ ACTIVE: 1.5, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 }).success).toBe(false);
  });

  it.each([
    ["an unknown kind", { kind: "sideways" }],
    ["an unknown rollup state", { state: "BROKEN" }],
    ["an unknown partition states source", { partitionStatesSource: "guessed" }],
    ["a missing problems list", { problems: undefined }],
    ["a problem that is a bare sentence", { problems: ["source half missing on primary: no data can flow"] }],
    ["a problem whose code is not kebab-case", { problems: [{ code: "Half Missing", message: "source half missing" }] }],
    ["a string lag", { maxLag: "1200" }],
  ])("rejects a link with %s", (_what, change) => {
    expect(TopologyLinkSchema.safeParse({ ...specLink(), ...change }).success).toBe(false);
  });

  it("rejects an unknown cluster status and a generatedAt that is not an ISO timestamp", () => {
    const badCluster = { ...SPEC_EXAMPLE.clusters[0], status: "sleeping" };
    expect(TopologySchema.safeParse({ ...SPEC_EXAMPLE, clusters: [badCluster] }).success).toBe(false);
    expect(TopologySchema.safeParse({ ...SPEC_EXAMPLE, generatedAt: "yesterday" }).success).toBe(false);
  });
});

describe("input schemas", () => {
  it("accept what the test builders produce", () => {
    expect(ClusterObservationSchema.parse(aCluster("primary"))).toEqual(aCluster("primary"));
    const half = aHalf({ cluster: "jump", linkName: "primary-to-jump", clusterLinkId: DR_CHAIN_IDS.primaryToJump });
    expect(LinkHalfObservationSchema.parse(half)).toEqual(half);
  });

  it("keep open enums open: any link mode or state string is accepted", () => {
    const half = aHalf({ cluster: "jump", linkName: "l", linkMode: "NEW", connectionMode: "NEW", state: "NEW" });
    expect(LinkHalfObservationSchema.safeParse(half).success).toBe(true);
  });
});
