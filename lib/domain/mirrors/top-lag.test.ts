import { describe, expect, it } from "vitest";
import { topLagMirrors } from "./top-lag";
import type { MirrorSummary, TopologyLink } from "../types";

const mirror = (name: string, maxLag: number | null): MirrorSummary => ({
  name,
  sourceTopic: name,
  status: "ACTIVE",
  partitions: 1,
  maxLag,
  totalLag: maxLag,
});

function link(name: string, maxLag: number | null, halves: [cluster: string, mode: string][]): TopologyLink {
  return {
    id: `${name}@id`,
    name,
    clusterLinkId: "id",
    kind: "destination-initiated",
    source: null,
    destination: null,
    connections: [],
    flows: [],
    halves: halves.map(([cluster, linkMode]) => ({
      cluster,
      linkMode,
      connectionMode: "OUTBOUND",
      state: "ACTIVE",
      error: null,
      errorMessage: null,
    })),
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
    maxLag,
    totalLag: maxLag,
  };
}

describe("top mirrors by lag across the fleet", () => {
  const links = [
    link("a", 500, [
      ["dr", "DESTINATION"],
      ["primary", "SOURCE"],
    ]),
    link("b", 900, [
      ["east", "BIDIRECTIONAL"],
      ["west", "BIDIRECTIONAL"],
    ]),
    link("c", 0, [["dr", "DESTINATION"]]),
    link("d", 100, [["jump", "DESTINATION"]]),
  ];
  const lists: Record<string, MirrorSummary[] | null> = {
    "dr/a": [mirror("orders", 500), mirror("quiet", 0), mirror("unknown", null)],
    "east/b": [mirror("west.pay", 900)],
    "west/b": [mirror("east.pay", 300)],
    "dr/c": [mirror("never-asked", 0)],
    "jump/d": [mirror("small", 100)],
  };
  const asked: string[] = [];
  const mirrorsOf = (cluster: string, name: string) => {
    asked.push(`${cluster}/${name}`);
    return lists[`${cluster}/${name}`] ?? null;
  };

  it("ranks lagging mirrors worst first, only on the top links' hosting halves, never a SOURCE half", () => {
    const top = topLagMirrors(links, mirrorsOf, 2);
    expect(top.mirrors.map((m) => [m.key, m.maxLag, m.linkId])).toEqual([
      ["east/b/west.pay", 900, "b@id"],
      ["dr/a/orders", 500, "a@id"],
    ]);
    expect(asked.sort()).toEqual(["dr/a", "east/b", "west/b"]);
    expect(top.unreadHalves).toBe(0);
  });

  it("counts halves whose mirror list could not be read, and breaks ties by key", () => {
    const top = topLagMirrors(
      [...links, link("e", 100, [["gone", "DESTINATION"]])],
      (c, n) => (c === "gone" ? null : (lists[`${c}/${n}`] ?? null)),
      10,
    );
    expect(top.unreadHalves).toBe(1);
    expect(top.mirrors.map((m) => m.key)).toEqual(["east/b/west.pay", "dr/a/orders", "west/b/east.pay", "jump/d/small"]);
  });
});
