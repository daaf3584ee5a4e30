import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, expectDocumentedAnswer, startFleetForRoutes, type Handler } from "./route-harness";

// Malformed bodies, params and query strings against every write route (and the sign-in route): only documented
// answers, never a 5xx or a hang. Valid-by-chance requests run against a throwaway simulated fleet.

let sim: RunningSimulator;
const routes: Record<string, Handler> = {};

beforeAll(async () => {
  sim = await startFleetForRoutes();
  routes.createLink = (await import("@/app/api/links/route")).POST as Handler;
  routes.deleteLink = (await import("@/app/api/clusters/[cluster]/links/[link]/route")).DELETE as Handler;
  routes.createMirrors = (await import("@/app/api/clusters/[cluster]/links/[link]/mirrors/route")).POST as Handler;
  routes.configs = (await import("@/app/api/clusters/[cluster]/links/[link]/configs/route")).PATCH as Handler;
  routes.topics = (await import("@/app/api/clusters/[cluster]/topics/route")).GET as Handler;
  routes.login = (await import("@/app/api/auth/login/route")).POST as Handler;
  routes.actions = (await import("@/app/api/clusters/[cluster]/links/[link]/mirrors/actions/route")).POST as Handler;
});

afterAll(async () => {
  await sim.stop();
});

const name = fc.oneof(
  fc.constantFrom("jump", "dr", "primary", "primary-to-jump", "jump-to-dr", "my_test_topic", "nope"),
  fc.string({ maxLength: 80 }),
  fc.constantFrom("", "..", "a:promote", "a".repeat(260), "\u0000"),
);
const jsonValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record(
    {
      name: name,
      kind: fc.constantFrom("destination-initiated", "source-initiated", "bidirectional", "x"),
      source: name,
      destination: name,
      validateOnly: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      topics: fc.array(fc.oneof(name, fc.record({ source: name, mirror: name }, { requiredKeys: [] })), { maxLength: 5 }),
      validateOnly: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      action: fc.constantFrom("pause", "resume", "promote", "failover", "reverse-and-start", "truncate-and-restore", "explode"),
      topics: fc.array(name, { maxLength: 4 }),
      validateOnly: fc.constant(true),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      set: fc.dictionary(name, fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
      reset: fc.array(name, { maxLength: 3 }),
      validateOnly: fc.constant(true),
    },
    { requiredKeys: [] },
  ),
);
const body = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v) ?? "null"),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("", "{", "[]", "null", '{"__proto__": {"x": 1}}', "1e999", '"\\ud800"'),
);
const query = fc
  .dictionary(fc.constantFrom("validateOnly", "force", "x"), fc.constantFrom("true", "false", "", "yes", "1"), { maxKeys: 2 })
  .map((q) => new URLSearchParams(q).toString());
const contentType = fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-8", "");

const RUNS = 200;

describe("write routes under fuzzed input", () => {
  it.each([
    ["createLink", "POST"],
    ["deleteLink", "DELETE"],
    ["createMirrors", "POST"],
    ["configs", "PATCH"],
    ["topics", "GET"],
    ["login", "POST"],
    ["actions", "POST"],
  ] as const)("%s", async (route, method) => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(name, name, body, query, contentType, async (c, l, b, q, type) => {
        const headers: Record<string, string> = type ? { "content-type": type } : {};
        const call = { method, params: { cluster: c, link: l }, body: b, query: q, headers };
        const res = await callRoute(routes[route]!, call);
        statuses.add(res.status);
        await expectDocumentedAnswer(res, call);
      }),
      { numRuns: RUNS },
    );
    expect([...statuses].some((s) => s >= 400 && s < 500)).toBe(true);
  });
});
