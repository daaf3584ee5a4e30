import { describe, expect, it } from "vitest";
import { overBudgetLabel } from "./rpo-label";

describe("overBudgetLabel", () => {
  it("names both figures when the estimated lag is over the budget", () => {
    expect(overBudgetLabel({ maxLagSeconds: 430, rpoSeconds: 300 })).toBe("≈7 min 10 s > RPO 5 min");
  });

  it("says a stale link's figure is a floor", () => {
    expect(overBudgetLabel({ maxLagSeconds: 900, rpoSeconds: 300, staleSince: 1 })).toBe("≥15 min > RPO 5 min");
  });

  it("says nothing within budget, or when either figure is unknown", () => {
    expect(overBudgetLabel({ maxLagSeconds: 300, rpoSeconds: 300 })).toBeNull();
    expect(overBudgetLabel({ maxLagSeconds: null, rpoSeconds: 300 })).toBeNull();
    expect(overBudgetLabel({ maxLagSeconds: 430, rpoSeconds: null })).toBeNull();
  });
});
