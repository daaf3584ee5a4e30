import { describe, expect, it } from "vitest";
import { appendTrendPoint, appendTrendPointInPlace, notCatchingUp, notCatchingUpProblem, type TrendPoint } from "./lag-trend";

const WINDOW = 10 * 60_000;

/** A reading every 5 s for `minutes`: the source produces `produce`/s, the mirror fetches `fetch`/s, lag starts at `lag0`. */
function run(minutes: number, produce: number, fetch: number, lag0: number, jitter: (i: number) => number = () => 0): TrendPoint[] {
  let points: TrendPoint[] = [];
  for (let i = 0; i <= (minutes * 60) / 5; i++) {
    const s = i * 5;
    points = appendTrendPoint(
      points,
      { atMs: s * 1000, lag: lag0 + (produce - fetch) * s + jitter(i), fetched: 1_000_000 + fetch * s },
      WINDOW,
    );
  }
  return points;
}

describe("mirror not catching up", () => {
  it("is found when the lag grew over the whole window, with the rate it loses ground at", () => {
    const verdict = notCatchingUp(run(12, 250, 80, 25_000), WINDOW);
    expect(verdict).not.toBeNull();
    expect(verdict?.losingPerSecond).toBeCloseTo(170, 6);
    expect(verdict?.catchUpPerSecond).toBeCloseTo(80, 6);
    expect(verdict?.producePerSecond).toBeCloseTo(250, 6);
    expect(verdict?.windowMs).toBeGreaterThanOrEqual(WINDOW);
  });

  it("is not found for a mirror catching up, or one whose lag only jitters around a level", () => {
    expect(notCatchingUp(run(12, 80, 250, 200_000), WINDOW)).toBeNull();
    expect(
      notCatchingUp(
        run(12, 100, 100, 50, (i) => (i % 3) * 40),
        WINDOW,
      ),
    ).toBeNull();
  });

  it("is not found when a reading of the second half only equals the first half's highest", () => {
    const points: TrendPoint[] = [0, 200, 400, 600].map((s, i) => ({ atMs: s * 1000, lag: [10, 50, 50, 90][i] ?? 0, fetched: s }));
    expect(notCatchingUp(points, WINDOW)).toBeNull();
    expect(
      notCatchingUp(
        points.map((p, i) => (i === 2 ? { ...p, lag: 51 } : p)),
        WINDOW,
      ),
    ).not.toBeNull();
  });

  it("gives no verdict before one whole window of readings", () => {
    expect(notCatchingUp(run(9, 250, 80, 25_000), WINDOW)).toBeNull();
  });

  it("keeps about twenty points however long it runs, one of them at or before the window's start", () => {
    const points = run(60, 250, 80, 0);
    expect(points.length).toBeLessThanOrEqual(26);
    expect(points[0]?.atMs).toBeLessThanOrEqual((points.at(-1)?.atMs ?? 0) - WINDOW);
  });

  it("starts over when the fetch offsets go back (a re-created mirror)", () => {
    const points = appendTrendPoint(run(12, 250, 80, 0), { atMs: 800_000, lag: 5, fetched: 3 }, WINDOW);
    expect(points).toEqual([{ atMs: 800_000, lag: 5, fetched: 3 }]);
  });

  it("in place: the same points as appendTrendPoint, in the array it is given", () => {
    const kept: TrendPoint[] = [];
    let copied: TrendPoint[] = [];
    for (let i = 0; i <= 200; i++) {
      // A reading not newer than the last (i = 50), and the fetch offsets going back once (i = 120).
      const s = i === 50 ? 245 : i * 5;
      const next = { atMs: s * 1000, lag: 100 + i, fetched: i >= 120 ? i : 1_000 + i * 80 };
      appendTrendPointInPlace(kept, next, WINDOW);
      copied = appendTrendPoint(copied, next, WINDOW);
      expect(kept).toEqual(copied);
    }
    expect(kept.length).toBeGreaterThan(1);
    expect(kept[0]?.fetched).toBeGreaterThanOrEqual(120);
  });

  it("says so in a problem naming the mirror and the rates in messages/s", () => {
    const verdict = notCatchingUp(run(12, 250, 80, 25_000), WINDOW);
    if (!verdict) throw new Error("expected a verdict");
    const p = notCatchingUpProblem("clickstream", verdict);
    expect(p.code).toBe("mirror-not-catching-up");
    expect(p.message).toMatch(/^clickstream is not catching up: its lag grew from [\d,]+ to [\d,]+ messages over the last 10 min/);
    expect(p.message).toContain("losing ground at 170 messages/s (it fetches 80 messages/s, its source produces 250 messages/s)");
  });
});
