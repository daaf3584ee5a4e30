import { describe, expect, it } from "vitest";
import {
  dataAtRisk,
  dataAtRiskWithoutHistory,
  NOT_ENOUGH_HISTORY,
  sourceOffsetsFromHistory,
  recentRate,
  sourceEndOffsets,
  type SamplePoint,
  staleDataAtRisk,
  withMeasuredAtRisk,
} from "./rpo";

const S = 1000;
/** Offsets growing at `rate` per second, sampled every 15 s from t=0. */
const growing = (rate: number, samples: number, start = 0): [number, number][] =>
  Array.from({ length: samples }, (_, i) => [i * 15 * S, start + rate * i * 15]);

describe("recentRate", () => {
  it("measures messages per second over the trailing window", () => {
    const r = recentRate(growing(20, 21));
    expect(r.ok && r.perSecond).toBeCloseTo(20);
  });

  it("uses the window before the offsets froze: a source that went down keeps its last known rate", () => {
    const before = growing(10, 21); // 0..300 s at 10/s
    const frozenAt = before[before.length - 1]![1];
    const after: [number, number][] = Array.from({ length: 40 }, (_, i) => [300 * S + (i + 1) * 15 * S, frozenAt]);
    const r = recentRate([...before, ...after]);
    expect(r.ok).toBe(true);
    expect(r.ok && r.perSecond).toBeCloseTo(10);
    expect(r.ok && r.toMs).toBe(300 * S);
  });

  it("restarts after a drop (truncation) rather than producing a negative rate", () => {
    const points: SamplePoint[] = [...growing(10, 5), [75 * S, 5], [90 * S, 155], [105 * S, 305]];
    const r = recentRate(points);
    expect(r.ok && r.perSecond).toBeCloseTo(10);
  });

  it("says so when there is too little history, and skips gaps", () => {
    expect(recentRate([])).toEqual({ ok: false, reason: NOT_ENOUGH_HISTORY });
    expect(
      recentRate([
        [0, 1],
        [5 * S, 50],
      ]),
    ).toEqual({ ok: false, reason: NOT_ENOUGH_HISTORY });
    expect(
      recentRate([
        [0, null],
        [60 * S, null],
      ]),
    ).toEqual({ ok: false, reason: NOT_ENOUGH_HISTORY });
  });

  it("reports zero for a source that never moved over a long enough span", () => {
    const r = recentRate([
      [0, 7],
      [60 * S, 7],
    ]);
    expect(r).toMatchObject({ ok: true, perSecond: 0 });
  });
});

describe("sourceEndOffsets", () => {
  it("adds the lag to the fetch offset at matching instants and skips unfetched (-1) positions", () => {
    expect(
      sourceEndOffsets(
        [
          [0, -1],
          [1, 100],
          [2, 150],
          [3, 170],
        ],
        [
          [0, 5],
          [1, 10],
          [2, 0],
        ],
      ),
    ).toEqual([
      [1, 110],
      [2, 150],
    ]);
  });
});

describe("dataAtRisk", () => {
  it("is the worst partition's lag over its produce rate", () => {
    const rates = new Map<number, SamplePoint[]>([
      [0, growing(10, 21)],
      [1, growing(2, 21)],
    ]);
    const risk = dataAtRisk(
      [
        { partition: 0, lag: 100 },
        { partition: 1, lag: 100 },
      ],
      rates,
    );
    expect(risk.messages).toBe(200);
    expect(risk.seconds).toBeCloseTo(50);
    expect(risk.unknownBecause).toBeNull();
  });

  it("is zero when caught up, with or without history", () => {
    expect(dataAtRisk([{ partition: 0, lag: 0 }], new Map())).toMatchObject({ messages: 0, seconds: 0, unknownBecause: null });
  });

  it("says the seconds are unknown, and why, when a lagging partition has no history", () => {
    const risk = dataAtRisk([{ partition: 0, lag: 5 }], new Map());
    expect(risk).toMatchObject({ messages: 5, seconds: null, unknownBecause: NOT_ENOUGH_HISTORY });
  });

  it("cannot turn lag into time for a source that produced nothing", () => {
    const risk = dataAtRisk(
      [{ partition: 0, lag: 5 }],
      new Map([
        [
          0,
          [
            [0, 9],
            [60 * S, 9],
          ] as SamplePoint[],
        ],
      ]),
    );
    expect(risk.seconds).toBeNull();
    expect(risk.unknownBecause).toMatch(/produced nothing/);
  });

  it("is unknown without any lag figures", () => {
    expect(dataAtRisk([], new Map())).toMatchObject({ messages: null, seconds: null });
  });

  it("without history keeps the messages and gives the reason", () => {
    expect(dataAtRiskWithoutHistory([{ partition: 0, lag: 3 }], "lag history is off")).toMatchObject({
      messages: 3,
      seconds: null,
      unknownBecause: "lag history is off",
    });
    expect(dataAtRiskWithoutHistory([{ partition: 0, lag: 0 }], "lag history is off")).toMatchObject({
      messages: 0,
      seconds: 0,
      unknownBecause: null,
    });
  });
});

describe("staleDataAtRisk (issue 14)", () => {
  const t0 = 1_000_000;
  // Source offsets grew 10/s on partition 0 before the mirror stopped flowing.
  const history = new Map([
    [
      0,
      [
        [t0 - 120_000, 0],
        [t0 - 60_000, 600],
        [t0, 1_200],
      ] as const,
    ],
  ]);

  it("is at least the last known lag, plus an estimate from the produce rate before T times the time since", () => {
    const risk = staleDataAtRisk(dataAtRisk([{ partition: 0, lag: 50 }], history), t0, t0 + 600_000);
    expect(risk).toMatchObject({ messages: 50, atLeast: true, estimate: { messages: 6_050 } });
    expect(risk.seconds).toBeCloseTo(605);
    expect(risk.estimate?.basis).toMatch(/last known lag 50 \+ 10\.0 messages\/s .* × 600 s since/);
  });

  it("with lag 0 is never 'nothing': the floor is 0, the time at risk is the time since T, the estimate unknown without history", () => {
    const risk = staleDataAtRisk(dataAtRisk([{ partition: 0, lag: 0 }], new Map()), t0, t0 + 60_000);
    expect(risk).toMatchObject({ messages: 0, atLeast: true, estimate: null, seconds: 60 });
  });
});

describe("withMeasuredAtRisk (issue 18: source end offsets from consumer groups)", () => {
  const t0 = 1_000_000;
  const stale = staleDataAtRisk(dataAtRisk([{ partition: 0, lag: 50 }], new Map()), t0, t0 + 600_000);
  const measured = { messages: 7_900, asOfMs: t0 + 595_000, complete: true, groups: ["app-orders"] };

  it("raises a stale mirror's floor to the measured figure and keeps it labelled as measured, with its time", () => {
    expect(withMeasuredAtRisk(stale, measured)).toMatchObject({ messages: 7_900, atLeast: true, measured });
  });

  it("never lowers the floor below the last known lag, and raises an estimate that falls under it", () => {
    expect(withMeasuredAtRisk(stale, { ...measured, messages: 10 })).toMatchObject({ messages: 50 });
    const estimated = { ...stale, estimate: { messages: 100, basis: "last known lag 50 + …" } };
    expect(withMeasuredAtRisk(estimated, measured).estimate).toEqual({
      messages: 7_900,
      basis: "last known lag 50 + …, raised to the measured figure",
    });
  });

  it("leaves a flowing mirror's live lag alone", () => {
    const live = dataAtRisk([{ partition: 0, lag: 50 }], new Map());
    expect(withMeasuredAtRisk(live, measured)).toBe(live);
  });
});

describe("source offsets from history", () => {
  const S = 1000;
  const series = [
    {
      key: "my_test_topic/0",
      metric: "lastSourceFetchOffset" as const,
      points: [
        [0, 0],
        [60 * S, 600],
      ] as [number, number][],
    },
    {
      key: "my_test_topic/0",
      metric: "lag" as const,
      points: [
        [0, 0],
        [60 * S, 0],
      ] as [number, number][],
    },
    {
      key: "my_test_topic/1",
      metric: "lastSourceFetchOffset" as const,
      points: [
        [0, 0],
        [60 * S, 60],
      ] as [number, number][],
    },
    {
      key: "my_test_topic/1",
      metric: "lag" as const,
      points: [
        [0, 0],
        [60 * S, 0],
      ] as [number, number][],
    },
    { key: "other/0", metric: "lag" as const, points: [[0, 5]] as [number, number][] },
  ];

  it("pairs lag and fetch offsets per partition of this topic only", () => {
    const map = sourceOffsetsFromHistory("my_test_topic", series);
    expect([...map.keys()].sort()).toEqual([0, 1]);
    expect(map.get(0)).toEqual([
      [0, 0],
      [60 * S, 600],
    ]);
  });
});
