import { describe, expect, it } from "vitest";
import { failoverImpact, hostedLink, outgoingLinks, remoteEnd } from "./failover-impact";
import { drChainClusters, drChainHalves } from "../testing/dr-chain";
import { aCluster, aHalf, aMirror } from "../testing/observations";
import { deriveTopology } from "../topology/topology";

const NOW = new Date("2026-11-21T15:00:00.000Z");
const seedChain = () => deriveTopology(drChainClusters(), drChainHalves(), NOW);

function bidirectionalPair() {
  const clusters = [aCluster("us-east", { id: "lkc-east" }), aCluster("us-west", { id: "lkc-west" })];
  const common = { linkName: "east-west", clusterLinkId: "EastWestLinkId00000001", linkMode: "BIDIRECTIONAL", connectionMode: "OUTBOUND" };
  return deriveTopology(
    clusters,
    [
      aHalf({ ...common, cluster: "us-east", remoteClusterId: "lkc-west", mirrors: [aMirror("west.orders")] }),
      aHalf({ ...common, cluster: "us-west", remoteClusterId: "lkc-east", mirrors: [aMirror("east.payments", { status: "PAUSED" })] }),
    ],
    NOW,
  );
}

describe("failoverImpact on the seed chain PRIMARY → JUMP → DR", () => {
  const topology = seedChain();
  const jumpToDr = topology.links.find((l) => l.name === "jump-to-dr")!;

  it("finds the link a cluster hosts mirrors for, never a source half", () => {
    expect(hostedLink(topology, "jump", "primary-to-jump")?.name).toBe("primary-to-jump");
    expect(hostedLink(topology, "primary", "primary-to-jump")).toBeUndefined();
    expect(remoteEnd(hostedLink(topology, "jump", "primary-to-jump")!, "jump")).toBe("primary");
    expect(outgoingLinks(topology, "jump").map((o) => [o.link.name, o.host])).toEqual([["jump-to-dr", "dr"]]);
  });

  it("failing over JUMP stops primary-to-jump's mirrors and changes what DR mirrors", () => {
    const impact = failoverImpact(
      topology,
      "jump",
      [{ link: "primary-to-jump", topics: ["my_test_topic"] }],
      new Map([[jumpToDr.id, [{ name: "my_test_topic", sourceTopic: "my_test_topic", status: "ACTIVE" }]]]),
    );
    expect(impact.upstream).toEqual([
      expect.objectContaining({
        link: "primary-to-jump",
        from: "primary",
        stopping: 1,
        total: 1,
        sentence: expect.stringMatching(/all 1 mirror stop following primary for good/),
      }),
    ]);
    expect(impact.downstream).toEqual([
      expect.objectContaining({
        link: "jump-to-dr",
        host: "dr",
        affected: ["my_test_topic"],
        sentence: expect.stringMatching(
          /1 mirror on dr follows these topics and keeps running: from now on it carries what applications write to jump/,
        ),
      }),
    ]);
  });

  it("says when a downstream link mirrors none of the topics, or when its mirrors could not be read", () => {
    const none = failoverImpact(topology, "jump", [{ link: "primary-to-jump", topics: ["my_test_topic"] }], new Map([[jumpToDr.id, []]]));
    expect(none.downstream[0]?.sentence).toMatch(/not affected/);
    const unread = failoverImpact(topology, "jump", [{ link: "primary-to-jump", topics: ["my_test_topic"] }], new Map());
    expect(unread.downstream[0]).toMatchObject({ affected: null, sentence: expect.stringMatching(/could not read its mirrors on dr/) });
  });

  it("failing over DR, the end of the chain, has nothing downstream", () => {
    const impact = failoverImpact(topology, "dr", [{ link: "jump-to-dr", topics: ["my_test_topic"] }], new Map());
    expect(impact.downstream).toEqual([]);
    expect(impact.upstream[0]?.from).toBe("jump");
  });
});

describe("failoverImpact on a bidirectional pair", () => {
  it("counts the reverse direction of the same link as downstream, matched by topic", () => {
    const topology = bidirectionalPair();
    const link = topology.links[0]!;
    const impact = failoverImpact(
      topology,
      "us-west",
      [{ link: "east-west", topics: ["east.payments"] }],
      new Map([[link.id, [{ name: "west.orders", sourceTopic: "orders", status: "ACTIVE" }]]]),
    );
    expect(impact.upstream[0]).toMatchObject({ from: "us-east", stopping: 1 });
    expect(impact.downstream).toEqual([expect.objectContaining({ host: "us-east", affected: [] })]);
  });
});
