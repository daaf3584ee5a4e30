import { describe, expect, it } from "vitest";
import { bidirectionalPair, externalSource, mixedFleet, seedChain, unreachableJump } from "../fixtures/topologies";
import { buildEdgeSpecs } from "./edges";

const names = (t: { clusters: { name: string }[] }) => new Set(t.clusters.map((c) => c.name));

function edgesOf(t: ReturnType<typeof seedChain>, linkName: string) {
  return buildEdgeSpecs(t.links, names(t)).filter((e) => e.linkName === linkName);
}

describe("buildEdgeSpecs", () => {
  it("gives the label of a link that does not flow, or is over its RPO budget, its fourth line (a tall label box)", () => {
    const t = seedChain();
    const tall = (links: typeof t.links) =>
      buildEdgeSpecs(links, names(t))
        .filter((e) => e.tallLabel)
        .map((e) => e.id);
    expect(tall(t.links)).toEqual([]);
    const [first, ...rest] = t.links;
    if (!first) throw new Error("seedChain has links");
    const stopped = [{ ...first, flowing: false, staleSince: 1_000 }, ...rest];
    expect(tall(stopped)).toEqual([buildEdgeSpecs([first], names(t)).find((e) => e.carriesLabel)?.id]);
    const overBudget = [{ ...first, maxLagSeconds: 430, rpoSeconds: 300 }, ...rest];
    expect(tall(overBudget)).toHaveLength(1);
  });

  it("source-initiated primary-to-jump: connection and flow both from primary to jump, each its own edge", () => {
    const edges = edgesOf(seedChain(), "primary-to-jump");
    expect(edges.map((e) => [e.kind, e.from, e.to, e.carriesLabel])).toEqual([
      ["connection", "primary", "jump", false],
      ["flow", "primary", "jump", true],
    ]);
  });

  it("destination-initiated jump-to-dr: dr dials jump, data flows jump → dr; the connection runs against the flow", () => {
    const edges = edgesOf(seedChain(), "jump-to-dr");
    expect(edges.map((e) => [e.kind, e.from, e.to, e.against])).toEqual([
      ["connection", "dr", "jump", true],
      ["flow", "jump", "dr", false],
    ]);
  });

  it("bidirectional east-west: two flows and two connections, one label for both flows", () => {
    const edges = edgesOf(bidirectionalPair(), "east-west");
    expect(
      edges
        .filter((e) => e.kind === "flow")
        .map((e) => `${e.from}>${e.to}`)
        .sort(),
    ).toEqual(["us-east>us-west", "us-west>us-east"]);
    expect(edges.filter((e) => e.kind === "connection")).toHaveLength(2);
    expect(edges.filter((e) => e.carriesLabel)).toHaveLength(1);
    expect(edges.every((e) => e.labelled === e.carriesLabel)).toBe(true);
  });

  it("gives each link exactly one labelled flow and stable, unique ids", () => {
    const t = mixedFleet();
    const edges = buildEdgeSpecs(t.links, names(t));
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    for (const link of t.links) expect(edges.filter((e) => e.linkId === link.id && e.carriesLabel)).toHaveLength(1);
    expect(buildEdgeSpecs([...t.links].reverse(), names(t))).toEqual(edges);
  });

  it("draws links to an external cluster", () => {
    const t = externalSource();
    expect(buildEdgeSpecs(t.links, names(t)).map((e) => [e.kind, e.from, e.to])).toEqual([
      ["connection", "cloud", "lkc-partner9"],
      ["flow", "lkc-partner9", "cloud"],
    ]);
  });

  it("still draws both links of the chain when jump is unreachable (from what primary and dr report)", () => {
    const t = unreachableJump();
    expect(
      buildEdgeSpecs(t.links, names(t))
        .map((e) => e.linkName)
        .sort(),
    ).toEqual(["jump-to-dr", "jump-to-dr", "primary-to-jump", "primary-to-jump"]);
  });

  it("leaves out edges to clusters it does not know and loops", () => {
    const t = seedChain();
    const edges = buildEdgeSpecs(t.links, new Set(["primary", "jump"]));
    expect(edges.every((e) => e.linkName === "primary-to-jump")).toBe(true);
    const loop = structuredClone(t.links[0]!);
    loop.flows = [{ from: "dr", to: "dr" }];
    loop.connections = [];
    expect(buildEdgeSpecs([loop], names(t))).toEqual([]);
  });

  it("gives each of several links between the same two clusters its own labelled flow", () => {
    const t = seedChain();
    const second = { ...structuredClone(t.links.find((l) => l.name === "primary-to-jump")!), id: "second@x", name: "second" };
    const edges = buildEdgeSpecs([...t.links, second], names(t)).filter((e) => e.carriesLabel && e.to === "jump");
    expect(edges.map((e) => e.linkName).sort()).toEqual(["primary-to-jump", "second"]);
  });
});
