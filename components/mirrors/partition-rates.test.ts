import { describe, expect, it } from "vitest";
import type { HistorySeries } from "@/lib/client/use-history";
import {
  lagEstimates,
  NOT_ENOUGH_HISTORY,
  offsetRate,
  partitionRates,
  sourceEndOffsets,
  unavailableRates,
  worstSecondsBehind,
} from "./partition-rates";

const opts = { windowMs: 300_000, minSpanMs: 30_000 };

describe("offsetRate", () => {
  it("is the offset delta per second over the trailing window", () => {
    expect(
      offsetRate(
        [
          [0, 1_000],
          [15_000, 1_300],
          [30_000, 1_600],
          [45_000, 1_900],
        ],
        opts,
      ),
    ).toEqual({ ok: true, value: 20 });
  });

  it("says there is not enough history for one point or too short a span", () => {
    expect(offsetRate([[0, 5]], opts)).toEqual({ ok: false, reason: NOT_ENOUGH_HISTORY });
    expect(
      offsetRate(
        [
          [0, 5],
          [10_000, 50],
        ],
        opts,
      ),
    ).toEqual({ ok: false, reason: NOT_ENOUGH_HISTORY });
    expect(offsetRate([], opts)).toEqual({ ok: false, reason: NOT_ENOUGH_HISTORY });
  });

  it("ignores gaps and unknown offsets (-1)", () => {
    expect(
      offsetRate(
        [
          [0, -1],
          [10_000, null],
          [20_000, 100],
          [60_000, 500],
        ],
        opts,
      ),
    ).toEqual({ ok: true, value: 10 });
  });

  it("only looks at the trailing window", () => {
    const points: [number, number][] = [
      [0, 0],
      [600_000, 60_000],
      [660_000, 60_600],
      [720_000, 61_200],
    ];
    expect(offsetRate(points, { windowMs: 120_000, minSpanMs: 30_000 })).toEqual({ ok: true, value: 10 });
  });

  it("restarts after an offset drop instead of reporting a negative rate", () => {
    expect(
      offsetRate(
        [
          [0, 1_000],
          [30_000, 2_000],
          [60_000, 10],
          [120_000, 610],
        ],
        opts,
      ),
    ).toEqual({ ok: true, value: 10 });
    expect(
      offsetRate(
        [
          [0, 1_000],
          [30_000, 2_000],
          [60_000, 10],
        ],
        opts,
      ),
    ).toEqual({ ok: false, reason: NOT_ENOUGH_HISTORY });
  });

  it("sorts unordered samples", () => {
    expect(
      offsetRate(
        [
          [60_000, 700],
          [0, 100],
        ],
        opts,
      ),
    ).toEqual({ ok: true, value: 10 });
  });
});

describe("sourceEndOffsets", () => {
  it("adds lag to the fetch offset where both were sampled at the same time", () => {
    expect(
      sourceEndOffsets(
        [
          [0, 100],
          [15_000, 200],
          [30_000, 300],
        ],
        [
          [0, 5],
          [30_000, 50],
        ],
      ),
    ).toEqual([
      [0, 105],
      [30_000, 350],
    ]);
  });
});

describe("lagEstimates", () => {
  const rate = (value: number) => ({ ok: true as const, value });

  it("divides lag by the produce rate, and projects catch-up when copying is faster", () => {
    expect(lagEstimates(1_000, rate(60), rate(50))).toEqual({ secondsBehind: { ok: true, value: 20 }, catchUp: { ok: true, value: 100 } });
  });

  it("is zero when there is no lag", () => {
    expect(lagEstimates(0, { ok: false, reason: NOT_ENOUGH_HISTORY }, { ok: false, reason: NOT_ENOUGH_HISTORY })).toEqual({
      secondsBehind: { ok: true, value: 0 },
      catchUp: { ok: true, value: 0 },
    });
  });

  it("explains when it cannot estimate", () => {
    expect(lagEstimates(10, rate(20), { ok: false, reason: NOT_ENOUGH_HISTORY }).secondsBehind).toEqual({
      ok: false,
      reason: NOT_ENOUGH_HISTORY,
    });
    expect(lagEstimates(10, rate(0), rate(0)).secondsBehind).toMatchObject({ ok: false, reason: expect.stringMatching(/not producing/) });
    expect(lagEstimates(10, rate(20), rate(50)).catchUp).toMatchObject({ ok: false, reason: expect.stringMatching(/not catching up/) });
    expect(lagEstimates(null, rate(1), rate(1)).secondsBehind).toMatchObject({ ok: false });
  });
});

describe("partitionRates", () => {
  // clickstream-like: 50 msg/s produced, 20 msg/s fetched, so lag grows 30/s.
  const t = [0, 15_000, 30_000, 45_000, 60_000];
  const series: HistorySeries[] = [
    { key: "clicks/0", metric: "lastSourceFetchOffset", points: t.map((x) => [x, 10_000 + (x / 1000) * 20]) },
    { key: "clicks/0", metric: "lag", points: t.map((x) => [x, 3_000 + (x / 1000) * 30]) },
    { key: "clicks/1", metric: "lag", points: [[0, 0]] },
  ];

  it("derives throughput, produce rate and seconds behind per partition", () => {
    const [p0, p1] = partitionRates("clicks", [0, 1], series, new Map([[0, 5_000]]), opts);
    expect(p0!.throughput).toEqual({ ok: true, value: 20 });
    expect(p0!.produceRate).toEqual({ ok: true, value: 50 });
    expect(p0!.secondsBehind).toEqual({ ok: true, value: 100 });
    expect(p0!.catchUp).toMatchObject({ ok: false });
    expect(p1!.throughput).toEqual({ ok: false, reason: NOT_ENOUGH_HISTORY });
    expect(p1!.secondsBehind).toEqual({ ok: true, value: 0 });
  });

  it("uses the last sampled lag when no live lag is known", () => {
    const [p0] = partitionRates("clicks", [0], series, new Map(), opts);
    expect(p0!.secondsBehind).toEqual({ ok: true, value: (3_000 + 60 * 30) / 50 });
  });
});

describe("unavailableRates and worstSecondsBehind", () => {
  it("marks every estimate with the same reason", () => {
    const [r] = unavailableRates([3], "lag history unavailable");
    expect(r).toEqual({
      partition: 3,
      throughput: { ok: false, reason: "lag history unavailable" },
      produceRate: { ok: false, reason: "lag history unavailable" },
      secondsBehind: { ok: false, reason: "lag history unavailable" },
      catchUp: { ok: false, reason: "lag history unavailable" },
    });
  });

  it("finds the partition furthest behind in time, or nothing", () => {
    const ok = (value: number) => ({ ok: true as const, value });
    const none = { ok: false as const, reason: NOT_ENOUGH_HISTORY };
    const rate = (partition: number, secondsBehind: typeof none | ReturnType<typeof ok>) => ({
      partition,
      throughput: none,
      produceRate: none,
      secondsBehind,
      catchUp: none,
    });
    expect(worstSecondsBehind([rate(0, ok(3)), rate(1, ok(40)), rate(2, none)])).toEqual({ partition: 1, seconds: 40 });
    expect(worstSecondsBehind([rate(0, none)])).toBeNull();
  });
});
