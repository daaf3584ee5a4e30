import { describe, expect, it } from "vitest";
import { chartBands, formatTick, hasPoints, latestValues, mergeSeries, seriesIdOf, timeTicks, withGaps } from "./chart-data";
import { sparklinePoints } from "./sparkline";

describe("mergeSeries", () => {
  it("unions timestamps and leaves gaps null-free only where a series has data", () => {
    const rows = mergeSeries([
      {
        id: "a",
        label: "A",
        points: [
          [2, 20],
          [1, 10],
        ],
      },
      {
        id: "b",
        label: "B",
        points: [
          [2, 5],
          [3, null],
        ],
      },
    ]);
    expect(rows).toEqual([
      { t: 1, a: 10 },
      { t: 2, a: 20, b: 5 },
      { t: 3, b: null },
    ]);
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
        {
          id: "a",
          label: "p0",
          points: [
            [1, 5],
            [2, null],
          ],
        },
        {
          id: "b",
          label: "p1",
          points: [
            [1, 1],
            [2, 9],
          ],
        },
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
    expect(
      sparklinePoints(
        [
          [0, 0],
          [50, 10],
          [100, 5],
        ],
        100,
        22,
        0,
        100,
      ),
    ).toBe("0.0,21.0 50.0,1.0 100.0,11.0");
  });

  it("puts a flat zero series on the bottom and skips gaps", () => {
    expect(
      sparklinePoints(
        [
          [0, 0],
          [50, null],
          [100, 0],
        ],
        100,
        22,
        0,
        100,
      ),
    ).toBe("0.0,21.0 100.0,21.0");
  });

  it("is empty without points", () => {
    expect(sparklinePoints([], 100, 20, 0, 100)).toBe("");
  });
});

describe("timeTicks", () => {
  const at = (h: number, m = 0) => Date.UTC(2026, 10, 21, h, m);

  it("puts round ticks across the whole window", () => {
    expect(timeTicks(at(9, 3), at(10, 3), { utc: true })).toEqual([at(9, 10), at(9, 20), at(9, 30), at(9, 40), at(9, 50), at(10, 0)]);
    expect(timeTicks(at(9, 3), at(9, 18), { utc: true })).toEqual([at(9, 5), at(9, 10), at(9, 15)]);
  });

  it("never gives more than the maximum and copes with long and empty windows", () => {
    const week = timeTicks(at(0), at(0) + 7 * 86_400_000, { utc: true });
    expect(week.length).toBeLessThanOrEqual(6);
    expect(week.length).toBeGreaterThanOrEqual(3);
    expect(timeTicks(at(1), at(1))).toEqual([]);
  });
});

describe("withGaps", () => {
  it("breaks the line where samples are missing for more than two steps", () => {
    expect(
      withGaps(
        [
          [0, 1],
          [10, 2],
          [20, 3],
          [100, 4],
          [110, 5],
        ],
        10,
      ),
    ).toEqual([
      [0, 1],
      [10, 2],
      [20, 3],
      [30, null],
      [100, 4],
      [110, 5],
    ]);
  });

  it("leaves evenly sampled series alone and sorts", () => {
    expect(
      withGaps(
        [
          [20, 3],
          [0, 1],
          [10, 2],
        ],
        10,
      ),
    ).toEqual([
      [0, 1],
      [10, 2],
      [20, 3],
    ]);
    expect(
      withGaps(
        [
          [0, 1],
          [500, 2],
        ],
        0,
      ),
    ).toEqual([
      [0, 1],
      [500, 2],
    ]);
  });
});

describe("chartBands", () => {
  const step = 10_000;
  const series = (id: string, points: Array<[number, number | null]>) => ({ id, label: id, points });

  it("marks a stretch without samples as a gap", () => {
    const s = series("a", [
      [0, 5],
      [10_000, 6],
      [60_000, 7],
      [70_000, 8],
    ]);
    expect(chartBands([s], step)).toEqual([{ from: 10_000, to: 60_000, kind: "gap" }]);
  });

  it("marks lag that stays put above 0 for six samples as frozen, and lag at 0 as healthy", () => {
    const flat = Array.from({ length: 8 }, (_, i): [number, number] => [i * step, 400]);
    expect(chartBands([series("a", [[-step, 390], ...flat, [8 * step, 410]])], step)).toEqual([{ from: 0, to: 7 * step, kind: "frozen" }]);
    const zero = Array.from({ length: 8 }, (_, i): [number, number] => [i * step, 0]);
    expect(chartBands([series("a", zero)], step)).toEqual([]);
  });

  it("is not frozen while any series still moves", () => {
    const flat = Array.from({ length: 8 }, (_, i): [number, number] => [i * step, 400]);
    const moving = Array.from({ length: 8 }, (_, i): [number, number] => [i * step, 400 + i]);
    expect(chartBands([series("a", flat), series("b", moving)], step)).toEqual([]);
  });
});
