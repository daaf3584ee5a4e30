import { describe, expect, it } from "vitest";
import { lagSecondsSeries } from "./lag-seconds-history";
import type { MirrorHistorySeries } from "../failover/rpo";

/** A partition sampled every 15 s: the source produces `rate`/s, the mirror's lag is `lagAt(t seconds)`. */
function partition(topic: string, p: number, samples: number, rate: number, lagAt: (s: number) => number): MirrorHistorySeries[] {
  const times = Array.from({ length: samples }, (_, i) => i * 15);
  return [
    { key: `${topic}/${p}`, metric: "lag", points: times.map((s) => [s * 1000, lagAt(s)] as const) },
    { key: `${topic}/${p}`, metric: "lastSourceFetchOffset", points: times.map((s) => [s * 1000, 100_000 + rate * s - lagAt(s)] as const) },
  ];
}

describe("lagSecondsSeries", () => {
  it("is each sample's worst partition lag ÷ its trailing produce rate, a gap until 30 s of history", () => {
    const series = [...partition("t", 0, 6, 100, () => 6_000), ...partition("t", 1, 6, 10, () => 1_200)];
    const out = lagSecondsSeries("t", series);
    expect(out.map(([t]) => t)).toEqual([0, 15_000, 30_000, 45_000, 60_000, 75_000]);
    expect(out.slice(0, 2).map(([, v]) => v)).toEqual([null, null]);
    // partition 0: 6,000 ÷ 100/s = 60 s; partition 1: 1,200 ÷ 10/s = 120 s (the worst).
    expect(out.slice(2).map(([, v]) => v)).toEqual([120, 120, 120, 120]);
  });

  it("is 0 when nothing lags, and a gap where a lagging partition's source produced nothing", () => {
    expect(
      lagSecondsSeries(
        "t",
        partition("t", 0, 4, 50, () => 0),
      ).map(([, v]) => v),
    ).toEqual([0, 0, 0, 0]);
    expect(
      lagSecondsSeries(
        "t",
        partition("t", 0, 4, 0, () => 7),
      ).map(([, v]) => v),
    ).toEqual([null, null, null, null]);
  });

  it("ignores other topics' series", () => {
    const series = [...partition("t", 0, 4, 100, () => 1_000), ...partition("other", 0, 4, 1, () => 1_000_000)];
    expect(lagSecondsSeries("t", series).at(-1)?.[1]).toBe(10);
  });

  it("keeps the rate from before the offsets froze and adds the time since (a cut-off mirror's floor grows)", () => {
    // 100/s for 2 minutes, then nothing moves for 2 minutes with the lag frozen at 6,000.
    const times = Array.from({ length: 17 }, (_, i) => i * 15);
    const end = (s: number) => 100_000 + 100 * Math.min(s, 120);
    const series: MirrorHistorySeries[] = [
      { key: "t/0", metric: "lag", points: times.map((s) => [s * 1000, 6_000] as const) },
      { key: "t/0", metric: "lastSourceFetchOffset", points: times.map((s) => [s * 1000, end(s) - 6_000] as const) },
    ];
    const out = new Map(lagSecondsSeries("t", series));
    expect(out.get(120_000)).toBe(60);
    expect(out.get(180_000)).toBe(120);
    expect(out.get(240_000)).toBe(180);
  });
});
