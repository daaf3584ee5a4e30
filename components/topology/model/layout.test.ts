import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import type { Topology, TopologyLink } from "@/lib/domain/types";
import { mixedFleet, seedChain } from "../fixtures/topologies";
import { buildEdgeSpecs, type EdgeSpec } from "./edges";
import { computeLayout, FLOW_LABEL_HEIGHT, FLOW_LABEL_WIDTH, layoutKeyOf, NODE_WIDTH, type LayoutRequest } from "./layout";
import { layoutProblems } from "./layout-checks";

const elk = new ELK();

function requestOf(t: Pick<Topology, "clusters" | "links">): Omit<LayoutRequest, "edges"> & { edges: EdgeSpec[] } {
  const names = new Set(t.clusters.map((c) => c.name));
  return { cards: t.clusters.map((c) => ({ id: c.name, container: null })), containers: [], edges: buildEdgeSpecs(t.links, names) };
}

function copyOf(link: TopologyLink, name: string): TopologyLink {
  return { ...structuredClone(link), id: `${name}@copy`, name };
}

/** The fleet: parallel links between the same pair, both ways, and a link that crosses the graph. */
function crowdedFleet(): Topology {
  const t = mixedFleet();
  const eastWest = t.links.find((l) => l.name === "east-west")!;
  const primaryToJump = t.links.find((l) => l.name === "primary-to-jump")!;
  return { ...t, links: [...t.links, copyOf(eastWest, "ux-bidi"), copyOf(eastWest, "ux-bidi-2"), copyOf(primaryToJump, "ux-second")] };
}

describe("computeLayout (ELK)", () => {
  it("keeps every label clear of other labels, cards and other links' edges, and no edge runs under a card", async () => {
    const t = crowdedFleet();
    const request = requestOf(t);
    const layout = await computeLayout(elk, request);
    const edges = request.edges.map((e) => ({ ...e, linkId: e.id.split(":")[1] }));
    const labelled = request.edges.filter((e) => e.labelled);
    expect(Object.keys(layout.labels).sort()).toEqual(labelled.map((e) => e.id).sort());
    for (const box of Object.values(layout.labels)) expect([box.width, box.height]).toEqual([FLOW_LABEL_WIDTH, FLOW_LABEL_HEIGHT]);
    expect(layoutProblems(layout, edges)).toEqual({ labelOverLabel: [], labelOverCard: [], edgeUnderCard: [], edgeUnderLabel: [] });
  });

  it("draws parallel links between the same pair as separate routes, each with its own label", async () => {
    const t = crowdedFleet();
    const request = requestOf(t);
    const layout = await computeLayout(elk, request);
    const between = request.edges.filter((e) => e.kind === "flow" && e.from === "us-east" && e.to === "us-west");
    expect(between).toHaveLength(3);
    const routes = between.map((e) => JSON.stringify(layout.routes[e.id]));
    expect(new Set(routes).size).toBe(3);
  });

  it("lays data out left to right: a source sits left of its destination along the seed chain", async () => {
    const layout = await computeLayout(elk, requestOf(seedChain()));
    expect(layout.positions.primary!.x + NODE_WIDTH).toBeLessThan(layout.positions.jump!.x);
    expect(layout.positions.jump!.x + NODE_WIDTH).toBeLessThan(layout.positions.dr!.x);
  });

  it("is deterministic, and its key ignores what a poll changes (states, lag) but not a new link", async () => {
    const t = crowdedFleet();
    const a = await computeLayout(elk, requestOf(t));
    const b = await computeLayout(elk, requestOf(t));
    expect(b).toEqual(a);
    const polled = { ...t, links: t.links.map((l) => ({ ...l, state: "FAILED" as const, maxLag: 99 })) };
    expect(layoutKeyOf(requestOf(polled))).toBe(layoutKeyOf(requestOf(t)));
    const grown = { ...t, links: [...t.links, copyOf(t.links[0]!, "new-link")] };
    expect(layoutKeyOf(requestOf(grown))).not.toBe(layoutKeyOf(requestOf(t)));
  });

  it("lays out nothing for no clusters", async () => {
    expect(await computeLayout(elk, { cards: [], containers: [], edges: [] })).toMatchObject({ positions: {}, routes: {}, width: 0 });
  });
});
