import { describe, expect, it } from "vitest";
import { formatLagSeconds } from "./format-lag-seconds";

describe("formatLagSeconds", () => {
  it("says an estimate, a floor, or unknown", () => {
    expect(formatLagSeconds(null, false)).toBe("unknown");
    expect(formatLagSeconds(null, true)).toBe("unknown");
    expect(formatLagSeconds(0, false)).toBe("≈ 0 s");
    expect(formatLagSeconds(430, false)).toMatch(/^≈ 7\s?m/);
    expect(formatLagSeconds(430, true)).toMatch(/^≥ 7\s?m/);
  });
});
