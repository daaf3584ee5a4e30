import { describe, expect, it } from "vitest";
import { SecretScanner } from "./secret-scanner";

describe("SecretScanner", () => {
  it("finds a secret inside a chunk and across a chunk boundary, never reporting its value", () => {
    const s = new SecretScanner(["hunter2-very-secret", "short"]);
    expect(s.secretCount).toBe(1);
    expect(s.scan("a", "xx hunter2-very-secret yy")).toEqual([{ where: "a", secretIndex: 0 }]);
    expect(s.scan("b", "…hunter2-ve")).toEqual([]);
    expect(s.scan("b", "ry-secret…")).toEqual([{ where: "b", secretIndex: 0 }]);
    expect(s.scan("c", "nothing here")).toEqual([]);
    expect(s.bytesScanned).toBeGreaterThan(30);
  });
});
