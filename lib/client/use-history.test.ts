import { describe, expect, it } from "vitest";
import { historyWindowEnd } from "./use-history";

describe("historyWindowEnd", () => {
  it("gives every viewer polling within one interval the same window end, at or before now", () => {
    const interval = 5_000;
    const ends = [1_795_262_400_000, 1_795_262_401_234, 1_795_262_404_999].map((now) => historyWindowEnd(now, interval));
    expect(new Set(ends)).toEqual(new Set([1_795_262_400_000]));
    expect(historyWindowEnd(1_795_262_405_000, interval)).toBe(1_795_262_405_000);
  });
});
