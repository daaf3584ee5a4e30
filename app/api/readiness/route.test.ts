import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReadinessResponseSchema } from "@/lib/api/readiness";
import { invalidateConsumerGroups } from "@/lib/server/consumer-groups-service";
import { fleetService } from "@/lib/server/fleet/fleet-service";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, startFleetForRoutes, type Handler } from "@/test/fuzz/route-harness";

let sim: RunningSimulator;
let GET: Handler;

const admin = (method: string, path: string, body?: unknown) =>
  fetch(sim.adminUrl + path, { method, ...(body ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}) });
const readiness = async (query: string) => {
  fleetService().invalidate();
  invalidateConsumerGroups();
  const res = await callRoute(GET, { method: "GET", params: {}, query }, 15_000);
  return { status: res.status, body: (await res.json()) as unknown };
};

beforeAll(async () => {
  sim = await startFleetForRoutes("demo");
  GET = (await import("./route")).GET as Handler;
});

afterAll(async () => {
  await sim.stop();
});

describe("GET /api/readiness", () => {
  it("on a flowing link: live figures, and promote when every mirror can be promoted", async () => {
    const { status, body } = await readiness("cluster=jump&link=primary-to-jump");
    expect(status).toBe(200);
    const answer = ReadinessResponseSchema.parse(body);
    expect(answer.link).toMatchObject({ name: "primary-to-jump", flowing: true, staleSince: null, cause: null });
    expect(answer.recommendation).toBe("promote");
    expect(answer.mirrors.length).toBeGreaterThan(0);
    for (const m of answer.mirrors) expect(m).toMatchObject({ flowing: true, staleSince: null, dataAtRisk: { atLeast: false } });
  });

  it("carries the link's consumer groups with their verdicts: in the filter and synced, outside the filter", async () => {
    const { status, body } = await readiness("cluster=jump&link=primary-to-jump");
    expect(status).toBe(200);
    const answer = ReadinessResponseSchema.parse(body);
    expect(answer.consumerGroupsError).toBeNull();
    const by = Object.fromEntries(answer.consumerGroups.map((g) => [g.group, g]));
    expect(Object.keys(by).sort()).toEqual(["app-billing", "app-orders", "reporting-batch"]);
    expect(by["app-billing"]).toMatchObject({ verdict: "resumes", inFilter: true, behindMessages: 0, activeMembersOnDestination: 0 });
    expect(by["reporting-batch"]).toMatchObject({ verdict: "resets", inFilter: false, behindMessages: null });
    expect(by["reporting-batch"]!.reason).toContain("widen the filters");
    expect(by["app-orders"]!.topics).toEqual(["mirror_me_orders", "my_test_topic"]);
  });

  it("network cut onprem↔cloud: every mirror stale with at-least data at risk, never Ready, no promote; restore → flowing", async () => {
    await admin("POST", "/network/cut", { a: "onprem", b: "cloud" });
    try {
      const first = ReadinessResponseSchema.parse((await readiness("cluster=cloud&link=onprem-to-cloud")).body);
      expect(first.link).toMatchObject({ flowing: false, state: "NOT_FLOWING" });
      expect(first.link.cause).toMatch(/network between them is cut or blocked/);
      const since = first.link.staleSince;
      expect(since).not.toBeNull();

      await admin("POST", "/clock", { advanceMs: 600_000 });
      const later = ReadinessResponseSchema.parse((await readiness("cluster=cloud&link=onprem-to-cloud")).body);
      expect(later.link.staleSince).toBe(since);
      expect(later.recommendation).toBe("none");
      expect(later.reasons[0]).toMatch(/Fix this first: restore the network/);
      const pending = later.mirrors.filter((m) => m.status !== "STOPPED" && m.status !== "FAILED");
      expect(pending.length).toBeGreaterThan(0);
      for (const m of pending) {
        expect(m).toMatchObject({ flowing: false, staleSince: since, dataAtRisk: { atLeast: true } });
        expect(m.promote.verdict).toBe("blocked");
        expect(m.failover.verdict).not.toBe("ready");
        expect([...m.promote.reasons, ...m.failover.reasons].join(" ")).not.toMatch(/Caught up|has caught up/);
      }
      // clickstream lagged before the cut: its floor is above zero.
      expect(later.mirrors.find((m) => m.name === "clickstream")?.dataAtRisk.messages).toBeGreaterThan(0);
      // orders is consumed on onprem: the groups' lags measure onprem's end offsets, 10 minutes of production past the
      // mirror's last fetch; that measured figure (with its time and groups) is the floor, far above the frozen lag.
      const orders = later.mirrors.find((m) => m.name === "orders");
      const measured = orders?.dataAtRisk.measured;
      expect(measured).toMatchObject({ complete: true, groups: expect.arrayContaining([expect.any(String)]) });
      expect(measured?.messages).toBeGreaterThan(orders?.lag.total ?? 0);
      expect(orders?.dataAtRisk.messages).toBe(measured?.messages);
      expect(measured?.asOf).toBeLessThanOrEqual(later.asOf + 60_000);
      // The link's checks travel with the answer, for the runbook: the cause's kind and the source as Linkscope sees it.
      expect(later.link).toMatchObject({ causeCode: "network", sourceCluster: "onprem", sourceClusterStatus: "ok" });
      expect(orders?.promote.checks).toContainEqual(expect.objectContaining({ level: "block", code: "not-flowing" }));

      const narrowed = ReadinessResponseSchema.parse((await readiness("cluster=cloud&link=onprem-to-cloud&topics=orders")).body);
      expect(narrowed.mirrors.map((m) => m.name)).toEqual(["orders"]);
    } finally {
      await admin("POST", "/network/restore", { a: "onprem", b: "cloud" });
    }
    await admin("POST", "/clock", { advanceMs: 60_000 });
    const back = ReadinessResponseSchema.parse((await readiness("cluster=cloud&link=onprem-to-cloud")).body);
    expect(back.link).toMatchObject({ flowing: true, staleSince: null });
    expect(back.mirrors.filter((m) => m.name === "orders")[0]).toMatchObject({
      flowing: true,
      staleSince: null,
      dataAtRisk: { atLeast: false, measured: null },
    });
  });

  it("answers bad input with a 400 naming the field, an unknown link or topic with a 404", async () => {
    for (const [query, field] of [
      ["link=x", "cluster"],
      ["cluster=cloud", "link"],
      ["cluster=cloud&link=onprem-to-cloud&topics=,", "topics"],
      ["cluster=cloud&link=l&x=1", ""],
    ] as const) {
      const { status, body } = await readiness(query);
      expect(status, query).toBe(400);
      expect(JSON.stringify(body)).toContain(field);
    }
    expect((await readiness("cluster=cloud&link=nope")).status).toBe(404);
    const unknownTopic = await readiness("cluster=cloud&link=onprem-to-cloud&topics=orders,nope");
    expect(unknownTopic.status).toBe(404);
    expect(JSON.stringify(unknownTopic.body)).toMatch(/topics: nope/);
  });
});
