import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiErrorBodySchema } from "@/lib/api/error-body";
import { LinkConsumerGroupsResponseSchema } from "@/lib/domain/failover/consumer-group-types";
import { invalidateConsumerGroups } from "@/lib/server/consumer-groups-service";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, startFleetForRoutes, type Handler } from "@/test/fuzz/route-harness";

let sim: RunningSimulator;
let GET: Handler;

const CountersSchema = z.object({
  clusters: z.record(z.string(), z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()) })),
});

async function groupsOf(cluster: string, link: string) {
  const res = await callRoute(GET, { method: "GET", params: { cluster, link } });
  expect(res.status).toBe(200);
  return LinkConsumerGroupsResponseSchema.parse(await res.json());
}

beforeAll(async () => {
  sim = await startFleetForRoutes("demo");
  GET = (await import("./route")).GET as Handler;
});
afterAll(async () => {
  await sim.stop();
});

describe("GET /api/clusters/{cluster}/links/{link}/consumer-groups", () => {
  it("gives each group reading the link's mirrors on the source a verdict with its reason", async () => {
    const before = Date.now();
    const body = await groupsOf("cloud", "onprem-to-cloud");
    expect(body.asOf).toBeGreaterThanOrEqual(before - 1);
    expect(body).toMatchObject({ link: "onprem-to-cloud", sourceCluster: "onprem", destinationCluster: "cloud", notes: [] });
    expect(body.offsetSync).toMatchObject({ enabled: true, intervalMs: 30_000, filtersProblem: null });
    const by = Object.fromEntries(body.consumerGroups.map((g) => [g.group, g]));
    expect(Object.keys(by).sort()).toEqual(["clickstream-analytics", "inventory-sync", "order-service", "tmp-debug-console"]);
    // Already connected on the destination: listed first, and the sync leaves it alone.
    expect(body.consumerGroups[0]).toMatchObject({
      group: "inventory-sync",
      verdict: "resets",
      activeMembersOnDestination: 1,
      inFilter: true,
    });
    expect(by["tmp-debug-console"]).toMatchObject({ verdict: "resets", inFilter: false, behindMessages: null });
    expect(by["tmp-debug-console"]!.reason).toContain("widen the filters");
    // Synced at t0 and not consumed since on a manual clock: in place.
    expect(by["order-service"]).toMatchObject({
      verdict: "resumes",
      behindMessages: 0,
      topics: ["inventory", "orders"],
      activeMembersOnDestination: 0,
    });
    expect(by["order-service"]!.partitions).toHaveLength(9);
    expect(by["order-service"]!.destinationOffsetsAgeMs).not.toBeNull();
    // clickstream's mirror is 24,000 messages behind: the group's synced offsets point past what the mirror has.
    expect(by["clickstream-analytics"]).toMatchObject({ verdict: "resets", behindMessages: null });
    expect(by["clickstream-analytics"]!.reason).toContain("past the end of the mirror");
  });

  it("re-reads what the group consumed since the last sync, and says so", async () => {
    const res = await fetch(`${sim.adminUrl}/clock`, { method: "POST", body: JSON.stringify({ advanceMs: 20_000 }) });
    expect(res.status).toBe(200);
    // Readings are cached per poll interval of real time; this test moves simulated time, so it drops them instead.
    invalidateConsumerGroups();
    const by = Object.fromEntries((await groupsOf("cloud", "onprem-to-cloud")).consumerGroups.map((g) => [g.group, g]));
    const orders = by["order-service"]!;
    expect(orders.verdict).toBe("rereads");
    // 40 + 10 messages/s produced and consumed for 20 s, rounded down per partition.
    expect(orders.behindMessages).toBeGreaterThan(990);
    expect(orders.behindMessages).toBeLessThanOrEqual(1000);
    expect(orders.reason).toContain("Re-reads");
  });

  it("on a link with offset sync off every group starts from its reset policy", async () => {
    const body = await groupsOf("dr", "jump-to-dr");
    expect(body.offsetSync.enabled).toBe(false);
    expect(body.consumerGroups.map((g) => [g.group, g.verdict]).sort()).toEqual([
      ["app-orders", "resets"],
      ["jump-audit", "resets"],
    ]);
    expect(body.consumerGroups[0]!.reason).toContain("enable consumer.offset.sync.enable");
  });

  it("reads each cluster's groups once per poll interval, whatever the number of requests", async () => {
    invalidateConsumerGroups();
    await fetch(`${sim.adminUrl}/counters`, { method: "DELETE" });
    await Promise.all([groupsOf("jump", "primary-to-jump"), groupsOf("jump", "primary-to-jump"), groupsOf("jump", "primary-to-jump")]);
    const counters = CountersSchema.parse(await (await fetch(`${sim.adminUrl}/counters`)).json()).clusters;
    const lists = (c: string) => counters[c]?.byRoute["GET /kafka/v3/clusters/{cluster_id}/consumer-groups"] ?? 0;
    expect(lists("primary")).toBe(1);
    expect(lists("jump")).toBe(1);
  });

  it("answers 400 for the source half of a source-initiated link, naming where to ask, and 404 for an unknown link", async () => {
    const src = await callRoute(GET, { method: "GET", params: { cluster: "onprem", link: "onprem-to-cloud" } });
    expect(src.status).toBe(400);
    expect(ApiErrorBodySchema.parse(await src.json()).error.message).toContain("on cloud");
    const missing = await callRoute(GET, { method: "GET", params: { cluster: "cloud", link: "nope" } });
    expect(missing.status).toBe(404);
    const bad = await callRoute(GET, { method: "GET", params: { cluster: "cloud", link: "onprem-to-cloud" }, query: "verbose=1" });
    expect(bad.status).toBe(400);
    expect(ApiErrorBodySchema.parse(await bad.json()).error.message).toContain("verbose");
  });
});
