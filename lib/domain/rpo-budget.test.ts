import { describe, expect, it } from "vitest";
import { describeSeconds, isOverBudget, lagOverBudgetProblem } from "./rpo-budget";

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
    expect([describeSeconds(0.4), describeSeconds(45), describeSeconds(60), describeSeconds(3725), describeSeconds(7200)]).toEqual(["0 s", "45 s", "1 min", "1 h 2 min", "2 h"]);
  });
});
