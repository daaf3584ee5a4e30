import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TopLagResponseSchema } from "@/lib/api/top-lag";
import { fleetService } from "@/lib/server/fleet/fleet-service";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, startFleetForRoutes, type Handler } from "@/test/fuzz/route-harness";

let sim: RunningSimulator;
let GET: Handler;

beforeAll(async () => {
  sim = await startFleetForRoutes("demo");
  GET = (await import("./route")).GET as Handler;
});

afterAll(async () => {
  await sim.stop();
});

describe("GET /api/mirrors/top-lag", () => {
  it("answers the fleet's most lagging mirrors from the snapshot, worst first, at most `limit`", async () => {
    const res = await callRoute(GET, { method: "GET", params: {}, query: "limit=3" });
    expect(res.status).toBe(200);
    const body = TopLagResponseSchema.parse(await res.json());
    expect(body.mirrors.length).toBeGreaterThan(0);
    expect(body.mirrors.length).toBeLessThanOrEqual(3);
    const lags = body.mirrors.map((m) => m.maxLag);
    expect(lags).toEqual([...lags].sort((a, b) => b - a));
    // The demo's far-behind mirror (fetch 20/s vs 50/s produced on cloud) is among them.
    expect(body.mirrors.map((m) => `${m.cluster}/${m.mirror}`)).toContain("cloud/clickstream");
    expect(body.unreadHalves).toBe(0);
    // The demo fleet answers and flows everywhere: the list is whole, and its rows are live.
    expect(body.coverage).toMatchObject({ unreadHalves: 0, staleHalves: 0, unreadClusters: 0 });
    expect(body.coverage.hostingHalves).toBeGreaterThan(0);
    for (const m of body.mirrors) expect(m.staleSince).toBeNull();
  });

  it("says the list is partial, and its rows are floors, once a link stops flowing (network cut onprem↔cloud)", async () => {
    const admin = (path: string, body: unknown) =>
      fetch(sim.adminUrl + path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    await admin("/network/cut", { a: "onprem", b: "cloud" });
    try {
      fleetService().invalidate();
      const res = await callRoute(GET, { method: "GET", params: {}, query: "limit=10" });
      const body = TopLagResponseSchema.parse(await res.json());
      expect(body.coverage.staleHalves).toBeGreaterThan(0);
      const clickstream = body.mirrors.find((m) => m.mirror === "clickstream");
      expect(clickstream?.staleSince).toEqual(expect.any(Number));
    } finally {
      await admin("/network/restore", { a: "onprem", b: "cloud" });
      fleetService().invalidate();
    }
  });

  it("refuses a limit outside 1–50", async () => {
    for (const q of ["limit=0", "limit=51", "limit=abc", "other=1"]) {
      expect((await callRoute(GET, { method: "GET", params: {}, query: q })).status).toBe(400);
    }
  });
});
