// @vitest-environment jsdom
import { renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Topology } from "@/lib/domain/types";
import { mixedFleet, seedChain } from "./fixtures/topologies";
import { buildEdgeSpecs } from "./model/edges";
import type { LayoutRequest } from "./model/layout";
import { useGraphLayout } from "./use-graph-layout";

function requestOf(t: Pick<Topology, "clusters" | "links">): LayoutRequest {
  const names = new Set(t.clusters.map((c) => c.name));
  return { cards: t.clusters.map((c) => ({ id: c.name, container: null })), containers: [], edges: buildEdgeSpecs(t.links, names) };
}

// ELK lays the graph out off the render; on a busy machine that takes longer than waitFor's default second.
const LAYOUT_WAIT = { timeout: 15_000 };

describe("useGraphLayout", () => {
  it("keeps the last layout on screen while a changed graph is laid out again, then shows the new one", async () => {
    const first = requestOf(seedChain());
    const second = requestOf(mixedFleet());
    const { result, rerender } = renderHook(({ request }) => useGraphLayout(request), { initialProps: { request: first } });
    await waitFor(() => expect(result.current.ready).toBe(true), LAYOUT_WAIT);
    const shown = result.current.layout;
    expect(shown && Object.keys(shown.positions).sort()).toEqual(first.cards.map((c) => c.id).sort());

    rerender({ request: second });
    // Never a blank graph between the two: the previous layout until the new one is ready.
    expect(result.current.ready).toBe(true);
    expect(result.current.layout).toBe(shown);
    await waitFor(() => expect(result.current.layout).not.toBe(shown), LAYOUT_WAIT);
    expect(Object.keys(result.current.layout?.positions ?? {}).sort()).toEqual(second.cards.map((c) => c.id).sort());
  });
});
