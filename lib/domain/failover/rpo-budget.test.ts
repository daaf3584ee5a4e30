import { describe, expect, it } from "vitest";
import { applyRpoBudgets, describeSeconds, isOverBudget, lagOverBudgetProblem } from "./rpo-budget";
import { drChainClusters, drChainHalves } from "../testing/dr-chain";
import { deriveTopology } from "../topology/topology";
import type { Topology } from "../types";

describe("RPO budgets", () => {
  it("calls a link over budget only when its estimated lag in seconds is known and above the budget", () => {
    expect(isOverBudget(301, 300)).toBe(true);
    expect(isOverBudget(300, 300)).toBe(false);
    expect(isOverBudget(null, 300)).toBe(false);
  });

  it("raises lag-over-budget with both figures in words", () => {
    expect(lagOverBudgetProblem(430, 300)).toEqual({
      code: "lag-over-budget",
      message:
        "the worst mirror is an estimated 7 min 10 s of its source's production behind, over the link's RPO budget of 5 min: a failover now would lose more than that",
    });
    expect(lagOverBudgetProblem(299, 300)).toBeNull();
    expect(lagOverBudgetProblem(null, 300)).toBeNull();
  });

  it("describes seconds precisely enough to compare with a budget", () => {
    expect([describeSeconds(0.4), describeSeconds(45), describeSeconds(60), describeSeconds(3725), describeSeconds(7200)]).toEqual([
      "0 s",
      "45 s",
      "1 min",
      "1 h 2 min",
      "2 h",
    ]);
  });

  describe("applyRpoBudgets", () => {
    const topology = deriveTopology(drChainClusters(), drChainHalves(), new Date("2026-12-02T08:00:00Z"));
    const budgetOf = (cluster: string, link: string) => (cluster === "dr" && link === "jump-to-dr" ? 45 : 300);
    const withLag = (t: Topology, name: string, seconds: number | null): Topology => ({
      ...t,
      links: t.links.map((l) => (l.name === name ? { ...l, maxLagSeconds: seconds } : l)),
    });
    const linkNamed = (t: Topology, name: string) => t.links.find((l) => l.name === name)!;

    it("gives each link the budget of the cluster its data flows to", () => {
      const applied = applyRpoBudgets(topology, budgetOf);
      expect(linkNamed(applied, "jump-to-dr").rpoSeconds).toBe(45);
      expect(linkNamed(applied, "primary-to-jump").rpoSeconds).toBe(300);
    });

    it("adds lag-over-budget to a link whose estimated lag is over its budget, and to no other", () => {
      const applied = applyRpoBudgets(withLag(withLag(topology, "jump-to-dr", 60), "primary-to-jump", 60), budgetOf);
      expect(linkNamed(applied, "jump-to-dr").problems.map((p) => p.code)).toEqual(["lag-over-budget"]);
      expect(linkNamed(applied, "primary-to-jump").problems).toEqual([]);
    });

    it("makes a flowing link over its budget DEGRADED (data moves, too slowly), and leaves one within it ACTIVE", () => {
      const applied = applyRpoBudgets(withLag(withLag(topology, "jump-to-dr", 60), "primary-to-jump", 60), budgetOf);
      expect(linkNamed(applied, "jump-to-dr").state).toBe("DEGRADED");
      expect(linkNamed(applied, "primary-to-jump").state).toBe("ACTIVE");
    });

    it("never when the seconds are unknown", () => {
      const applied = applyRpoBudgets(withLag(topology, "jump-to-dr", null), () => 1);
      expect(applied.links.flatMap((l) => l.problems)).toEqual([]);
    });
  });
});
