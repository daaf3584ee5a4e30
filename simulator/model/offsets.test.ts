import { describe, expect, it } from "vitest";
import { PartitionLogs, spread } from "./offsets";

const one = [1];

describe("partition logs as functions of time", () => {
  it("a produced topic grows at its rate", () => {
    const log = new PartitionLogs(one, 0, [100]);
    log.setMode(0, { kind: "produce", ratePerSec: 10 });
    expect(log.endOffset(0, 0)).toBe(100);
    expect(log.endOffset(0, 60_000)).toBe(700);
  });

  it("a capped fetcher falls behind a fast source (lag grows) and catches up a slow one", () => {
    const src = new PartitionLogs(one, 0, [0]);
    src.setMode(0, { kind: "produce", ratePerSec: 100 });
    const slow = new PartitionLogs(one, 0, [0]);
    slow.setMode(0, { kind: "fetch", source: src, capPerPartitionPerSec: 40 });
    expect(src.endOffset(0, 10_000) - slow.endOffset(0, 10_000)).toBe(600);

    const behind = new PartitionLogs(one, 0, [0]);
    const src2 = new PartitionLogs(one, 0, [1000]);
    src2.setMode(0, { kind: "produce", ratePerSec: 10 });
    behind.setMode(0, { kind: "fetch", source: src2, capPerPartitionPerSec: 110 });
    expect(behind.endOffset(0, 5_000)).toBe(550);
    expect(behind.endOffset(0, 20_000)).toBe(src2.endOffset(0, 20_000));
    const caught = behind.catchUpTime(0, 60_000) ?? -1;
    // 1000 messages ahead, closing at 100/s: about 10 s (integer offsets land a few ms early).
    expect(caught).toBeGreaterThan(9_900);
    expect(caught).toBeLessThanOrEqual(10_000);
    expect(src2.endOffset(0, caught) - behind.endOffset(0, caught)).toBe(0);
    expect(behind.catchUpTime(0, 5_000)).toBeNull();
  });

  it("fetch idles do not bank credit: after a source pause the mirror still moves at its cap", () => {
    const src = new PartitionLogs(one, 0, [0]);
    const mirror = new PartitionLogs(one, 0, [0]);
    mirror.setMode(0, { kind: "fetch", source: src, capPerPartitionPerSec: 10 });
    src.setMode(60_000, { kind: "produce", ratePerSec: 1000 });
    expect(mirror.endOffset(0, 61_000)).toBe(10);
  });

  it("chains: a mirror of a mirror chases the intermediate one", () => {
    const a = new PartitionLogs(one, 0, [0]);
    a.setMode(0, { kind: "produce", ratePerSec: 100 });
    const b = new PartitionLogs(one, 0, [0]);
    b.setMode(0, { kind: "fetch", source: a, capPerPartitionPerSec: 50 });
    const c = new PartitionLogs(one, 0, [0]);
    c.setMode(0, { kind: "fetch", source: b, capPerPartitionPerSec: 1000 });
    expect(c.endOffset(0, 10_000)).toBe(b.endOffset(0, 10_000));
    b.setMode(10_000, { kind: "frozen" });
    expect(c.endOffset(0, 20_000)).toBe(500);
  });

  it("truncation cuts offsets back and reports what was removed", () => {
    const log = new PartitionLogs([0.5, 0.5], 0, [100, 50]);
    expect(log.truncateTo(0, [80, 60])).toEqual([20, 0]);
    expect(log.endOffsets(0)).toEqual([80, 50]);
  });

  it("spread splits exactly", () => {
    expect(spread(10, [0.5, 0.25, 0.25])).toEqual([6, 2, 2]);
    expect(spread(7, [0.3, 0.3, 0.4]).reduce((a, b) => a + b, 0)).toBe(7);
  });
});
