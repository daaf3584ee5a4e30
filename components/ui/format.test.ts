import { describe, expect, it } from "vitest";
import { formatAgo, formatCompact, formatCount, formatDuration, formatPercent, formatRate, formatSeconds, formatTimestamp } from "./format";

describe("format", () => {
  it("counts with thousands separators and a dash for nothing", () => {
    expect(formatCount(1_234_567)).toBe("1,234,567");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(null)).toBe("—");
    expect(formatCount(Number.NaN)).toBe("—");
  });

  it("compacts for axes", () => {
    expect(formatCompact(1_234_567)).toBe("1.2M");
    expect(formatCompact(950)).toBe("950");
  });

  it("rates and percents", () => {
    expect(formatRate(12.345)).toBe("12.3");
    expect(formatRate(1_234.5)).toBe("1,235");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(0.0001)).toBe("<0.1%");
    expect(formatPercent(0)).toBe("0%");
  });

  it("durations", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * 60_000)).toBe("12 min");
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe("3 h 5 min");
    expect(formatDuration(2 * 3_600_000)).toBe("2 h");
    expect(formatDuration(52 * 3_600_000)).toBe("2 d 4 h");
    expect(formatDuration(-5_000)).toBe("0 s");
    expect(formatSeconds(0.42)).toBe("0.4 s");
    expect(formatSeconds(125)).toBe("2 min");
    expect(formatSeconds(null)).toBe("—");
  });

  it("relative times tolerate clock skew", () => {
    expect(formatAgo(1_000, 61_000)).toBe("1 min ago");
    expect(formatAgo(10_000, 9_000)).toBe("just now");
  });

  it("timestamps in UTC", () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 21, 15, 4, 5), { utc: true })).toBe("2026-11-21 15:04:05 UTC");
  });
});
