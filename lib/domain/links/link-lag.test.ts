import { describe, expect, it } from "vitest";
import { applyLagFigures, type MirrorLagFigures } from "./link-lag";
import { drChainClusters, drChainHalves } from "../testing/dr-chain";
import { deriveTopology } from "../topology/topology";

const NOW = new Date("2026-01-01T00:00:00Z");
const falling = { fromLag: 25_000, toLag: 127_000, windowMs: 600_000, catchUpPerSecond: 80, producePerSecond: 250, losingPerSecond: 170 };

function figures(entries: Record<string, Partial<MirrorLagFigures>>): Map<string, MirrorLagFigures> {
  return new Map(Object.entries(entries).map(([topic, f]) => [topic, { seconds: null, atLeast: false, notCatchingUp: null, ...f }]));
}

describe("applyLagFigures", () => {
  const topology = deriveTopology(drChainClusters(), drChainHalves(), NOW);
  const link = (t: typeof topology, name: string) => t.links.find((l) => l.name === name);

  it("gives each link its worst mirror's seconds from the halves hosting its mirrors", () => {
    const out = applyLagFigures(topology, (cluster, name) =>
      cluster === "dr" && name === "jump-to-dr" ? figures({ orders: { seconds: 12 }, clicks: { seconds: 430 }, idle: {} }) : undefined,
    );
    expect(link(out, "jump-to-dr")?.maxLagSeconds).toBe(430);
    expect(link(out, "primary-to-jump")?.maxLagSeconds).toBeNull();
    expect(link(out, "jump-to-dr")?.state).toBe(link(topology, "jump-to-dr")?.state);
  });

  it("says when the worst figure is a floor: it comes from a mirror that does not flow", () => {
    const worstStale = applyLagFigures(topology, (cluster, name) =>
      cluster === "dr" && name === "jump-to-dr"
        ? figures({ orders: { seconds: 12 }, legacy: { seconds: 3_459, atLeast: true } })
        : undefined,
    );
    expect(link(worstStale, "jump-to-dr")).toMatchObject({ maxLagSeconds: 3_459, maxLagSecondsAtLeast: true });
    // A stale mirror that is not the worst leaves the worst figure an estimate.
    const worstFlowing = applyLagFigures(topology, (cluster, name) =>
      cluster === "dr" && name === "jump-to-dr" ? figures({ orders: { seconds: 430 }, legacy: { seconds: 12, atLeast: true } }) : undefined,
    );
    expect(link(worstFlowing, "jump-to-dr")).toMatchObject({ maxLagSeconds: 430, maxLagSecondsAtLeast: false });
  });

  it("raises mirror-not-catching-up once per falling-behind mirror, and a flowing link becomes DEGRADED", () => {
    expect(link(topology, "jump-to-dr")?.state).toBe("ACTIVE");
    const out = applyLagFigures(topology, (cluster, name) =>
      cluster === "dr" && name === "jump-to-dr"
        ? figures({ orders: { seconds: 1 }, zeta: { notCatchingUp: falling }, clickstream: { notCatchingUp: falling } })
        : undefined,
    );
    const problems = link(out, "jump-to-dr")?.problems.filter((p) => p.code === "mirror-not-catching-up") ?? [];
    expect(problems.map((p) => p.message.split(" ")[0])).toEqual(["clickstream", "zeta"]);
    expect(problems[0]?.message).toContain("losing ground at 170 messages/s");
    expect(link(out, "jump-to-dr")?.state).toBe("DEGRADED");
  });
});
