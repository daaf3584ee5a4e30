import { describe, expect, it } from "vitest";
import { emptyPartitionStates } from "@/lib/domain/mirrors/mirror-states";
import { partitionStateModel } from "./partition-state-model";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("partitionStateModel", () => {
  it("lists every known category with counts and fractions (the CLI's link-4 example)", () => {
    const model = partitionStateModel({ ...emptyPartitionStates(), ACTIVE: 10, IN_ERROR: 2 });
    expect(model.total).toBe(12);
    expect(model.rows.map((r) => [r.category, r.count])).toEqual([
      ["ACTIVE", 10],
      ["PAUSED", 0],
      ["PENDING", 0],
      ["IN_ERROR", 2],
      ["NOT_APPLICABLE", 0],
    ]);
    expect(model.segments.map((s) => s.category)).toEqual(["ACTIVE", "IN_ERROR"]);
    expect(model.segments[0]!.fraction).toBeCloseTo(10 / 12);
    expect(model.segments[0]!.widthPercent).toBeCloseTo(100 * (10 / 12));
  });

  it("widens tiny categories to the minimum and keeps the bar at 100 %", () => {
    const model = partitionStateModel({ ...emptyPartitionStates(), ACTIVE: 9_998, IN_ERROR: 1, PAUSED: 1 });
    const widths = model.segments.map((s) => s.widthPercent);
    expect(sum(widths)).toBeCloseTo(100);
    expect(model.segments.find((s) => s.category === "IN_ERROR")!.widthPercent).toBeCloseTo(2);
    expect(model.segments.find((s) => s.category === "PAUSED")!.widthPercent).toBeCloseTo(2);
    expect(model.segments.find((s) => s.category === "ACTIVE")!.widthPercent).toBeCloseTo(96);
  });

  it("keeps unknown categories, after the known ones and by name", () => {
    const model = partitionStateModel({ ...emptyPartitionStates(), ACTIVE: 4, ZETA: 1, ALPHA: 1 });
    expect(model.rows.slice(5).map((r) => [r.category, r.known, r.tone])).toEqual([
      ["ALPHA", false, "unknown"],
      ["ZETA", false, "unknown"],
    ]);
    expect(sum(model.segments.map((s) => s.widthPercent))).toBeCloseTo(100);
  });

  it("has no segments and zero fractions when there are no partitions", () => {
    const model = partitionStateModel(emptyPartitionStates());
    expect(model.total).toBe(0);
    expect(model.segments).toEqual([]);
    expect(model.rows.every((r) => r.fraction === 0)).toBe(true);
  });

  it("shares the bar equally when the minimum cannot fit every category", () => {
    const states = { ...emptyPartitionStates(), ACTIVE: 1, PAUSED: 1, PENDING: 1, IN_ERROR: 1, NOT_APPLICABLE: 1 };
    const model = partitionStateModel(states, { minWidthPercent: 40 });
    expect(model.segments.map((s) => s.widthPercent)).toEqual([20, 20, 20, 20, 20]);
  });
});
