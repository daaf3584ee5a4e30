import { describe, expect, it } from "vitest";
import { compareMirrorStatusSeverity } from "@/lib/domain/mirrors/mirror-states";
import { bidirectionalPair, seedChain, unreachableJump } from "../topology/fixtures/topologies";
import { clusterAdvice, linksInvolving, mirrorHostingHalves, sortMirrorRows, type MirrorRow } from "./cluster-model";

describe("cluster page model", () => {
  it("finds links that touch a cluster without a half on it: jump is the source of jump-to-dr, hosted on dr", () => {
    expect(linksInvolving(seedChain(), "jump").map((l) => l.name)).toEqual(["jump-to-dr"]);
    expect(linksInvolving(seedChain(), "dr")).toEqual([]);
    expect(linksInvolving(bidirectionalPair(), "us-east")).toEqual([]);
  });

  it("while jump is down, both chain links touch it and neither half is visible on it", () => {
    expect(
      linksInvolving(unreachableJump(), "jump")
        .map((l) => l.name)
        .sort(),
    ).toEqual(["jump-to-dr", "primary-to-jump"]);
  });

  it("reads mirrors from every hosted half but SOURCE halves", () => {
    expect(
      mirrorHostingHalves("primary", [
        { name: "a", linkMode: "SOURCE" },
        { name: "b", linkMode: "DESTINATION" },
        { name: "c", linkMode: "BIDIRECTIONAL" },
      ]),
    ).toEqual([
      { cluster: "primary", linkName: "b" },
      { cluster: "primary", linkName: "c" },
    ]);
  });

  it("sorts mirrors worst status first, then by lag", () => {
    const m = (name: string, status: string, maxLag: number | null): MirrorRow => ({
      name,
      flowing: true,
      staleSince: null,
      lagSeconds: null,
      problems: [],
      status,
      maxLag,
      link: "l",
      sourceTopic: name,
      partitions: 1,
      totalLag: maxLag,
      stateTimeMs: 0,
      error: null,
    });
    const rows = sortMirrorRows(
      [m("a", "ACTIVE", 5), m("b", "FAILED", 0), m("c", "ACTIVE", 50), m("d", "PAUSED", null)],
      compareMirrorStatusSeverity,
    );
    expect(rows.map((r) => r.name)).toEqual(["b", "d", "c", "a"]);
  });

  it("says what to check for each unreadable status, nothing when OK", () => {
    expect(clusterAdvice("unreachable")).toMatch(/restUrl/);
    expect(clusterAdvice("unauthorized")).toMatch(/credentials/);
    expect(clusterAdvice("error")).toMatch(/retries/);
    expect(clusterAdvice("ok")).toBeNull();
  });
});
