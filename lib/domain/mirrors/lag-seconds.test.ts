import { describe, expect, it } from "vitest";
import {
  advanceRate,
  advanceRateInPlace,
  knownRate,
  mirrorLagSeconds,
  partitionLagSeconds,
  type RateState,
  worstKnown,
  worstPartitionSeconds,
} from "./lag-seconds";

const settings = { averagingMs: 300_000, minSpanMs: 30_000 };

/** Readings every `stepMs` of an end offset growing by `perSecond`. */
function readings(from: RateState | null, startMs: number, stepMs: number, count: number, startOffset: number, perSecond: number) {
  let state = from;
  for (let i = 0; i < count; i++) {
    state = advanceRate(state, startMs + i * stepMs, startOffset + (perSecond * i * stepMs) / 1000, settings);
  }
  return state;
}

describe("a partition's produce rate", () => {
  it("is unknown until 30 s of readings, then the rate they show", () => {
    const early = readings(null, 0, 5_000, 6, 1_000, 100); // 25 s
    expect(knownRate(early, settings)).toBeNull();
    const later = readings(null, 0, 5_000, 8, 1_000, 100); // 35 s
    expect(knownRate(later, settings)).toBeCloseTo(100, 6);
  });

  it("follows a change of rate over about five minutes, weighing older readings less", () => {
    const steady = readings(null, 0, 5_000, 121, 0, 100); // 10 min at 100/s
    const after = readings(steady, 605_000, 5_000, 60, (steady?.endOffset ?? 0) + 1_000, 1_000); // 5 min at 1,000/s
    const rate = knownRate(after, settings) ?? 0;
    expect(rate).toBeGreaterThan(600);
    expect(rate).toBeLessThan(1_000);
  });

  it("starts over when the end offset goes down (a recreated topic)", () => {
    const before = readings(null, 0, 5_000, 20, 50_000, 100);
    const restarted = advanceRate(before, 100_000, 10, settings);
    expect(restarted).toEqual({ atMs: 100_000, endOffset: 10, perSecond: 0, spanMs: 0 });
    expect(knownRate(restarted, settings)).toBeNull();
  });

  it("in place: the same figures on the state it is given, which keeps its identity", () => {
    const kept = advanceRate(null, 0, 1_000, settings);
    const replaced: RateState[] = [kept];
    const steps: [number, number][] = [
      [5_000, 1_500],
      [10_000, 2_200],
      [10_000, 9_999],
      [15_000, 2_900],
      [20_000, 40],
      [25_000, 90],
    ];
    for (const [atMs, end] of steps) {
      advanceRateInPlace(kept, atMs, end, settings);
      replaced.push(advanceRate(replaced.at(-1) ?? null, atMs, end, settings));
      expect(kept).toEqual(replaced.at(-1));
    }
    expect(kept).toEqual({ atMs: 25_000, endOffset: 90, perSecond: 10, spanMs: 5_000 });
  });

  it("ignores a reading that is not newer", () => {
    const state = readings(null, 0, 5_000, 10, 0, 10);
    expect(advanceRate(state, 45_000, 999_999, settings)).toBe(state);
  });
});

describe("lag in seconds", () => {
  it("is 0 without lag, lag ÷ rate with a producing source, unknown otherwise", () => {
    expect(partitionLagSeconds(0, null)).toBe(0);
    expect(partitionLagSeconds(6_000, 100)).toBe(60);
    expect(partitionLagSeconds(6_000, null)).toBeNull();
    expect(partitionLagSeconds(6_000, 0)).toBeNull();
  });

  it("of a mirror is its worst partition, unknown when any lagging partition is", () => {
    expect(worstPartitionSeconds([0, 60, 12])).toBe(60);
    expect(worstPartitionSeconds([0, null, 12])).toBeNull();
    expect(worstPartitionSeconds([])).toBeNull();
  });

  it("of a stale mirror is a floor: its lag's worth when it stopped plus the time since", () => {
    expect(mirrorLagSeconds(60, null, 1_000_000)).toEqual({ seconds: 60, atLeast: false });
    expect(mirrorLagSeconds(60, 400_000, 1_000_000)).toEqual({ seconds: 660, atLeast: true });
    expect(mirrorLagSeconds(null, 400_000, 1_000_000)).toEqual({ seconds: null, atLeast: true });
  });

  it("of a link is its worst mirror whose seconds are known", () => {
    expect(worstKnown([3, null, 420.5])).toBe(420.5);
    expect(worstKnown([null, null])).toBeNull();
  });
});
