import { fleetCoverage } from "@/lib/domain/topology/coverage";
import { describe, expect, it } from "vitest";
import type { Topology, TopologyCluster, TopologyLink } from "@/lib/domain/types";
import { mixedFleet, seedChain } from "../fixtures/topologies";
import { applyFilter } from "./filter";
import { fleetViewOf, groupsOf, LARGE_FLEET } from "./fleet-view";
import { highlightOf } from "./highlight";

const noFilter = (t: Pick<Topology, "clusters" | "links">) => applyFilter(t, { q: "", problemsOnly: false });

/** A ring of public and private clusters in three regions, each feeding the next: bigger than LARGE_FLEET. */
function bigFleet(size = LARGE_FLEET + 6): Topology {
  const base = seedChain();
  const template = base.links.find((l) => l.name === "jump-to-dr")!;
  const clusters: TopologyCluster[] = Array.from({ length: size }, (_, i) => ({
    ...base.clusters[0]!,
    name: `c${String(i).padStart(2, "0")}`,
    displayName: `Cluster ${i}`,
    network: i % 2 ? "private" : "public",
    region: ["r-a", "r-b", "r-c"][i % 3]!,
    status: i === 4 ? "unreachable" : "ok",
  }));
  const links: TopologyLink[] = clusters.map((c, i) => {
    const next = clusters[(i + 1) % size]!;
    return {
      ...structuredClone(template),
      id: `l${i}@x`,
      name: `l${i}`,
      source: c.name,
      destination: next.name,
      flows: [{ from: c.name, to: next.name }],
      connections: [{ from: next.name, to: c.name }],
      state: i === 7 ? "FAILED" : "ACTIVE",
      problems: [],
    };
  });
  return { generatedAt: base.generatedAt, asOf: base.asOf, clusters, links, coverage: fleetCoverage(clusters, links) };
}

describe("fleetViewOf", () => {
  it("draws every cluster and link of a small fleet", () => {
    const t = mixedFleet();
    const view = fleetViewOf({ topology: t, visible: noFilter(t), highlight: null, opened: null });
    expect(view.mode).toBe("all");
    expect(view.clusters.sort()).toEqual(t.clusters.map((c) => c.name).sort());
    expect(new Set(view.edges.map((e) => e.linkId))).toEqual(new Set(t.links.map((l) => l.id)));
  });

  it("shows a large fleet as groups by zone and region, with health and links rolled up, and nothing to lay out", () => {
    const t = bigFleet();
    const view = fleetViewOf({ topology: t, visible: noFilter(t), highlight: null, opened: null });
    expect(view.mode).toBe("overview");
    expect(view.request.cards).toEqual([]);
    expect(view.groups.map((g) => g.id)).toEqual([
      "group:public:r-a",
      "group:public:r-b",
      "group:public:r-c",
      "group:private:r-a",
      "group:private:r-b",
      "group:private:r-c",
    ]);
    const withDown = view.groups.find((g) => g.members.includes("c04"))!;
    expect(withDown.clusters).toEqual({ ok: withDown.members.length - 1, problem: 1, external: 0 });
    const withFailed = view.groups.filter((g) => g.members.includes("c07") || g.members.includes("c08"));
    for (const g of withFailed) expect(g.worst).toBe("FAILED");
    // Each cluster feeds the next one, in another group: every group has as many links out as members.
    for (const g of view.groups) expect(g.links).toEqual({ out: g.members.length, in: g.members.length, inside: 0 });
  });

  it("focuses a selected cluster of a large fleet on its direct neighbours and the links that touch it", () => {
    const t = bigFleet();
    const view = fleetViewOf({ topology: t, visible: noFilter(t), highlight: highlightOf(t, "c05"), opened: null });
    expect(view.mode).toBe("focus");
    expect(view.clusters).toEqual(["c04", "c05", "c06"]);
    expect([...new Set(view.edges.map((e) => e.linkName))].sort()).toEqual(["l4", "l5"]);
  });

  it("opens a group: its clusters and the clusters they exchange data with", () => {
    const t = bigFleet();
    const group = groupsOf(t).find((g) => g.id === "group:public:r-a")!;
    const view = fleetViewOf({ topology: t, visible: noFilter(t), highlight: null, opened: group.id });
    expect(view.mode).toBe("focus");
    expect(view.openedGroup?.id).toBe(group.id);
    for (const m of group.members) expect(view.clusters).toContain(m);
    expect(view.edges.every((e) => group.members.includes(e.from) || group.members.includes(e.to))).toBe(true);
  });

  it("draws a narrow search as cards, and a broad one as groups", () => {
    const t = bigFleet();
    const narrow = fleetViewOf({ topology: t, visible: applyFilter(t, { q: "c10", problemsOnly: false }), highlight: null, opened: null });
    expect(narrow.mode).toBe("focus");
    expect(narrow.clusters).toEqual(["c09", "c10", "c11"]);
    const broad = fleetViewOf({ topology: t, visible: applyFilter(t, { q: "c", problemsOnly: false }), highlight: null, opened: null });
    expect(broad.mode).toBe("overview");
  });
});
