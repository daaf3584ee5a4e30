import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, startFleetForRoutes, type Handler } from "./route-harness";

// Upstream misbehaviour through the simulator's fault injection, seen at our API: each fault gives its documented
// status and a sentence, and the server keeps serving the rest.

let sim: RunningSimulator;
let links: Handler;
let mirrors: Handler;
let mirror: Handler;
let topology: Handler;

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(sim.adminUrl + path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  if (!res.ok) throw new Error(`admin ${path}: ${res.status}`);
}

async function call(handler: Handler, params: Record<string, string>) {
  const res = await callRoute(handler, { method: "GET", params });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

beforeAll(async () => {
  sim = await startFleetForRoutes("seed-dr-chain", { timeoutMs: 1000 });
  links = (await import("@/app/api/clusters/[cluster]/links/route")).GET as Handler;
  mirrors = (await import("@/app/api/clusters/[cluster]/links/[link]/mirrors/route")).GET as Handler;
  mirror = (await import("@/app/api/clusters/[cluster]/links/[link]/mirrors/[topic]/route")).GET as Handler;
  topology = (await import("@/app/api/topology/route")).GET as Handler;
  const { fleetService } = await import("@/lib/server/fleet/fleet-service");
  // Each test looks at a fresh upstream state rather than the previous test's cached snapshot.
  afterEachInvalidate = () => fleetService().invalidate();
});

let afterEachInvalidate = () => {};
afterEach(async () => {
  await admin("POST", "/clusters/dr/start");
  await admin("DELETE", "/clusters/dr/faults");
  afterEachInvalidate();
});

afterAll(async () => {
  await sim.stop();
});

describe("faults at the API", () => {
  it("a cluster answering 500 is 502 upstream-error", async () => {
    await admin("PUT", "/clusters/dr/faults", { errorRate: 1, errorMode: "500" });
    afterEachInvalidate();
    const res = await call(links, { cluster: "dr" });
    expect(res.status).toBe(502);
    expect(res.body.error?.code).toBe("upstream-error");
  });

  it("garbage JSON is 502 upstream-error that says the answer was unreadable", async () => {
    await admin("PUT", "/clusters/dr/faults", { errorRate: 1, errorMode: "malformed" });
    afterEachInvalidate();
    const res = await call(links, { cluster: "dr" });
    expect(res.status).toBe(502);
    expect(res.body.error?.message).toMatch(/not JSON/);
  });

  it("a mirror read slower than the cluster's timeout is 504 upstream-timeout", async () => {
    // The snapshot is read while the cluster is fast; then only the on-demand read of one mirror meets the latency.
    expect((await call(links, { cluster: "dr" })).status).toBe(200);
    await admin("PUT", "/clusters/dr/faults", { latencyMs: 3000 });
    const res = await call(mirror, { cluster: "dr", link: "jump-to-dr", topic: "my_test_topic" });
    expect(res.status).toBe(504);
    expect(res.body.error).toMatchObject({ code: "upstream-timeout", message: expect.stringMatching(/within/) });
  });

  // After the other dr tests: after refused connections the client backs off from the cluster for a few seconds, by design.
  it("a refused connection is 503 cluster-unreachable with the reason; the topology still answers 200", async () => {
    await admin("POST", "/clusters/dr/stop");
    afterEachInvalidate();
    const res = await call(links, { cluster: "dr" });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "cluster-unreachable", message: expect.stringMatching(/refused/) });
    expect((await callRoute(topology, { method: "GET", params: {} })).status).toBe(200);
    expect((await call(links, { cluster: "jump" })).status).toBe(200);
  });

  // After the refused connection (whose back-off is on dr), on jump: a timed-out cluster is backed off from too.
  it("a link's mirror list on a cluster slower than its timeout is 503 saying it did not answer in time", async () => {
    // The list comes from the fleet snapshot, whose read of the slow cluster ends at its deadline.
    await admin("PUT", "/clusters/jump/faults", { latencyMs: 3000 });
    afterEachInvalidate();
    try {
      const res = await call(mirrors, { cluster: "jump", link: "primary-to-jump" });
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({
        code: "cluster-unreachable",
        message: expect.stringMatching(/did not answer .* within 1000 ms/),
      });
    } finally {
      await admin("DELETE", "/clusters/jump/faults");
    }
  });
});
