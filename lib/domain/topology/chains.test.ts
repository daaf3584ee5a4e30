import { describe, expect, it } from "vitest";
import { blastRadiusOf, downstreamOf, upstreamOf } from "./chains";
import { deriveTopology } from "./topology";
import { DR_CHAIN_IDS, drChainClusters, drChainHalves } from "../testing/dr-chain";
import type { ClusterEdge, Topology, TopologyLink } from "../types";

const PRIMARY_TO_JUMP = `primary-to-jump@${DR_CHAIN_IDS.primaryToJump}`;
const JUMP_TO_DR = `jump-to-dr@${DR_CHAIN_IDS.jumpToDr}`;

function drChain(): Topology {
  return deriveTopology(drChainClusters(), drChainHalves(), new Date(0));
}

/** Only ids and flows matter to chains: a graph from `{ linkId: [[from, to], …] }`. */
function graph(links: Record<string, [string, string][]>): Pick<Topology, "links"> {
  const asFlows = (pairs: [string, string][]): ClusterEdge[] => pairs.map(([from, to]) => ({ from, to }));
  return { links: Object.entries(links).map(([id, flows]) => linkWithFlows(id, asFlows(flows))) };
}

function linkWithFlows(id: string, flows: ClusterEdge[]): TopologyLink {
  return {
    id,
    name: "",
    clusterLinkId: "",
    kind: "destination-initiated",
    source: null,
    destination: null,
    connections: [],
    flows,
    halves: [],
    state: "ACTIVE",
    flowing: true,
    cause: null,
    causeCode: null,
    staleSince: null,
    rpoSeconds: null,
    maxLagSeconds: null,
    problems: [],
    mirrorCount: 0,
    partitionStates: { ACTIVE: 0, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 },
    partitionStatesSource: "derived",
    maxLag: null,
    totalLag: null,
  };
}

describe("chains along data flows: PRIMARY → JUMP → DR", () => {
  it("selecting jump highlights primary upstream and dr downstream", () => {
    expect(blastRadiusOf(drChain(), "jump")).toEqual({
      upstream: { clusters: ["primary"], links: [PRIMARY_TO_JUMP] },
      downstream: { clusters: ["dr"], links: [JUMP_TO_DR] },
    });
  });

  it("follows the chain transitively, nearest first", () => {
    expect(downstreamOf(drChain(), "primary")).toEqual({ clusters: ["jump", "dr"], links: [PRIMARY_TO_JUMP, JUMP_TO_DR] });
    expect(upstreamOf(drChain(), "dr")).toEqual({ clusters: ["jump", "primary"], links: [JUMP_TO_DR, PRIMARY_TO_JUMP] });
  });

  it("follows data, not connections: dr dials jump but nothing flows out of dr", () => {
    expect(downstreamOf(drChain(), "dr")).toEqual({ clusters: [], links: [] });
    expect(upstreamOf(drChain(), "primary")).toEqual({ clusters: [], links: [] });
  });

  it("is empty for a cluster nobody links to", () => {
    expect(blastRadiusOf(drChain(), "elsewhere")).toEqual({
      upstream: { clusters: [], links: [] },
      downstream: { clusters: [], links: [] },
    });
  });
});

describe("chains: cycles and branches", () => {
  it("survives a bidirectional link and never lists the starting cluster", () => {
    const topology = graph({
      "east-west@1": [
        ["east", "west"],
        ["west", "east"],
      ],
      "west-dr@2": [["west", "dr"]],
    });
    expect(downstreamOf(topology, "east")).toEqual({ clusters: ["west", "dr"], links: ["east-west@1", "west-dr@2"] });
    expect(upstreamOf(topology, "east")).toEqual({ clusters: ["west"], links: ["east-west@1"] });
  });

  it("survives a longer cycle of one-way links", () => {
    const topology = graph({ "a@1": [["a", "b"]], "b@2": [["b", "c"]], "c@3": [["c", "a"]] });
    expect(downstreamOf(topology, "a")).toEqual({ clusters: ["b", "c"], links: ["a@1", "b@2", "c@3"] });
  });

  it("fans out and in: a cluster reached twice is listed once", () => {
    const topology = graph({
      "p-x@1": [["p", "x"]],
      "p-y@2": [["p", "y"]],
      "x-z@3": [["x", "z"]],
      "y-z@4": [["y", "z"]],
    });
    expect(downstreamOf(topology, "p")).toEqual({ clusters: ["x", "y", "z"], links: ["p-x@1", "p-y@2", "x-z@3", "y-z@4"] });
    expect(upstreamOf(topology, "z")).toEqual({ clusters: ["x", "y", "p"], links: ["x-z@3", "y-z@4", "p-x@1", "p-y@2"] });
  });
});
