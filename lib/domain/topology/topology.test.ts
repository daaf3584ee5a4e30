import { describe, expect, it } from "vitest";
import { deriveTopology } from "./topology";
import {
  DR_CHAIN_IDS,
  drChainClusters,
  drChainHalves,
  jumpToDrHalf,
  primaryToJumpDestinationHalf,
  primaryToJumpSourceHalf,
} from "../testing/dr-chain";
import { aCluster, aHalf, aMirror, anUnreachableCluster } from "../testing/observations";
import {
  TopologySchema,
  type ClusterObservation,
  type Problem,
  type LinkHalfObservation,
  type Topology,
  type TopologyLink,
} from "../types";

const NOW = new Date("2026-11-21T15:00:00.000Z");

/** Derives and checks the result against the API contract, so every test also proves the output parses. */
function derive(clusters: ClusterObservation[], halves: LinkHalfObservation[]): Topology {
  const topology = deriveTopology(clusters, halves, NOW);
  expect(TopologySchema.parse(topology)).toEqual(topology);
  return topology;
}

function onlyLink(topology: Topology): TopologyLink {
  expect(topology.links).toHaveLength(1);
  return topology.links[0] as TopologyLink;
}

function linkNamed(topology: Topology, name: string): TopologyLink {
  const link = topology.links.find((candidate) => candidate.name === name);
  if (link === undefined) throw new Error(`no link named ${name} in ${topology.links.map((l) => l.id).join(", ")}`);
  return link;
}

const eastWest = () => [aCluster("east"), aCluster("west")];

/** The seed's three clusters with one of them changed. */
function drChainWith(name: "primary" | "jump" | "dr", changes: Partial<ClusterObservation>): ClusterObservation[] {
  return drChainClusters().map((cluster) => (cluster.name === name ? { ...cluster, ...changes } : cluster));
}

const unreachable = { status: "unreachable", error: "connection refused" } as const;

function bidirectionalHalf(cluster: "east" | "west", overrides: Partial<LinkHalfObservation> = {}): LinkHalfObservation {
  return aHalf({
    cluster,
    linkName: "east-west",
    linkMode: "BIDIRECTIONAL",
    remoteClusterId: cluster === "east" ? "lkc-west" : "lkc-east",
    ...overrides,
  });
}

/** The problems besides the link-not-flowing one, which repeats the cause (tested on its own below). */
const besidesFlow = (problems: readonly Problem[]) => problems.filter((p) => p.code !== "link-not-flowing");

describe("deriveTopology: the kind/connection/flow table", () => {
  it("DESTINATION + OUTBOUND on C with source S: destination-initiated, connection C → S, flow S → C", () => {
    const half = aHalf({ cluster: "dst", linkName: "l", sourceClusterId: "lkc-src" });
    const link = onlyLink(derive([aCluster("src"), aCluster("dst")], [half]));
    expect(link).toMatchObject({
      kind: "destination-initiated",
      source: "src",
      destination: "dst",
      connections: [{ from: "dst", to: "src" }],
      flows: [{ from: "src", to: "dst" }],
      state: "ACTIVE",
      problems: [],
    });
  });

  it("DESTINATION + INBOUND on C with source S, paired with a SOURCE half on S: source-initiated, S → C both ways", () => {
    const link = onlyLink(
      derive(
        [aCluster("src"), aCluster("dst")],
        [
          aHalf({ cluster: "dst", linkName: "l", connectionMode: "INBOUND", sourceClusterId: "lkc-src" }),
          aHalf({ cluster: "src", linkName: "l", linkMode: "SOURCE", destinationClusterId: "lkc-dst" }),
        ],
      ),
    );
    expect(link).toMatchObject({
      kind: "source-initiated",
      source: "src",
      destination: "dst",
      connections: [{ from: "src", to: "dst" }],
      flows: [{ from: "src", to: "dst" }],
      state: "ACTIVE",
      problems: [],
    });
    expect(link.halves.map((half) => [half.cluster, half.linkMode, half.connectionMode])).toEqual([
      ["dst", "DESTINATION", "INBOUND"],
      ["src", "SOURCE", "OUTBOUND"],
    ]);
  });

  it("SOURCE + OUTBOUND on C with destination D: source-initiated, connection C → D, flow C → D", () => {
    const link = onlyLink(
      derive(
        [aCluster("src"), aCluster("dst", { status: "unauthorized", error: "401" })],
        [aHalf({ cluster: "src", linkName: "l", linkMode: "SOURCE", destinationClusterId: "lkc-dst" })],
      ),
    );
    expect(link).toMatchObject({
      kind: "source-initiated",
      source: "src",
      destination: "dst",
      connections: [{ from: "src", to: "dst" }],
      flows: [{ from: "src", to: "dst" }],
    });
  });

  it("BIDIRECTIONAL, both OUTBOUND: connections both ways, flows both ways, ends in name order", () => {
    const link = onlyLink(derive(eastWest(), [bidirectionalHalf("west"), bidirectionalHalf("east")]));
    expect(link).toMatchObject({
      kind: "bidirectional",
      source: "east",
      destination: "west",
      connections: [
        { from: "east", to: "west" },
        { from: "west", to: "east" },
      ],
      flows: [
        { from: "east", to: "west" },
        { from: "west", to: "east" },
      ],
      state: "ACTIVE",
      problems: [],
    });
    expect(link.halves.map((half) => half.cluster)).toEqual(["east", "west"]);
  });

  it("BIDIRECTIONAL, OUTBOUND on west and INBOUND on east: one connection, from west", () => {
    const link = onlyLink(derive(eastWest(), [bidirectionalHalf("east", { connectionMode: "INBOUND" }), bidirectionalHalf("west")]));
    expect(link.connections).toEqual([{ from: "west", to: "east" }]);
    expect(link.flows).toEqual([
      { from: "east", to: "west" },
      { from: "west", to: "east" },
    ]);
    expect(link.problems).toEqual([]);
  });

  it("BIDIRECTIONAL, both INBOUND: no connection, and a problem saying nobody dials", () => {
    const link = onlyLink(
      derive(eastWest(), [
        bidirectionalHalf("east", { connectionMode: "INBOUND" }),
        bidirectionalHalf("west", { connectionMode: "INBOUND" }),
      ]),
    );
    expect(link.connections).toEqual([]);
    expect(besidesFlow(link.problems)).toEqual([
      { code: "both-halves-inbound", message: "both halves are INBOUND: neither cluster dials the other" },
    ]);
    expect(link.state).toBe("FAILED");
  });

  it("BIDIRECTIONAL seen from one side only: an OUTBOUND half dials, an INBOUND half is dialled", () => {
    const outbound = onlyLink(derive([aCluster("east")], [bidirectionalHalf("east")]));
    expect(outbound.connections).toEqual([{ from: "east", to: "lkc-west" }]);
    const inbound = onlyLink(derive([aCluster("east")], [bidirectionalHalf("east", { connectionMode: "INBOUND" })]));
    expect(inbound.connections).toEqual([{ from: "lkc-west", to: "east" }]);
    expect(inbound).toMatchObject({ source: "east", destination: "lkc-west", problems: [], state: "ACTIVE" });
  });
});

describe("deriveTopology: pairing halves", () => {
  it("pairs by link name and cluster_link_id, not by name alone", () => {
    const topology = derive(
      [aCluster("src"), aCluster("dst")],
      [
        aHalf({ cluster: "dst", linkName: "l", clusterLinkId: "new-id", connectionMode: "INBOUND", sourceClusterId: "lkc-src" }),
        aHalf({ cluster: "src", linkName: "l", clusterLinkId: "old-id", linkMode: "SOURCE", destinationClusterId: "lkc-dst" }),
      ],
    );
    expect(topology.links.map((link) => link.id)).toEqual(["l@new-id", "l@old-id"]);
    expect(besidesFlow(linkNamed(topology, "l").problems)).toEqual([
      { code: "half-missing", message: "source half missing on src: no data can flow" },
    ]);
    expect(besidesFlow(topology.links[1]?.problems ?? [])).toEqual([
      { code: "half-missing", message: "destination half missing on dst: no data can flow" },
    ]);
    expect(topology.links.every((link) => link.state === "FAILED")).toBe(true);
  });

  it("gives each link the id name@cluster_link_id", () => {
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf()]));
    expect(link).toMatchObject({
      id: `jump-to-dr@${DR_CHAIN_IDS.jumpToDr}`,
      name: "jump-to-dr",
      clusterLinkId: DR_CHAIN_IDS.jumpToDr,
    });
  });

  it("drops nameless UNMANAGED_SOURCE leftovers and repeated halves from the same cluster", () => {
    const topology = derive(drChainClusters(), [
      aHalf({ cluster: "primary", linkName: "", linkMode: "SOURCE", state: "UNMANAGED_SOURCE" }),
      jumpToDrHalf(),
      jumpToDrHalf({ state: "FAILED" }),
    ]);
    expect(onlyLink(topology).halves).toHaveLength(1);
    expect(onlyLink(topology).state).toBe("ACTIVE");
  });

  it("reports a half that shares the link's name and id but does not pair", () => {
    const link = onlyLink(
      derive(drChainClusters(), [
        jumpToDrHalf(),
        aHalf({
          cluster: "jump",
          linkName: "jump-to-dr",
          clusterLinkId: DR_CHAIN_IDS.jumpToDr,
          linkMode: "SOURCE",
          destinationClusterId: DR_CHAIN_IDS.dr,
        }),
      ]),
    );
    expect(link.kind).toBe("destination-initiated");
    expect(link.halves.map((half) => half.cluster)).toEqual(["dr", "jump"]);
    expect(link.problems).toEqual([
      { code: "unexpected-half", message: "unexpected SOURCE half on jump: it does not pair with the half on dr" },
    ]);
  });

  it("names the other end from the partner when the main half omits every remote id", () => {
    const link = onlyLink(
      derive(
        [aCluster("src"), aCluster("dst")],
        [
          aHalf({ cluster: "dst", linkName: "l", connectionMode: "INBOUND" }),
          aHalf({ cluster: "src", linkName: "l", linkMode: "SOURCE", destinationClusterId: "lkc-dst" }),
        ],
      ),
    );
    expect(link).toMatchObject({ source: "src", destination: "dst", problems: [] });
  });

  it("leaves the other end null, with a problem, when no visible half names it", () => {
    const link = onlyLink(derive([aCluster("dst")], [aHalf({ cluster: "dst", linkName: "l" })]));
    expect(link).toMatchObject({ source: null, destination: "dst", connections: [], flows: [] });
    expect(link.problems).toEqual([
      { code: "remote-cluster-unknown", message: "dst does not report the other cluster's id: the other end is unknown" },
    ]);
  });
});

describe("deriveTopology: orphan halves", () => {
  it("on a reachable configured cluster the missing partner is a problem: no data can flow", () => {
    const link = onlyLink(derive(drChainClusters(), [primaryToJumpDestinationHalf()]));
    expect(besidesFlow(link.problems)).toEqual([{ code: "half-missing", message: "source half missing on primary: no data can flow" }]);
    expect(link.state).toBe("FAILED");
    const sourceOnly = onlyLink(derive(drChainClusters(), [primaryToJumpSourceHalf()]));
    expect(besidesFlow(sourceOnly.problems)).toEqual([
      { code: "half-missing", message: "destination half missing on jump: no data can flow" },
    ]);
  });

  it("says the partner cannot be seen, and why, when its cluster is not readable", () => {
    const seenFromJump = (changes: Partial<ClusterObservation>) =>
      onlyLink(derive(drChainWith("primary", changes), [primaryToJumpDestinationHalf()]));

    const down = seenFromJump(unreachable);
    expect(down.problems).toEqual([{ code: "half-not-visible", message: "cannot see the source half: primary is unreachable" }]);
    expect(down.state).toBe("DEGRADED");

    const unauthorized = seenFromJump({ status: "unauthorized", error: "401" });
    expect(unauthorized.problems).toEqual([
      { code: "half-not-visible", message: "cannot see the source half: primary rejected Linkscope's credentials" },
    ]);
    expect(unauthorized.state).toBe("DEGRADED");

    const failing = seenFromJump({ status: "error", error: "500" });
    expect(failing.problems).toEqual([{ code: "half-not-visible", message: "cannot see the source half: primary answered with an error" }]);
  });

  it("says nothing about a partner on an external cluster: nobody expects to see it", () => {
    const half = aHalf({ cluster: "dst", linkName: "l", connectionMode: "INBOUND", sourceClusterId: "onprem-id" });
    const link = onlyLink(derive([aCluster("dst")], [half]));
    expect(link).toMatchObject({ kind: "source-initiated", source: "onprem-id", problems: [], state: "ACTIVE" });
  });

  it("says the missing remote half of a bidirectional link stops the flow", () => {
    const link = onlyLink(derive(eastWest(), [bidirectionalHalf("east")]));
    expect(besidesFlow(link.problems)).toEqual([{ code: "half-missing", message: "remote half missing on west: no data can flow" }]);
  });
});

describe("deriveTopology: clusters", () => {
  it("keeps configured clusters in configuration order with their observed status", () => {
    const clusters = [aCluster("zeta"), anUnreachableCluster("alpha"), aCluster("mid", { status: "unauthorized", error: "no" })];
    expect(derive(clusters, []).clusters).toEqual(clusters);
  });

  it("turns an id nobody configured into an external cluster named by its id, once, sorted by id after the rest", () => {
    const topology = derive(
      [aCluster("dst")],
      [
        aHalf({ cluster: "dst", linkName: "b", clusterLinkId: "2", sourceClusterId: "zz-ext" }),
        aHalf({ cluster: "dst", linkName: "a", clusterLinkId: "1", sourceClusterId: "aa-ext" }),
        aHalf({ cluster: "dst", linkName: "c", clusterLinkId: "3", sourceClusterId: "zz-ext" }),
      ],
    );
    expect(topology.clusters.map((cluster) => [cluster.name, cluster.status])).toEqual([
      ["dst", "ok"],
      ["aa-ext", "external"],
      ["zz-ext", "external"],
    ]);
    expect(topology.clusters[1]).toEqual({
      name: "aa-ext",
      id: "aa-ext",
      displayName: "aa-ext",
      network: null,
      region: null,
      status: "external",
      error: null,
      problems: [],
      asOf: null,
      latencyMs: null,
      lastOkAt: null,
    });
    expect(linkNamed(topology, "c").source).toBe("zz-ext");
  });

  it("maps an id to the configured cluster even when that cluster is down", () => {
    const topology = derive(drChainWith("jump", unreachable), [jumpToDrHalf()]);
    expect(topology.clusters.map((cluster) => cluster.name)).toEqual(["primary", "jump", "dr"]);
    expect(onlyLink(topology).source).toBe("jump");
  });

  it("creates no external cluster for a link nobody can place", () => {
    expect(derive([aCluster("dst")], [aHalf({ cluster: "dst", linkName: "l" })]).clusters).toHaveLength(1);
  });
});

describe("deriveTopology: problems and rollup", () => {
  it("reports link_error with its message and fails the link on an authentication error", () => {
    const link = onlyLink(
      derive(drChainClusters(), [
        jumpToDrHalf({ state: "ACTIVE", error: "AUTHENTICATION_ERROR", errorMessage: "Please check your api key and secret" }),
      ]),
    );
    expect(besidesFlow(link.problems)).toEqual([
      { code: "link-error", message: "dr reports AUTHENTICATION_ERROR: Please check your api key and secret" },
    ]);
    expect(link.state).toBe("FAILED");
  });

  it("judges by link_error: an ACTIVE half with a timeout is NOT_FLOWING (no data moves), not ACTIVE or DEGRADED", () => {
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ error: "TIMEOUT_ERROR", errorMessage: null })]));
    expect(besidesFlow(link.problems)).toEqual([{ code: "link-error", message: "dr reports TIMEOUT_ERROR" }]);
    expect(link.state).toBe("NOT_FLOWING");
  });

  it("says which half is not ACTIVE", () => {
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ state: "UNAVAILABLE" })]));
    expect(besidesFlow(link.problems)).toEqual([{ code: "link-not-active", message: "link state on dr is UNAVAILABLE" }]);
    expect(link.state).toBe("NOT_FLOWING");
  });

  it("keeps an unknown link state verbatim in the half and rolls up to UNKNOWN", () => {
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ state: "AVAILABLE" })]));
    expect(link.halves[0]?.state).toBe("AVAILABLE");
    expect(link.state).toBe("UNKNOWN");
    expect(besidesFlow(link.problems)).toEqual([{ code: "link-not-active", message: "link state on dr is AVAILABLE" }]);
  });

  it("is PAUSED when the link is paused", () => {
    expect(onlyLink(derive(drChainClusters(), [jumpToDrHalf({ state: "PAUSED" })])).state).toBe("PAUSED");
  });

  it("names the tasks in error and the first error", () => {
    const link = onlyLink(
      derive(drChainClusters(), [
        jumpToDrHalf({
          tasks: [
            { name: "ConsumerOffsetSync", state: "ACTIVE", errors: [] },
            { name: "AutoCreateMirror", state: "NOT_CONFIGURED", errors: [] },
            { name: "AclSync", state: "IN_ERROR", errors: [{ code: "AUTHENTICATION_ERROR", message: "Auth issue." }] },
            { name: "TopicConfigsSync", state: "IN_ERROR", errors: [{ code: "INTERNAL_ERROR", message: "Internal error." }] },
          ],
        }),
      ]),
    );
    expect(link.problems).toEqual([
      {
        code: "tasks-in-error",
        message: "2 tasks in error on dr: AclSync, TopicConfigsSync (first error: AUTHENTICATION_ERROR: Auth issue.)",
      },
    ]);
    expect(link.state).toBe("DEGRADED");
  });

  it("passes on what the server found odd reading a half (a detail answer that named another link)", () => {
    const mismatch = { code: "link-name-mismatch", message: 'dr lists the link as "jump-to-dr" but its detail answer names it "x"' };
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ readProblems: [mismatch] })]));
    expect(link.problems).toEqual([mismatch]);
    expect(link.state).toBe("DEGRADED");
  });

  it("names a task in error even without error details", () => {
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ tasks: [{ name: "AclSync", state: "IN_ERROR", errors: [] }] })]));
    expect(link.problems).toEqual([{ code: "tasks-in-error", message: "1 task in error on dr: AclSync" }]);
  });

  it("names mirrors in error, worst first, and cuts the list after five", () => {
    const mirrors = [
      aMirror("a", { status: "SOURCE_UNAVAILABLE" }),
      aMirror("b", { status: "FAILED" }),
      aMirror("c", { status: "LINK_FAILED" }),
      aMirror("d", { status: "FAILED" }),
      aMirror("e", { status: "FAILED" }),
      aMirror("f", { status: "FAILED" }),
      aMirror("g", { status: "FAILED" }),
      aMirror("ok"),
    ];
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ mirrors })]));
    expect(link.problems).toEqual([
      { code: "mirrors-in-error", message: "7 mirrors in error: b (FAILED), d (FAILED), e (FAILED), f (FAILED), g (FAILED), and 2 more" },
    ]);
    expect(link.state).toBe("DEGRADED");
    expect(link.partitionStates).toMatchObject({ ACTIVE: 1, IN_ERROR: 7 });
  });

  it("falls back to a partition count when only category_counts say something is in error", () => {
    const link = onlyLink(
      derive(drChainClusters(), [
        jumpToDrHalf({
          mirrors: null,
          categoryCounts: [
            { stateCategory: "ACTIVE", count: 10 },
            { stateCategory: "IN_ERROR", count: 2 },
          ],
        }),
      ]),
    );
    expect(link.problems).toEqual([{ code: "mirror-partitions-in-error", message: "2 mirror partitions in error" }]);
    expect(link.state).toBe("DEGRADED");
  });

  it("flags partly paused mirrors, and calls a link whose every mirror is paused PAUSED", () => {
    const partly = onlyLink(
      derive(drChainClusters(), [
        jumpToDrHalf({ mirrors: [aMirror("a", { status: "PAUSED", partitions: 2 }), aMirror("b", { partitions: 4 })] }),
      ]),
    );
    expect(partly.problems).toEqual([{ code: "mirror-partitions-paused", message: "2 of 6 mirror partitions paused" }]);
    expect(partly.state).toBe("DEGRADED");

    const all = onlyLink(
      derive(drChainClusters(), [
        jumpToDrHalf({ mirrors: [aMirror("a", { status: "PAUSED", partitions: 2 }), aMirror("b", { status: "STOPPED" })] }),
      ]),
    );
    expect(all.problems).toEqual([]);
    expect(all.state).toBe("PAUSED");
  });

  it("flags partitions in categories it does not know, keeping them verbatim", () => {
    const mirrors = [aMirror("a", { status: "QUARANTINED", partitions: 3 })];
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ mirrors })]));
    expect(link.partitionStates).toEqual({ ACTIVE: 0, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0, QUARANTINED: 3 });
    expect(link.problems).toEqual([
      { code: "unknown-partition-states", message: "mirror partitions in states Linkscope does not know: QUARANTINED (3)" },
    ]);
  });

  it("keeps unknown link and connection modes verbatim, guesses the direction, and says so", () => {
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ linkMode: "MIRRORING", connectionMode: "SIDEWAYS" })]));
    expect(link).toMatchObject({ kind: "destination-initiated", source: "jump", destination: "dr" });
    expect(link.halves[0]).toMatchObject({ linkMode: "MIRRORING", connectionMode: "SIDEWAYS" });
    expect(link.problems).toEqual([
      { code: "unknown-link-mode", message: 'dr reports an unknown link.mode "MIRRORING": the direction shown is a guess' },
      { code: "unknown-connection-mode", message: 'dr reports an unknown connection.mode "SIDEWAYS": treated as OUTBOUND' },
    ]);
  });

  it("guesses a source half from a destination id and a bidirectional half from a remote id alone", () => {
    const source = onlyLink(derive([aCluster("a")], [aHalf({ cluster: "a", linkName: "l", linkMode: "?", destinationClusterId: "x" })]));
    expect(source).toMatchObject({ kind: "source-initiated", source: "a", destination: "x" });
    const bidi = onlyLink(derive([aCluster("a")], [aHalf({ cluster: "a", linkName: "l", linkMode: "?", remoteClusterId: "x" })]));
    expect(bidi.kind).toBe("bidirectional");
  });

  it("flags a source half that waits for a connection instead of dialling", () => {
    const link = onlyLink(
      derive(drChainClusters(), [primaryToJumpDestinationHalf(), primaryToJumpSourceHalf({ connectionMode: "INBOUND" })]),
    );
    expect(link.problems).toEqual([
      { code: "source-half-inbound", message: "the source half on primary is INBOUND: a source half must dial out, so nobody connects" },
    ]);
  });

  it("lists problems in a stable order: halves, pairing, reachability, mirrors", () => {
    const link = onlyLink(
      derive(drChainWith("jump", unreachable), [
        jumpToDrHalf({
          state: "UNAVAILABLE",
          error: "TIMEOUT_ERROR",
          errorMessage: "slow",
          mirrors: [aMirror("my_test_topic", { status: "SOURCE_UNAVAILABLE" })],
        }),
        aHalf({ cluster: "primary", linkName: "jump-to-dr", clusterLinkId: DR_CHAIN_IDS.jumpToDr, linkMode: "SOURCE" }),
      ]),
    );
    expect(besidesFlow(link.problems)).toEqual([
      { code: "link-not-active", message: "link state on dr is UNAVAILABLE" },
      { code: "link-error", message: "dr reports TIMEOUT_ERROR: slow" },
      { code: "unexpected-half", message: "unexpected SOURCE half on primary: it does not pair with the half on dr" },
      { code: "cluster-unreachable", message: "source cluster jump is unreachable" },
      { code: "mirrors-in-error", message: "1 mirror in error: my_test_topic (SOURCE_UNAVAILABLE)" },
    ]);
    expect(link.state).toBe("NOT_FLOWING");
  });
});

describe("deriveTopology: partial failure", () => {
  it("still draws both links of the chain when jump is down, from what primary and dr report", () => {
    const topology = derive(drChainWith("jump", unreachable), [primaryToJumpSourceHalf(), jumpToDrHalf()]);
    expect(topology.clusters.map((cluster) => [cluster.name, cluster.status])).toEqual([
      ["primary", "ok"],
      ["jump", "unreachable"],
      ["dr", "ok"],
    ]);

    const primaryToJump = linkNamed(topology, "primary-to-jump");
    expect(primaryToJump).toMatchObject({
      kind: "source-initiated",
      source: "primary",
      destination: "jump",
      connections: [{ from: "primary", to: "jump" }],
      flows: [{ from: "primary", to: "jump" }],
      state: "NOT_FLOWING",
      problems: [
        { code: "link-not-flowing", message: "No data moves: Linkscope cannot read jump (unreachable), which hosts the mirrors." },
        { code: "half-not-visible", message: "cannot see the destination half: jump is unreachable" },
      ],
      mirrorCount: 0,
      partitionStatesSource: "derived",
      maxLag: null,
      totalLag: null,
    });

    const jumpToDr = linkNamed(topology, "jump-to-dr");
    expect(jumpToDr).toMatchObject({
      kind: "destination-initiated",
      source: "jump",
      destination: "dr",
      connections: [{ from: "dr", to: "jump" }],
      flows: [{ from: "jump", to: "dr" }],
      state: "DEGRADED",
      problems: [{ code: "cluster-unreachable", message: "source cluster jump is unreachable" }],
      mirrorCount: 1,
    });
  });

  it("draws a source-initiated link from its destination half alone when the source cluster is down", () => {
    const topology = derive(
      [anUnreachableCluster("primary", { id: DR_CHAIN_IDS.primary }), aCluster("jump", { id: DR_CHAIN_IDS.jump })],
      [primaryToJumpDestinationHalf()],
    );
    expect(onlyLink(topology)).toMatchObject({
      kind: "source-initiated",
      connections: [{ from: "primary", to: "jump" }],
      flows: [{ from: "primary", to: "jump" }],
      state: "DEGRADED",
      problems: [{ code: "half-not-visible", message: "cannot see the source half: primary is unreachable" }],
      mirrorCount: 1,
      partitionStatesSource: "reported",
    });
  });

  it("does not blame an unauthorized end for the link's state", () => {
    const link = onlyLink(derive(drChainWith("jump", { status: "unauthorized", error: "401" }), [jumpToDrHalf()]));
    expect(link).toMatchObject({ state: "ACTIVE", problems: [] });
  });

  it("derives nothing but the clusters when every cluster is down", () => {
    const topology = derive([anUnreachableCluster("a"), anUnreachableCluster("b")], []);
    expect(topology.links).toEqual([]);
    expect(topology.clusters).toHaveLength(2);
  });

  it("says a bidirectional end is unreachable without calling it source or destination", () => {
    const link = onlyLink(derive([aCluster("east"), anUnreachableCluster("west")], [bidirectionalHalf("east")]));
    expect(besidesFlow(link.problems)).toEqual([{ code: "half-not-visible", message: "cannot see the remote half: west is unreachable" }]);
    expect(link.state).toBe("NOT_FLOWING");
  });
});

describe("deriveTopology: mirrors, partition states and lag", () => {
  it("uses category_counts of the hosting half as reported, never the source half", () => {
    const link = onlyLink(derive(drChainClusters(), [primaryToJumpSourceHalf(), primaryToJumpDestinationHalf()]));
    expect(link).toMatchObject({
      mirrorCount: 1,
      partitionStates: { ACTIVE: 3, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0, UNKNOWN: 0 },
      partitionStatesSource: "reported",
      maxLag: 5,
      totalLag: 9,
    });
  });

  it("derives partition states from the mirror list when category_counts are absent (Confluent Platform)", () => {
    const link = onlyLink(
      derive(drChainClusters(), [
        jumpToDrHalf({
          mirrors: [
            aMirror("a", { partitions: 3, maxLag: 7, totalLag: 10 }),
            aMirror("b", { status: "PENDING_MIRROR", partitions: 2, maxLag: 40, totalLag: 41 }),
            aMirror("c", { status: "STOPPED", partitions: 1, maxLag: 999, totalLag: 999 }),
          ],
        }),
      ]),
    );
    expect(link).toMatchObject({
      mirrorCount: 3,
      partitionStates: { ACTIVE: 3, PAUSED: 0, PENDING: 2, IN_ERROR: 0, NOT_APPLICABLE: 1 },
      partitionStatesSource: "derived",
      maxLag: 40,
      totalLag: 51,
    });
  });

  it("counts mirrors from topic_names and leaves lag unknown when the mirrors were not fetched", () => {
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ mirrors: null, topicNames: ["a", "b"] })]));
    expect(link).toMatchObject({ mirrorCount: 2, partitionStatesSource: "derived", maxLag: null, totalLag: null });
    expect(link.partitionStates).toEqual({ ACTIVE: 0, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 });
  });

  it("has no lag for a link without mirrors or whose mirrors report no lags", () => {
    expect(onlyLink(derive(drChainClusters(), [jumpToDrHalf({ mirrors: [], topicNames: [] })])).maxLag).toBeNull();
    const mirrors = [aMirror("a", { maxLag: null, totalLag: null })];
    const noLags = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ mirrors })]));
    expect(noLags).toMatchObject({ maxLag: null, totalLag: null });
  });

  it("sums both sides of a bidirectional link", () => {
    const link = onlyLink(
      derive(eastWest(), [
        bidirectionalHalf("east", {
          mirrors: [aMirror("w.orders", { partitions: 2, maxLag: 3, totalLag: 4 })],
          categoryCounts: [{ stateCategory: "ACTIVE", count: 2 }],
        }),
        bidirectionalHalf("west", {
          mirrors: [aMirror("e.orders", { status: "FAILED", partitions: 5, maxLag: 8, totalLag: 30 })],
          categoryCounts: [{ stateCategory: "IN_ERROR", count: 5 }],
        }),
      ]),
    );
    expect(link).toMatchObject({
      mirrorCount: 2,
      partitionStates: { ACTIVE: 2, IN_ERROR: 5 },
      partitionStatesSource: "reported",
      maxLag: 8,
      totalLag: 34,
      problems: [{ code: "mirrors-in-error", message: "1 mirror in error: e.orders on west (FAILED)" }],
    });
  });

  it("labels the sum derived when one side of a bidirectional link lacks category_counts", () => {
    const link = onlyLink(
      derive(eastWest(), [
        bidirectionalHalf("east", {
          mirrors: [aMirror("a", { partitions: 2 })],
          categoryCounts: [{ stateCategory: "ACTIVE", count: 2 }],
        }),
        bidirectionalHalf("west", { mirrors: [aMirror("b", { partitions: 3 })] }),
      ]),
    );
    expect(link).toMatchObject({ partitionStates: { ACTIVE: 5 }, partitionStatesSource: "derived" });
  });

  it("copes with a very large mirror list", () => {
    const mirrors = Array.from({ length: 200_000 }, (_, i) => aMirror(`t${i}`, { maxLag: i % 1000, totalLag: 1 }));
    const link = onlyLink(derive(drChainClusters(), [jumpToDrHalf({ mirrors })]));
    expect(link).toMatchObject({ mirrorCount: 200_000, maxLag: 999, totalLag: 200_000 });
  });

  it("leaves lag unknown when one hosting side's mirrors are unknown", () => {
    const halves = [bidirectionalHalf("east", { mirrors: [aMirror("a", { maxLag: 3 })] }), bidirectionalHalf("west")];
    const link = onlyLink(derive(eastWest(), halves));
    expect(link.maxLag).toBeNull();
  });
});

describe("deriveTopology: determinism", () => {
  it("does not depend on the order halves arrive in", () => {
    const halves = drChainHalves();
    const forward = derive(drChainClusters(), halves);
    const backward = derive(drChainClusters(), [...halves].reverse());
    expect(backward).toEqual(forward);
  });

  it("sorts links by id and stamps generatedAt", () => {
    const topology = derive(drChainClusters(), drChainHalves());
    expect(topology.links.map((link) => link.id)).toEqual([
      `jump-to-dr@${DR_CHAIN_IDS.jumpToDr}`,
      `primary-to-jump@${DR_CHAIN_IDS.primaryToJump}`,
    ]);
    expect(topology.generatedAt).toBe("2026-11-21T15:00:00.000Z");
  });

  it("does not share objects with its input", () => {
    const clusters = drChainClusters();
    const topology = derive(clusters, []);
    expect(topology.clusters[0]).not.toBe(clusters[0]);
  });
});

describe("deriveTopology: the PRIMARY → JUMP → DR walk-through (seed 002)", () => {
  const topology = () => derive(drChainClusters(), drChainHalves());

  it("has the three clusters in configuration order and no external one", () => {
    expect(topology().clusters.map((cluster) => [cluster.name, cluster.network, cluster.status])).toEqual([
      ["primary", "private", "ok"],
      ["jump", "public", "ok"],
      ["dr", "private", "ok"],
    ]);
  });

  it("primary-to-jump is source-initiated: primary dials jump and data flows primary → jump", () => {
    expect(linkNamed(topology(), "primary-to-jump")).toEqual({
      id: `primary-to-jump@${DR_CHAIN_IDS.primaryToJump}`,
      name: "primary-to-jump",
      clusterLinkId: DR_CHAIN_IDS.primaryToJump,
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
      mirrorCount: 1,
      partitionStates: { ACTIVE: 3, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0, UNKNOWN: 0 },
      partitionStatesSource: "reported",
      maxLag: 5,
      totalLag: 9,
    });
  });

  it("jump-to-dr is destination-initiated: dr dials jump and data flows jump → dr", () => {
    expect(linkNamed(topology(), "jump-to-dr")).toMatchObject({
      kind: "destination-initiated",
      source: "jump",
      destination: "dr",
      connections: [{ from: "dr", to: "jump" }],
      flows: [{ from: "jump", to: "dr" }],
      halves: [{ cluster: "dr", linkMode: "DESTINATION", connectionMode: "OUTBOUND" }],
      state: "ACTIVE",
      problems: [],
      mirrorCount: 1,
      partitionStates: { ACTIVE: 3, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 },
      partitionStatesSource: "derived",
      maxLag: 12,
      totalLag: 20,
    });
  });
});

describe("deriveTopology: flowing or not (issue 14)", () => {
  const cut = (error: string, state = "ACTIVE") =>
    onlyLink(
      derive(
        [aCluster("src"), aCluster("dst")],
        [
          aHalf({ cluster: "dst", linkName: "l", connectionMode: "INBOUND", sourceClusterId: "lkc-src", state, error }),
          aHalf({ cluster: "src", linkName: "l", linkMode: "SOURCE", destinationClusterId: "lkc-dst", state, error }),
        ],
      ),
    );

  it("a network cut (both clusters answer Linkscope, the link times out) is NOT_FLOWING with the cause in words, before and after UNAVAILABLE", () => {
    for (const link of [cut("TIMEOUT_ERROR"), cut("TIMEOUT_ERROR", "UNAVAILABLE")]) {
      expect(link).toMatchObject({ state: "NOT_FLOWING", flowing: false, staleSince: null });
      expect(link.cause).toMatch(/network between them is cut or blocked/);
    }
  });

  it("the source stopped (refused, Linkscope cannot reach it either) is the same NOT_FLOWING, not FAILED", () => {
    const link = onlyLink(
      derive(
        [anUnreachableCluster("src", { id: "lkc-src" }), aCluster("dst")],
        [aHalf({ cluster: "dst", linkName: "l", sourceClusterId: "lkc-src", error: "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR" })],
      ),
    );
    expect(link).toMatchObject({ state: "NOT_FLOWING", flowing: false });
    expect(link.cause).toMatch(/src is down/);
  });

  it("the destination unreadable (its last known half) is the same NOT_FLOWING", () => {
    const link = onlyLink(
      derive(
        [aCluster("src"), anUnreachableCluster("dst", { id: "lkc-dst" })],
        [aHalf({ cluster: "dst", linkName: "l", sourceClusterId: "lkc-src" })],
      ),
    );
    expect(link).toMatchObject({ state: "NOT_FLOWING", flowing: false });
    expect(link.cause).toMatch(/cannot read dst/);
  });

  it("says so first as a problem with a stable code, naming the cause", () => {
    expect(cut("TIMEOUT_ERROR").problems[0]).toEqual({
      code: "link-not-flowing",
      message: expect.stringMatching(/^No data moves: the link on dst cannot reach src's brokers \(TIMEOUT_ERROR\)/),
    });
  });

  it("a healthy link flows", () => {
    expect(cut(null as unknown as string)).toMatchObject({ state: "ACTIVE", flowing: true, cause: null });
  });
});
