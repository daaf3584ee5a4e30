import { describe, expect, it } from "vitest";
import { bidirectionalPair, externalSource, mixedFleet, noLinks, seedChain } from "../fixtures/topologies";
import { COLUMN_GAP, NODE_HEIGHT, NODE_WIDTH, componentsOf, computeLayout, flowPairs, layoutBounds, layoutKeyOf } from "./layout";

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }) {
  return Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;
}

describe("computeLayout", () => {
  it("puts the seed chain left to right along the data flow: primary, then jump, then dr", () => {
    const t = seedChain();
    const { positions } = computeLayout(t.clusters, t.links);
    expect(positions.primary!.x).toBeLessThan(positions.jump!.x);
    expect(positions.jump!.x).toBeLessThan(positions.dr!.x);
    expect(positions.jump!.x - positions.primary!.x).toBe(NODE_WIDTH + COLUMN_GAP);
  });

  it("bands by zone: jump (public) above primary and dr (private), which share a row", () => {
    const t = seedChain();
    const { positions, bands } = computeLayout(t.clusters, t.links);
    expect(bands.map((b) => [b.zone, b.members])).toEqual([
      ["public", ["jump"]],
      ["private", ["primary", "dr"]],
    ]);
    expect(positions.jump!.y).toBeLessThan(positions.primary!.y);
    expect(positions.primary!.y).toBe(positions.dr!.y);
    for (const band of bands) {
      for (const name of band.members) {
        const p = positions[name]!;
        expect(p.x).toBeGreaterThanOrEqual(band.x);
        expect(p.y).toBeGreaterThanOrEqual(band.y);
        expect(p.x + NODE_WIDTH).toBeLessThanOrEqual(band.x + band.width);
        expect(p.y + NODE_HEIGHT).toBeLessThanOrEqual(band.y + band.height);
      }
    }
  });

  it("is deterministic: the same input gives the same positions", () => {
    const t = mixedFleet();
    expect(computeLayout(t.clusters, t.links)).toEqual(computeLayout(structuredClone(t.clusters), structuredClone(t.links)));
  });

  it("never stacks two cards on each other, and keeps separate groups apart", () => {
    const t = mixedFleet();
    const { positions, bands } = computeLayout(t.clusters, t.links);
    const names = Object.keys(positions);
    expect(names.sort()).toEqual(t.clusters.map((c) => c.name).sort());
    for (const a of names) for (const b of names) if (a < b) expect(overlaps(positions[a]!, positions[b]!), `${a} / ${b}`).toBe(false);
    for (const a of bands)
      for (const b of bands) {
        if (a.id >= b.id) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
  });

  it("puts an external cluster (no zone) in its own band, upstream of the cluster it feeds", () => {
    const t = externalSource();
    const { positions, bands } = computeLayout(t.clusters, t.links);
    expect(bands.map((b) => b.zone)).toEqual(["public", "unknown"]);
    expect(positions["lkc-partner9"]!.x).toBeLessThan(positions.cloud!.x);
  });

  it("lays out both ends of a bidirectional link side by side on one row", () => {
    const t = bidirectionalPair();
    const { positions } = computeLayout(t.clusters, t.links);
    expect(positions["us-east"]!.y).toBe(positions["us-west"]!.y);
    expect(positions["us-east"]!.x).not.toBe(positions["us-west"]!.x);
  });

  it("places clusters without links side by side", () => {
    const t = noLinks();
    const { positions } = computeLayout(t.clusters, t.links);
    expect(Object.keys(positions)).toHaveLength(3);
    expect(layoutBounds(computeLayout(t.clusters, t.links)).width).toBeGreaterThan(NODE_WIDTH);
  });

  it("handles no clusters at all", () => {
    expect(computeLayout([], [])).toEqual({ positions: {}, bands: [] });
  });

  it("copes with 50 clusters and 200 links quickly and without overlaps", () => {
    const clusters = Array.from({ length: 50 }, (_, i) => ({
      name: `c${String(i).padStart(2, "0")}`,
      network: i % 3 === 0 ? ("public" as const) : ("private" as const),
    }));
    const links = Array.from({ length: 200 }, (_, i) => ({
      flows: [{ from: clusters[i % 50]!.name, to: clusters[(i * 7 + 3) % 50]!.name }],
    }));
    const started = performance.now();
    const { positions } = computeLayout(clusters, links);
    expect(performance.now() - started).toBeLessThan(2000);
    const names = Object.keys(positions);
    expect(names).toHaveLength(50);
    for (const a of names) for (const b of names) if (a < b) expect(overlaps(positions[a]!, positions[b]!)).toBe(false);
  });
});

describe("layoutKeyOf", () => {
  it("ignores what changes on every poll (state, lag, mirrors)", () => {
    const before = seedChain();
    const after = structuredClone(before);
    after.links[0]!.state = "FAILED";
    after.links[0]!.maxLag = 123456;
    after.links[0]!.mirrorCount = 99;
    after.clusters[1]!.status = "unreachable";
    expect(layoutKeyOf(after.clusters, after.links)).toBe(layoutKeyOf(before.clusters, before.links));
  });

  it("changes when a cluster, a zone or a flow changes", () => {
    const t = seedChain();
    const key = layoutKeyOf(t.clusters, t.links);
    expect(layoutKeyOf([...t.clusters, { ...t.clusters[0]!, name: "extra" }], t.links)).not.toBe(key);
    expect(
      layoutKeyOf(
        t.clusters.map((c) => (c.name === "jump" ? { ...c, network: "private" as const } : c)),
        t.links,
      ),
    ).not.toBe(key);
    expect(layoutKeyOf(t.clusters, t.links.slice(1))).not.toBe(key);
  });
});

describe("flowPairs and componentsOf", () => {
  it("dedupes flows and drops loops", () => {
    expect(
      flowPairs([
        {
          flows: [
            { from: "a", to: "b" },
            { from: "a", to: "b" },
            { from: "c", to: "c" },
          ],
        },
        { flows: [{ from: "b", to: "a" }] },
      ]),
    ).toEqual([
      { from: "a", to: "b" },
      { from: "b", to: "a" },
    ]);
  });

  it("groups clusters joined by flows or connections, in configuration order, with loners apart", () => {
    const clusters = ["a", "b", "c", "d", "e"].map((name) => ({ name, network: null }));
    const { groups, loners } = componentsOf(clusters, [
      { flows: [{ from: "d", to: "b" }], connections: [] },
      { flows: [], connections: [{ from: "a", to: "c" }] },
    ]);
    expect(groups).toEqual([
      ["a", "c"],
      ["b", "d"],
    ]);
    expect(loners).toEqual(["e"]);
  });
});
