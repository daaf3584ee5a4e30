import { describe, expect, it } from "vitest";
import { drChainClusters, drChainHalves, jumpToDrHalf } from "@/lib/domain/testing/dr-chain";
import { aMirror } from "@/lib/domain/testing/observations";
import { deriveTopology } from "@/lib/domain/topology/topology";
import type { LinkHalfObservation } from "@/lib/domain/types";
import { hostedHalfFigures } from "./hosted-halves";

const NOW = new Date("2026-12-02T08:00:00Z");

function figuresOf(halves: LinkHalfObservation[], budgets = { rpoSeconds: 300, links: [] }) {
  return hostedHalfFigures(halves, deriveTopology(drChainClusters(), halves, NOW), budgets);
}

describe("hostedHalfFigures", () => {
  it("keeps the halves that host mirrors (never a source half) with their budget", () => {
    const figures = hostedHalfFigures(drChainHalves(), deriveTopology(drChainClusters(), drChainHalves(), NOW), {
      rpoSeconds: 300,
      links: [{ name: "jump-to-dr", rpoSeconds: 45 }],
    });
    expect(figures.map((f) => [f.cluster, f.link, f.rpoBudgetSeconds])).toEqual([
      ["jump", "primary-to-jump", 300],
      ["dr", "jump-to-dr", 45],
    ]);
  });

  it("says a healthy half flows", () => {
    expect(figuresOf(drChainHalves()).map((f) => f.flow)).toEqual([
      { flowing: true, staleSinceMs: null },
      { flowing: true, staleSinceMs: null },
    ]);
  });

  it("says a half whose link cannot reach its source does not flow", () => {
    const halves = [
      ...drChainHalves().filter((h) => h.linkName !== "jump-to-dr"),
      jumpToDrHalf({ error: "TIMEOUT_ERROR", errorMessage: "timed out" }),
    ];
    const dr = figuresOf(halves).find((f) => f.cluster === "dr");
    expect(dr?.flow?.flowing).toBe(false);
  });

  it("passes each mirror's status and the tasks as reported", () => {
    const half = jumpToDrHalf({
      mirrors: [aMirror("a", { status: "FAILED" })],
      tasks: [{ name: "AclSync", state: "IN_ERROR", errors: [] }],
    });
    const [figures] = figuresOf([half]);
    expect(figures?.mirrors).toEqual([{ name: "a", status: "FAILED", lagSeconds: null }]);
    expect(figures?.tasks).toEqual([{ name: "AclSync", state: "IN_ERROR", errors: [] }]);
  });

  it("exports each mirror's estimated seconds and the half's worst known one; unknown stays absent", () => {
    const half = jumpToDrHalf({ mirrors: [aMirror("orders"), aMirror("clicks"), aMirror("idle")] });
    const seconds: Record<string, number | null> = { orders: 12.5, clicks: 430, idle: null };
    const [figures] = hostedHalfFigures(
      [half],
      deriveTopology(drChainClusters(), [half], NOW),
      { rpoSeconds: 300, links: [] },
      (c, l, m) => (c === "dr" && l === "jump-to-dr" ? (seconds[m] ?? null) : null),
    );
    expect(figures?.mirrors.map((m) => [m.name, m.lagSeconds])).toEqual([
      ["orders", 12.5],
      ["clicks", 430],
      ["idle", null],
    ]);
    expect(figures?.maxLagSeconds).toBe(430);
  });
});
