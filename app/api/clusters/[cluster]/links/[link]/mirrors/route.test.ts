import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MirrorDetailSchema, MirrorsResponseSchema } from "@/lib/api/links";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, startFleetForRoutes, type Handler } from "@/test/fuzz/route-harness";

let sim: RunningSimulator;
let GET: Handler;
let topologyGET: Handler;
let mirrorGET: Handler;

const MirrorsBody = MirrorsResponseSchema;
const CountersSchema = z.object({
  clusters: z.record(z.string(), z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()) })),
});

async function upstreamCounters() {
  const res = await fetch(`${sim.adminUrl}/counters`);
  return CountersSchema.parse(await res.json()).clusters;
}

async function mirrorsOf(cluster: string, link: string, query?: string) {
  const res = await callRoute(GET, { method: "GET", params: { cluster, link }, ...(query ? { query } : {}) });
  expect(res.status).toBe(200);
  return MirrorsBody.parse(await res.json()).mirrors;
}

beforeAll(async () => {
  sim = await startFleetForRoutes("demo");
  GET = (await import("./route")).GET as Handler;
  topologyGET = (await import("@/app/api/topology/route")).GET as Handler;
  mirrorGET = (await import("./[topic]/route")).GET as Handler;
});

afterAll(async () => {
  await sim.stop();
});

describe("GET /api/clusters/{cluster}/links/{link}/mirrors", () => {
  it("answers the link's mirrors from the fleet snapshot's cluster-wide list, with no upstream request of its own", async () => {
    expect((await callRoute(topologyGET, { method: "GET", params: {} })).status).toBe(200);
    await fetch(`${sim.adminUrl}/counters`, { method: "DELETE" });

    const mirrors = await mirrorsOf("cloud", "onprem-to-cloud");
    expect(mirrors.map((m) => m.name).sort()).toEqual(["clickstream", "inventory", "legacy_audit", "orders"]);
    const failed = mirrors.find((m) => m.name === "legacy_audit");
    expect(failed?.status).toBe("FAILED");
    expect((await upstreamCounters()).cloud?.total ?? 0).toBe(0);
  });

  it("leaves each partition's lag to the mirror's own answer, whose figures agree with the list's", async () => {
    const res = await callRoute(GET, { method: "GET", params: { cluster: "cloud", link: "onprem-to-cloud" } });
    const raw = z.object({ mirrors: z.array(z.record(z.string(), z.unknown())) }).parse(await res.json());
    expect(raw.mirrors.length).toBeGreaterThan(0);
    for (const row of raw.mirrors) expect(Object.keys(row)).not.toContain("lags");

    const listed = (await mirrorsOf("cloud", "onprem-to-cloud")).find((m) => m.name === "clickstream");
    const one = await callRoute(mirrorGET, { method: "GET", params: { cluster: "cloud", link: "onprem-to-cloud", topic: "clickstream" } });
    expect(one.status).toBe(200);
    const detail = MirrorDetailSchema.parse(await one.json());
    expect(detail.lags).toHaveLength(listed?.partitions ?? -1);
    expect(detail.maxLag).toBe(Math.max(...detail.lags.map((l) => l.lag)));
  });

  it("gives each mirror its lag in seconds: 0 when caught up, unknown (null) while one reading cannot show its source's produce rate", async () => {
    const mirrors = await mirrorsOf("cloud", "onprem-to-cloud");
    const byName = new Map(mirrors.map((m) => [m.name, m]));
    expect(byName.get("clickstream")?.maxLag).toBeGreaterThan(0);
    expect(byName.get("clickstream")).toMatchObject({ lagSeconds: null, problems: [] });
    const caughtUp = mirrors.filter((m) => m.status === "ACTIVE" && m.totalLag === 0);
    expect(caughtUp.length).toBeGreaterThan(0);
    for (const m of caughtUp) expect(m.lagSeconds, m.name).toBe(0);
  });

  it("gives every viewer of one snapshot the same bytes, and the filters still apply", async () => {
    const a = await callRoute(GET, { method: "GET", params: { cluster: "cloud", link: "onprem-to-cloud" } });
    const b = await callRoute(GET, { method: "GET", params: { cluster: "cloud", link: "onprem-to-cloud" } });
    expect(await a.text()).toBe(await b.text());
    expect((await mirrorsOf("cloud", "onprem-to-cloud", "status=FAILED")).map((m) => m.name)).toEqual(["legacy_audit"]);
    expect((await mirrorsOf("cloud", "onprem-to-cloud", "q=CLICK")).map((m) => m.name)).toEqual(["clickstream"]);
  });

  it("answers 404 with a sentence for a link the cluster does not host", async () => {
    const res = await callRoute(GET, { method: "GET", params: { cluster: "cloud", link: "no-such-link" } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('hosts no cluster link named \\"no-such-link\\"');
  });
});
