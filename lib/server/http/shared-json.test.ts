import { describe, expect, it } from "vitest";
import { sharedJsonNoStore } from "./shared-json";

describe("shared JSON answers", () => {
  it("serializes a value once however many requests ask for it", async () => {
    const value = { links: [1, 2, 3] };
    let built = 0;
    const body = () => {
      built++;
      return value;
    };
    const a = sharedJsonNoStore(value, body);
    const b = sharedJsonNoStore(value, body);
    expect(built).toBe(1);
    expect(await a.json()).toEqual(value);
    expect(await b.json()).toEqual(value);
    expect(a.headers.get("cache-control")).toBe("no-store");
    expect(a.headers.get("content-type")).toBe("application/json");
  });

  it("a new value is a new answer, and text survives as UTF-8", async () => {
    const first = { n: 1, name: "ørsted-ä" };
    const second = { n: 2 };
    expect(await sharedJsonNoStore(first, () => first).json()).toEqual(first);
    expect(await sharedJsonNoStore(second, () => second).json()).toEqual({ n: 2 });
  });
});
