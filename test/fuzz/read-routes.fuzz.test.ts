import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, expectDocumentedAnswer, startFleetForRoutes, type Handler } from "./route-harness";

// Thousands of malformed params and query strings against every read route: only documented answers, never a 5xx or a hang.

let sim: RunningSimulator;
const routes: Record<string, Handler> = {};

beforeAll(async () => {
  sim = await startFleetForRoutes();
  routes.links = (await import("@/app/api/clusters/[cluster]/links/route")).GET as Handler;
  routes.link = (await import("@/app/api/clusters/[cluster]/links/[link]/route")).GET as Handler;
  routes.mirrors = (await import("@/app/api/clusters/[cluster]/links/[link]/mirrors/route")).GET as Handler;
  routes.mirror = (await import("@/app/api/clusters/[cluster]/links/[link]/mirrors/[topic]/route")).GET as Handler;
  routes.history = (await import("@/app/api/history/route")).GET as Handler;
  routes.audit = (await import("@/app/api/audit/route")).GET as Handler;
});

afterAll(async () => {
  await sim.stop();
});

// Real names mixed with hostile ones, so some inputs reach the upstream and most are stopped at validation.
const name = fc.oneof(
  fc.constantFrom("jump", "dr", "primary", "primary-to-jump", "jump-to-dr", "my_test_topic", "nope"),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", ".", "..", "../../etc/passwd", "a:promote", "%2F", "-", "a".repeat(260), "\u0000", "mirrors:failover"),
);
const queryValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom("ACTIVE", "active", "PAUSED", "", "9999999999999999", "-1", "2026-11-21T00:00:00Z", "NaN"),
);
const query = fc
  .dictionary(
    fc.oneof(fc.constantFrom("status", "q", "cluster", "link", "topic", "partition", "from", "to", "step"), fc.string({ maxLength: 10 })),
    queryValue,
    { maxKeys: 6 },
  )
  .map((q) => new URLSearchParams(q).toString());

const RUNS = 250;
const seen = new Map<string, Set<number>>();

function tally(route: string, status: number) {
  if (!seen.has(route)) seen.set(route, new Set());
  seen.get(route)!.add(status);
}

describe("read routes under fuzzed input", () => {
  it.each([
    ["links", (c: string) => ({ cluster: c })],
    ["link", (c: string, l: string) => ({ cluster: c, link: l })],
    ["mirrors", (c: string, l: string) => ({ cluster: c, link: l })],
    ["mirror", (c: string, l: string, t: string) => ({ cluster: c, link: l, topic: t })],
  ] as const)("%s", async (route, toParams) => {
    await fc.assert(
      fc.asyncProperty(name, name, name, query, async (c, l, t, q) => {
        const call = { method: "GET", params: toParams(c, l, t), query: q };
        const res = await callRoute(routes[route]!, call);
        tally(route, res.status);
        await expectDocumentedAnswer(res, call);
      }),
      { numRuns: RUNS, examples: [["jump", "primary-to-jump", "my_test_topic", ""]] },
    );
    // Not vacuous: the run reached both the validation and the upstream paths.
    expect(seen.get(route)).toContain(400);
    expect([...(seen.get(route) ?? [])].some((s) => s === 200 || s === 404)).toBe(true);
  });

  it.each(["history", "audit"] as const)("%s (query only)", async (route) => {
    await fc.assert(
      fc.asyncProperty(
        query,
        fc.dictionary(fc.constantFrom("limit", "x"), fc.string({ maxLength: 12 }), { maxKeys: 2 }),
        async (q, extra) => {
          const call = { method: "GET", params: {}, query: `${q}&${new URLSearchParams(extra).toString()}` };
          const res = await callRoute(routes[route]!, call);
          tally(route, res.status);
          await expectDocumentedAnswer(res, call);
        },
      ),
      { numRuns: RUNS },
    );
    expect(seen.get(route)).toContain(400);
  });
});
