import { describe, expect, it } from "vitest";
import { mixedFleet, orphanHalf, unreachableJump } from "../fixtures/topologies";
import { applyFilter, clusterHasProblem, endpointsOf, linkHasProblem } from "./filter";

describe("applyFilter", () => {
  it("shows everything when no filter is on", () => {
    const t = mixedFleet();
    const r = applyFilter(t, { q: "", problemsOnly: false });
    expect(r.active).toBe(false);
    expect(r.clusters.size).toBe(t.clusters.length);
    expect(r.links.size).toBe(t.links.length);
  });

  it("search by cluster name shows its links and their other ends", () => {
    const t = mixedFleet();
    const r = applyFilter(t, { q: "jump", problemsOnly: false });
    expect([...r.links].map((id) => id.split("@")[0]).sort()).toEqual(["jump-to-dr", "primary-to-jump"]);
    expect([...r.clusters].sort()).toEqual(["dr", "jump", "primary"]);
  });

  it("search by link name, case-insensitive, with spaces around", () => {
    const r = applyFilter(mixedFleet(), { q: "  EAST-West ", problemsOnly: false });
    expect([...r.links].map((id) => id.split("@")[0])).toEqual(["east-west"]);
    expect([...r.clusters].sort()).toEqual(["us-east", "us-west"]);
  });

  it("search matches ids and regions too", () => {
    expect([...applyFilter(mixedFleet(), { q: "lkc-partner9", problemsOnly: false }).clusters].sort()).toEqual(["cloud", "lkc-partner9"]);
    expect([...applyFilter(mixedFleet(), { q: "us-west-2", problemsOnly: false }).clusters].sort()).toEqual(["us-east", "us-west"]);
  });

  it("problems only keeps degraded links and unreadable clusters, and the ends of those links", () => {
    const r = applyFilter(mixedFleet(), { q: "", problemsOnly: true });
    expect([...r.links].map((id) => id.split("@")[0])).toEqual(["east-west"]);
    expect([...r.clusters].sort()).toEqual(["us-east", "us-west"]);
    const down = applyFilter(unreachableJump(), { q: "", problemsOnly: true });
    expect(down.links.size).toBe(2);
    expect([...down.clusters].sort()).toEqual(["dr", "jump", "primary"]);
  });

  it("combines search and problems only", () => {
    const r = applyFilter(orphanHalf(), { q: "dr", problemsOnly: true });
    expect(r.links.size).toBe(0);
    expect(r.clusters.size).toBe(0);
    expect(applyFilter(orphanHalf(), { q: "primary", problemsOnly: true }).links.size).toBe(1);
  });

  it("a search that matches nothing shows nothing", () => {
    const r = applyFilter(mixedFleet(), { q: "no-such-thing", problemsOnly: false });
    expect(r.active).toBe(true);
    expect(r.links.size + r.clusters.size).toBe(0);
  });
});

describe("problem predicates", () => {
  it("a link needs attention when not ACTIVE or when it has problems", () => {
    expect(linkHasProblem({ state: "ACTIVE", problems: [] })).toBe(false);
    expect(linkHasProblem({ state: "ACTIVE", problems: [{ code: "link-error", message: "x" }] })).toBe(true);
    expect(linkHasProblem({ state: "PAUSED", problems: [] })).toBe(true);
  });

  it("external clusters are not problems; unreadable configured ones are", () => {
    expect(clusterHasProblem({ status: "external" })).toBe(false);
    expect(clusterHasProblem({ status: "ok" })).toBe(false);
    expect(clusterHasProblem({ status: "unreachable" })).toBe(true);
    expect(clusterHasProblem({ status: "unauthorized" })).toBe(true);
    expect(clusterHasProblem({ status: "error" })).toBe(true);
  });

  it("endpoints include both ends and every half's host", () => {
    const link = orphanHalf().links.find((l) => l.name === "primary-to-jump")!;
    expect(endpointsOf(link).sort()).toEqual(["jump", "primary"]);
  });
});
