import { problem } from "../topology/link-problems";
import type { Problem, Topology, TopologyLink } from "../types";

/*
 * RPO budgets: how many seconds of a source's production a failover may lose (`rpoSeconds` in the config). Lag is
 * reported in messages; the seconds it stands for are an estimate (lag ÷ the source's recent produce rate, worst
 * partition), so a link whose seconds are unknown is never called over (or under) its budget.
 */

/** True only when the estimate is known and above the budget. */
export function isOverBudget(maxLagSeconds: number | null, rpoSeconds: number): boolean {
  return maxLagSeconds !== null && maxLagSeconds > rpoSeconds;
}

/** "45 s", "7 min 10 s", "2 h 5 min": precise enough to compare with a budget. */
export function describeSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** The `lag-over-budget` problem of a link, or null when it is within its budget or its lag in seconds is unknown. */
export function lagOverBudgetProblem(maxLagSeconds: number | null, rpoSeconds: number): Problem | null {
  if (maxLagSeconds === null || !isOverBudget(maxLagSeconds, rpoSeconds)) return null;
  return problem(
    "lag-over-budget",
    `the worst mirror is an estimated ${describeSeconds(maxLagSeconds)} of its source's production behind, over the link's RPO budget of ${describeSeconds(rpoSeconds)}: a failover now would lose more than that`,
  );
}

/** Where a link's budget is looked up: the cluster its data flows to (the destination; the first end of a bidirectional link). */
export function hostingClusterOf(link: Pick<TopologyLink, "flows" | "destination" | "halves">): string | null {
  return link.flows[0]?.to ?? link.destination ?? link.halves[0]?.cluster ?? null;
}

/**
 * The fleet read's last step: every link gets its budget from the config, and a link whose estimated lag in seconds is
 * over it gets the `lag-over-budget` problem.
 */
export function applyRpoBudgets(topology: Topology, budgetOf: (cluster: string, link: string) => number): Topology {
  const links = topology.links.map((link) => {
    const host = hostingClusterOf(link);
    if (host === null) return link;
    const rpoSeconds = budgetOf(host, link.name);
    const over = lagOverBudgetProblem(link.maxLagSeconds, rpoSeconds);
    if (over === null) return { ...link, rpoSeconds };
    // Data flows but too slowly for the budget: DEGRADED, like any other problem of a flowing link (docs/link-states.md).
    return { ...link, rpoSeconds, problems: [...link.problems, over], state: link.state === "ACTIVE" ? "DEGRADED" : link.state };
  });
  return { ...topology, links };
}
