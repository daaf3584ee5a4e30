import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { GET as getMetrics } from "@/app/api/metrics/route";
import { GET as getLink } from "@/app/api/clusters/[cluster]/links/[link]/route";
import { LinkDetailSchema } from "@/lib/api/links";
import { fleetService } from "@/lib/server/fleet/fleet-service";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, startFleetForRoutes, type Handler } from "@/test/fuzz/route-harness";

// GET /api/metrics and the link detail over the simulated DR chain, with RPO budgets in the config.

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startFleetForRoutes("seed-dr-chain");
  const file = process.env.LINKSCOPE_CONFIG!;
  const config = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  config.rpoSeconds = 600;
  config.links = [{ name: "jump-to-dr", rpoSeconds: 45 }];
  writeFileSync(file, stringify(config));
});

afterAll(async () => {
  await sim?.stop();
});

async function metricsText(): Promise<string> {
  const res = await callRoute(getMetrics as unknown as Handler, { method: "GET", params: {} }, 15_000);
  expect(res.status).toBe(200);
  return res.text();
}

describe("GET /api/metrics with RPO budgets", () => {
  it("exports each hosting half's budget (the link's own, else the fleet default), never a source half's", async () => {
    const text = await metricsText();
    expect(text).toContain('linkscope_link_rpo_budget_seconds{cluster="dr",link="jump-to-dr"} 45');
    expect(text).toContain('linkscope_link_rpo_budget_seconds{cluster="jump",link="primary-to-jump"} 600');
    expect(text).not.toContain('linkscope_link_rpo_budget_seconds{cluster="primary"');
  });

  it("counts the mirrors of each hosting half by status and its tasks by state, as the clusters report them", async () => {
    const text = await metricsText();
    expect(text).toMatch(/^linkscope_mirrors\{cluster="dr",link="jump-to-dr",status="ACTIVE"\} [1-9]\d*$/m);
    expect(text).toMatch(/^linkscope_link_tasks\{cluster="dr",link="jump-to-dr",state="ACTIVE"\} [1-9]\d*$/m);
  });

  it("says whether each hosting half flows: 1 on the healthy chain, 0 for jump-to-dr while jump and dr cannot talk", async () => {
    expect(await metricsText()).toContain('linkscope_link_flowing{cluster="dr",link="jump-to-dr"} 1');
    const admin = (path: string) => fetch(`${sim.adminUrl}${path}`, { method: "POST", body: JSON.stringify({ a: "jump", b: "dr" }) });
    expect((await admin("/network/cut")).status).toBe(200);
    try {
      fleetService().invalidate();
      const text = await metricsText();
      expect(text).toContain('linkscope_link_flowing{cluster="dr",link="jump-to-dr"} 0');
      expect(text).toContain('linkscope_link_flowing{cluster="jump",link="primary-to-jump"} 1');
      // Both clusters answer Linkscope: the outage is the link's.
      expect(text).toContain('linkscope_cluster_up{cluster="dr",status="ok"} 1');
    } finally {
      await admin("/network/restore");
      fleetService().invalidate();
    }
  });

  it("gives the topology's links the budget of the cluster their data flows to", async () => {
    const { topology } = await fleetService().snapshot();
    expect(topology.links.map((l) => [l.name, l.rpoSeconds]).sort()).toEqual([
      ["jump-to-dr", 45],
      ["primary-to-jump", 600],
    ]);
  });

  it("gives the link page the same budget", async () => {
    const res = await callRoute(getLink as unknown as Handler, { method: "GET", params: { cluster: "dr", link: "jump-to-dr" } }, 15_000);
    expect(res.status).toBe(200);
    expect(LinkDetailSchema.parse(await res.json()).rpoSeconds).toBe(45);
  });
});
