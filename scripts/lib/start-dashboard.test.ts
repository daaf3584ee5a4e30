import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_OLD_SPACE_MB, heapArgs } from "./start-dashboard";

describe("the dashboard's heap limit", () => {
  it("is passed to Node unless NODE_OPTIONS already sets one", () => {
    expect(heapArgs(undefined)).toEqual([`--max-old-space-size=${DEFAULT_MAX_OLD_SPACE_MB}`]);
    expect(heapArgs("--enable-source-maps")).toEqual([`--max-old-space-size=${DEFAULT_MAX_OLD_SPACE_MB}`]);
    expect(heapArgs("--enable-source-maps --max-old-space-size=2048")).toEqual([]);
    expect(heapArgs("--max-old-space-size 2048")).toEqual([]);
  });
});
