import { describe, expect, it } from "vitest";
import { fleetCoverage, isPartial, partialText } from "./coverage";

const half = (cluster: string, linkMode = "DESTINATION") => ({
  cluster,
  linkMode,
  connectionMode: "OUTBOUND",
  state: "ACTIVE",
  error: null,
  errorMessage: null,
});

describe("fleet coverage", () => {
  const clusters = [
    { name: "a", status: "ok" as const },
    { name: "b", status: "unreachable" as const },
    { name: "c", status: "ok" as const },
    { name: "x", status: "external" as const },
  ];

  it("counts mirror-hosting halves, those on unread clusters, and read ones whose link does not flow; never a SOURCE half", () => {
    const coverage = fleetCoverage(clusters, [
      { flowing: true, halves: [half("a"), half("x", "SOURCE")] },
      { flowing: false, halves: [half("b")] },
      { flowing: false, halves: [half("c"), half("a", "SOURCE")] },
    ]);
    expect(coverage).toEqual({ hostingHalves: 3, unreadHalves: 1, staleHalves: 1, unreadClusters: 1 });
    expect(isPartial(coverage)).toBe(true);
    expect(partialText(coverage)).toBe("partial: 2 halves not read / stale (1 not read, 1 stale; 1 cluster not read)");
  });

  it("is whole only when every cluster answers and every hosting half flows", () => {
    const ok = clusters.filter((c) => c.status !== "unreachable");
    const whole = fleetCoverage(ok, [{ flowing: true, halves: [half("a"), half("c")] }]);
    expect(isPartial(whole)).toBe(false);
    expect(partialText(whole)).toBeNull();
    // A cluster that never answered hosts halves nobody knows of: partial even with no half to count.
    expect(isPartial(fleetCoverage(clusters, []))).toBe(true);
  });
});
