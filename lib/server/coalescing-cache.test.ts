import { describe, expect, it, vi } from "vitest";
import { createCoalescingCache } from "./coalescing-cache";

describe("createCoalescingCache", () => {
  it("merges concurrent loads of one key into one call", async () => {
    const cache = createCoalescingCache<number>({ ttlMs: 1000, now: () => 0 });
    const load = vi.fn(async () => 42);
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.get("k", load)));
    expect(results).toEqual(Array(50).fill(42));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("serves from cache within the ttl and reloads after it", async () => {
    let t = 0;
    const cache = createCoalescingCache<number>({ ttlMs: 1000, now: () => t });
    let n = 0;
    const load = async () => ++n;
    expect(await cache.get("k", load)).toBe(1);
    t = 999;
    expect(await cache.get("k", load)).toBe(1);
    t = 1000;
    expect(await cache.get("k", load)).toBe(2);
  });

  it("counts the period from when the load started, so a poll one period later always reads anew", async () => {
    let t = 0;
    const cache = createCoalescingCache<number>({ ttlMs: 1000, now: () => t });
    let n = 0;
    const slowLoad = async () => {
      t += 300; // reading takes 300 ms
      return ++n;
    };
    expect(await cache.get("k", slowLoad)).toBe(1); // started at 0, landed at 300
    t = 999;
    expect(await cache.get("k", slowLoad)).toBe(1);
    t = 1000; // one period after the start, only 700 ms after it landed
    expect(await cache.get("k", slowLoad)).toBe(2);
  });

  it("reuses a load slower than the period for half a period after it lands", async () => {
    let t = 0;
    const cache = createCoalescingCache<number>({ ttlMs: 1000, now: () => t });
    let n = 0;
    const verySlow = async () => {
      t += 1500;
      return ++n;
    };
    expect(await cache.get("k", verySlow)).toBe(1); // landed at 1500
    t = 1999;
    expect(await cache.get("k", verySlow)).toBe(1);
    t = 2000;
    expect(await cache.get("k", verySlow)).toBe(2);
  });

  it("does not cache failures", async () => {
    const cache = createCoalescingCache<number>({ ttlMs: 1000, now: () => 0 });
    await expect(cache.get("k", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("k", async () => 7)).toBe(7);
  });

  it("keeps keys apart and invalidates by prefix", async () => {
    const cache = createCoalescingCache<string>({ ttlMs: 1000, now: () => 0 });
    await cache.get("a/1", async () => "a1");
    await cache.get("b/1", async () => "b1");
    cache.invalidate("a/");
    expect(await cache.get("a/1", async () => "a1-new")).toBe("a1-new");
    expect(await cache.get("b/1", async () => "b1-new")).toBe("b1");
  });
});
