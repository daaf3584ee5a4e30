import { describe, expect, it } from "vitest";
import { required } from "./required";

describe("required", () => {
  it("returns a present value, falsy ones included", () => {
    expect(required(0, "a count")).toBe(0);
    expect(required("", "a name")).toBe("");
    expect(required(false, "a flag")).toBe(false);
  });

  it("throws an Error naming what was missing", () => {
    expect(() => required(undefined, "the first sample")).toThrow("Internal error: the first sample is missing.");
    expect(() => required(null, "the refresher of east")).toThrow("Internal error: the refresher of east is missing.");
  });
});
