import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { createConfluentClient } from "@/lib/confluent/client";
import { LinkscopeConfigSchema } from "@/lib/config/schema";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { FleetService, type FleetSnapshot } from "./fleet-service";

// Lag in seconds and the falling-behind problem over the demo fleet, on the simulator's manual clock: clickstream on
// cloud is fetched at 20 messages/s per partition while onprem produces 50/s per partition into each of its 12.

let sim: RunningSimulator;
let simNow = 0;
let service: FleetService;

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(sim.adminUrl + path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

/** Simulated time moves by `ms` and the fleet is read again at the new time. */
async function readAfter(ms: number): Promise<FleetSnapshot> {
  if (ms > 0) {
    await admin("POST", "/clock", { advanceMs: ms });
    simNow += ms;
  }
  service.invalidate();
  return service.snapshot();
}

async function readEvery(stepMs: number, totalMs: number): Promise<FleetSnapshot> {
  let snapshot = await readAfter(0);
  for (let t = 0; t < totalMs; t += stepMs) snapshot = await readAfter(stepMs);
  return snapshot;
}

const lagOf = (s: FleetSnapshot, cluster: string, link: string, topic: string) => s.mirrorLags.get(cluster, link, topic);
const linkOf = (s: FleetSnapshot, name: string) => s.topology.links.find((l) => l.name === name);

beforeAll(async () => {
  sim = await startSimulator({ scenario: "demo", basePort: 0, adminPort: 0, clock: "manual" });
  simNow = ((await admin("GET", "/clock")) as { now: number }).now;
  const config = LinkscopeConfigSchema.parse(parseYaml(sim.configYaml()));
  service = new FleetService({
    clusters: config.clusters,
    pollIntervalSeconds: 15,
    coldStartPatienceMs: 60_000,
    clientFor: (c) => createConfluentClient(c, { maxRetries: 0 }),
    now: () => simNow,
    budgets: { rpoSeconds: 300, links: [] },
    lagTrendMinutes: 10,
  });
});

afterAll(async () => {
  await sim.stop();
});

describe("lag figures of the demo fleet", () => {
  it("knows no seconds and no trend from a single reading", async () => {
    const first = await readAfter(0);
    expect(lagOf(first, "cloud", "onprem-to-cloud", "clickstream")).toMatchObject({ seconds: null, notCatchingUp: null });
    expect(linkOf(first, "onprem-to-cloud")?.problems.map((p) => p.code)).not.toContain("mirror-not-catching-up");
  });

  it("estimates seconds once 30 s of readings show the source's produce rate, and finds clickstream falling behind after 10 minutes", async () => {
    const early = await readEvery(15_000, 45_000);
    const clickstream = lagOf(early, "cloud", "onprem-to-cloud", "clickstream");
    // ~250,000 messages over 12 partitions, each produced at 50/s: about 7 minutes behind, over the 5-minute budget.
    expect(clickstream?.seconds).toBeGreaterThan(300);
    expect(clickstream?.atLeast).toBe(false);
    expect(linkOf(early, "onprem-to-cloud")?.maxLagSeconds).toBe(clickstream?.seconds);
    expect(linkOf(early, "onprem-to-cloud")?.problems.map((p) => p.code)).toContain("lag-over-budget");
    expect(lagOf(early, "cloud", "onprem-to-cloud", "orders")?.seconds).toBeLessThan(60);
    expect(clickstream?.notCatchingUp).toBeNull();

    const later = await readEvery(30_000, 10 * 60_000);
    const falling = lagOf(later, "cloud", "onprem-to-cloud", "clickstream")?.notCatchingUp;
    expect(falling?.losingPerSecond).toBeCloseTo(12 * (50 - 20), 0);
    const problem = linkOf(later, "onprem-to-cloud")?.problems.find((p) => p.code === "mirror-not-catching-up");
    expect(problem?.message).toContain("clickstream is not catching up");
    expect(problem?.message).toContain("losing ground at 360 messages/s");
    // Mirrors that keep up are not falling behind.
    expect(lagOf(later, "cloud", "onprem-to-cloud", "orders")?.notCatchingUp).toBeNull();
    expect(lagOf(later, "dr", "jump-to-dr", "my_test_topic")?.notCatchingUp).toBeNull();
  });

  it("makes the seconds of a mirror that stopped flowing a growing floor, and drops the trend", async () => {
    const before = lagOf(await readAfter(0), "cloud", "onprem-to-cloud", "clickstream")?.seconds ?? 0;
    await admin("POST", "/network/cut", { a: "onprem", b: "cloud" });
    try {
      const cut = await readEvery(60_000, 10 * 60_000);
      expect(linkOf(cut, "onprem-to-cloud")?.flowing).toBe(false);
      const stale = lagOf(cut, "cloud", "onprem-to-cloud", "clickstream");
      expect(stale?.atLeast).toBe(true);
      expect(stale?.seconds).toBeGreaterThan(before + 5 * 60);
      expect(stale?.notCatchingUp).toBeNull();
      expect(linkOf(cut, "onprem-to-cloud")?.problems.map((p) => p.code)).not.toContain("mirror-not-catching-up");
    } finally {
      await admin("POST", "/network/restore", { a: "onprem", b: "cloud" });
    }
  });
});
