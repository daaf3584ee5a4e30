import { describe, expect, it } from "vitest";
import { formatTick, hasPoints, latestValues, mergeSeries, seriesIdOf } from "./chart-data";
import { sparklinePoints } from "./sparkline";

describe("mergeSeries", () => {
  it("unions timestamps and leaves gaps null-free only where a series has data", () => {
    const rows = mergeSeries([
      { id: "a", label: "A", points: [[2, 20], [1, 10]] },
      { id: "b", label: "B", points: [[2, 5], [3, null]] },
    ]);
    expect(rows).toEqual([{ t: 1, a: 10 }, { t: 2, a: 20, b: 5 }, { t: 3, b: null }]);
  });
});

describe("helpers", () => {
  it("hasPoints ignores null-only series", () => {
    expect(hasPoints([{ id: "a", label: "A", points: [[1, null]] }])).toBe(false);
    expect(hasPoints([{ id: "a", label: "A", points: [[1, 0]] }])).toBe(true);
  });

  it("makes CSS-safe ids", () => {
    expect(seriesIdOf("orders/0", 3)).toBe("s3-orders-0");
  });

  it("formats ticks by span, in UTC when asked", () => {
    const t = Date.UTC(2026, 10, 21, 9, 5);
    expect(formatTick(t, 3_600_000, true)).toBe("09:05");
    expect(formatTick(t, 7 * 86_400_000, true)).toBe("11-21 09:05");
  });

  it("reads out the latest value per series, biggest first", () => {
    expect(
      latestValues([
        { id: "a", label: "p0", points: [[1, 5], [2, null]] },
        { id: "b", label: "p1", points: [[1, 1], [2, 9]] },
        { id: "c", label: "p2", points: [] },
      ]),
    ).toEqual([
      { label: "p1", value: 9 },
      { label: "p0", value: 5 },
    ]);
  });
});

describe("sparklinePoints", () => {
  it("scales time across and value up, largest value at the top", () => {
    expect(sparklinePoints([[0, 0], [50, 10], [100, 5]], 100, 22, 0, 100)).toBe("0.0,21.0 50.0,1.0 100.0,11.0");
  });

  it("puts a flat zero series on the bottom and skips gaps", () => {
    expect(sparklinePoints([[0, 0], [50, null], [100, 0]], 100, 22, 0, 100)).toBe("0.0,21.0 100.0,21.0");
  });

  it("is empty without points", () => {
    expect(sparklinePoints([], 100, 20, 0, 100)).toBe("");
  });
});
