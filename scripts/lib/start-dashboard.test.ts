import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_OLD_SPACE_MB, DEFAULT_MIN_SEMI_SPACE_MB, heapArgs } from "./start-dashboard";

const limit = `--max-old-space-size=${DEFAULT_MAX_OLD_SPACE_MB}`;
const young = `--min-semi-space-size=${DEFAULT_MIN_SEMI_SPACE_MB}`;

describe("the dashboard's memory options", () => {
  it("pass the heap limit to Node unless NODE_OPTIONS already sets one", () => {
    expect(heapArgs(undefined)).toEqual([limit, young]);
    expect(heapArgs("--enable-source-maps")).toEqual([limit, young]);
    expect(heapArgs("--enable-source-maps --max-old-space-size=2048")).toEqual([young]);
    expect(heapArgs("--max-old-space-size 2048")).toEqual([young]);
  });

  it("start the young generation at its maximum unless NODE_OPTIONS sizes it", () => {
    expect(heapArgs("--max-semi-space-size=32")).toEqual([limit]);
    expect(heapArgs("--min-semi-space-size 4 --max-old-space-size=1024")).toEqual([]);
  });
});
