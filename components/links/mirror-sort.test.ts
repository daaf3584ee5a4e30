import { describe, expect, it } from "vitest";
import type { MirrorView } from "@/lib/api/links";
import { filterMirrors, sortMirrors, statusCounts, topLaggingMirrors, worstMirrorInSeconds } from "./mirror-sort";

const m = (name: string, extra: Partial<MirrorView> = {}): MirrorView => ({
  flowing: true,
  staleSince: null,
  lagSeconds: null,
  problems: [],
  name,
  sourceTopic: name,
  status: "ACTIVE",
  partitions: 1,
  maxLag: 0,
  totalLag: 0,
  stateTimeMs: 1_000,
  error: null,
  ...extra,
});

const names = (ms: MirrorView[]) => ms.map((x) => x.name);

const mirrors = [
  m("orders", { maxLag: 10, totalLag: 30, partitions: 6, stateTimeMs: 5_000 }),
  m("payments", { status: "PAUSED", maxLag: 1_500, totalLag: 1_500, partitions: 3, stateTimeMs: 9_000 }),
  m("audit", { status: "FAILED", maxLag: null, totalLag: null, partitions: 3, error: "SOURCE_TOPIC_MAY_BE_DELETED", stateTimeMs: 2_000 }),
  m("west.clicks", { sourceTopic: "clicks", maxLag: 26_000, totalLag: 270_000, partitions: 12, stateTimeMs: 1_000 }),
];

describe("filterMirrors", () => {
  it("filters by exact status", () => {
    expect(names(filterMirrors(mirrors, { status: "PAUSED", q: "" }))).toEqual(["payments"]);
  });

  it("searches mirror and source names, case-insensitively", () => {
    expect(names(filterMirrors(mirrors, { status: null, q: "CLICKS" }))).toEqual(["west.clicks"]);
    expect(names(filterMirrors(mirrors, { status: null, q: "west" }))).toEqual(["west.clicks"]);
    expect(names(filterMirrors(mirrors, { status: null, q: "  " }))).toHaveLength(4);
  });

  it("combines both", () => {
    expect(filterMirrors(mirrors, { status: "ACTIVE", q: "pay" })).toEqual([]);
  });
});

describe("sortMirrors", () => {
  it("sorts by status severity, worst first, ties by biggest lag", () => {
    expect(names(sortMirrors(mirrors, "status", "desc"))).toEqual(["audit", "payments", "west.clicks", "orders"]);
  });

  it("sorts numbers both ways and keeps missing lag last either way", () => {
    expect(names(sortMirrors(mirrors, "maxLag", "desc"))).toEqual(["west.clicks", "payments", "orders", "audit"]);
    expect(names(sortMirrors(mirrors, "maxLag", "asc"))).toEqual(["orders", "payments", "west.clicks", "audit"]);
    expect(names(sortMirrors(mirrors, "totalLag", "asc")).at(-1)).toBe("audit");
  });

  it("sorts names and source topics in code-unit order", () => {
    expect(names(sortMirrors(mirrors, "name", "asc"))).toEqual(["audit", "orders", "payments", "west.clicks"]);
    expect(names(sortMirrors(mirrors, "sourceTopic", "asc"))).toEqual(["audit", "west.clicks", "orders", "payments"]);
  });

  it("sorts time in state: ascending is the most recent change first", () => {
    expect(names(sortMirrors(mirrors, "timeInState", "asc"))).toEqual(["payments", "orders", "audit", "west.clicks"]);
  });

  it("puts mirrors without an error last when sorting by error", () => {
    expect(names(sortMirrors(mirrors, "error", "asc"))[0]).toBe("audit");
    expect(names(sortMirrors(mirrors, "error", "desc"))[0]).toBe("audit");
  });

  it("sorts partitions and does not touch its input", () => {
    const copy = [...mirrors];
    expect(names(sortMirrors(mirrors, "partitions", "desc"))[0]).toBe("west.clicks");
    expect(mirrors).toEqual(copy);
  });

  it("sorts 10,000 mirrors quickly", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => m(`t${i}`, { maxLag: (i * 7919) % 10_007 }));
    const started = performance.now();
    const sorted = sortMirrors(many, "maxLag", "desc");
    expect(performance.now() - started).toBeLessThan(500);
    expect(sorted[0]!.maxLag).toBe(10_006);
  });
});

describe("statusCounts and topLaggingMirrors", () => {
  it("counts statuses worst first", () => {
    expect(statusCounts([...mirrors, m("x")])).toEqual([
      { status: "FAILED", count: 1 },
      { status: "PAUSED", count: 1 },
      { status: "ACTIVE", count: 3 },
    ]);
  });

  it("lists the biggest lags, skipping zero and unknown lag", () => {
    expect(names(topLaggingMirrors(mirrors, 2))).toEqual(["west.clicks", "payments"]);
    expect(topLaggingMirrors([m("a"), m("b", { maxLag: null })], 5)).toEqual([]);
  });
});

describe("worstMirrorInSeconds", () => {
  it("picks the mirror furthest behind in seconds, else the largest lag; none when nothing lags", () => {
    expect(worstMirrorInSeconds([m("a", { maxLag: 9_000, lagSeconds: 30 }), m("b", { maxLag: 100, lagSeconds: 400 })])).toBe("b");
    expect(worstMirrorInSeconds([m("a", { maxLag: 9_000 }), m("b", { maxLag: 100 })])).toBe("a");
    expect(worstMirrorInSeconds([m("a"), m("b", { lagSeconds: 0 })])).toBeNull();
  });
});
