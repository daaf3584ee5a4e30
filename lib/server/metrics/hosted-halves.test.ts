import { describe, expect, it } from "vitest";
import { aMirror } from "@/lib/domain/testing/observations";
import { drChainHalves, jumpToDrHalf } from "@/lib/domain/testing/dr-chain";
import { hostedHalfFigures } from "./hosted-halves";

describe("hostedHalfFigures", () => {
  it("keeps the halves that host mirrors (never a source half) with their budget, mirrors and tasks", () => {
    const figures = hostedHalfFigures(drChainHalves(), { rpoSeconds: 300, links: [{ name: "jump-to-dr", rpoSeconds: 45 }] });
    expect(figures.map((f) => [f.cluster, f.link, f.rpoBudgetSeconds])).toEqual([
      ["jump", "primary-to-jump", 300],
      ["dr", "jump-to-dr", 45],
    ]);
  });

  it("passes each mirror's status and the tasks as reported", () => {
    const half = jumpToDrHalf({ mirrors: [aMirror("a", { status: "FAILED" })], tasks: [{ name: "AclSync", state: "IN_ERROR", errors: [] }] });
    const [figures] = hostedHalfFigures([half], { rpoSeconds: 300, links: [] });
    expect(figures?.mirrors).toEqual([{ name: "a", status: "FAILED", lagSeconds: null }]);
    expect(figures?.tasks).toEqual([{ name: "AclSync", state: "IN_ERROR", errors: [] }]);
  });
});
