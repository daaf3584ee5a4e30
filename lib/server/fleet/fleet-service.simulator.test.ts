import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createConfluentClient, type ConfluentClient } from "@/lib/confluent/client";
import { LinkscopeConfigSchema, type ClusterConfig } from "@/lib/config/schema";
import { TopologySchema } from "@/lib/domain/types";
import { FleetService } from "./fleet-service";

// The fleet service against the simulated demo fleet: the real client, real sockets, real fault injection.

let sim: RunningSimulator;

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(sim.adminUrl + path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

async function upstreamRequests(): Promise<number> {
  const { clusters } = (await admin("GET", "/counters")) as { clusters: Record<string, { total: number }> };
  return Object.values(clusters).reduce((n, c) => n + c.total, 0);
}

/** A fresh service (empty caches) over the simulator's current config, with short timeouts for fault tests. */
function freshService(timeoutMs = 2000): { service: FleetService; clients: ConfluentClient[] } {
  const config = LinkscopeConfigSchema.parse(parseYaml(sim.configYaml()));
  const clusters: ClusterConfig[] = config.clusters.map((c) => ({ ...c, timeoutMs }));
  const clients: ConfluentClient[] = [];
  const byName = new Map<string, ConfluentClient>();
  const service = new FleetService({
    clusters,
    pollIntervalSeconds: 60,
    // These tests look at a whole first reading: wait for every cluster, as long as its own timeouts take.
    coldStartPatienceMs: 60_000,
    clientFor: (c) => {
      let client = byName.get(c.name);
      if (!client) {
        client = createConfluentClient(c, { maxRetries: 0 });
        byName.set(c.name, client);
        clients.push(client);
      }
      return client;
    },
  });
  return { service, clients };
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: "demo", basePort: 0, adminPort: 0, clock: "manual" });
});

afterAll(async () => {
  await sim.stop();
});

describe("fleet snapshot of the demo fleet", () => {
  it("derives the seed chain, the hybrid link and the bidirectional pair with the right directions", async () => {
    const { service } = freshService();
    const { topology } = await service.snapshot();
    expect(TopologySchema.safeParse(topology).success).toBe(true);
    expect(topology.clusters.every((c) => c.status === "ok")).toBe(true);
    const byName = new Map(topology.links.map((l) => [l.name, l]));

    expect(byName.get("primary-to-jump")).toMatchObject({
      kind: "source-initiated",
      source: "primary",
      destination: "jump",
      connections: [{ from: "primary", to: "jump" }],
      flows: [{ from: "primary", to: "jump" }],
      state: "ACTIVE",
    });
    expect(byName.get("primary-to-jump")?.halves.map((h) => [h.cluster, h.linkMode, h.connectionMode])).toEqual([
      ["jump", "DESTINATION", "INBOUND"],
      ["primary", "SOURCE", "OUTBOUND"],
    ]);
    expect(byName.get("jump-to-dr")).toMatchObject({
      kind: "destination-initiated",
      connections: [{ from: "dr", to: "jump" }],
      flows: [{ from: "jump", to: "dr" }],
    });
    expect(byName.get("onprem-to-cloud")).toMatchObject({ kind: "source-initiated", connections: [{ from: "onprem", to: "cloud" }] });
    const bidi = byName.get("east-west");
    expect(bidi?.kind).toBe("bidirectional");
    expect(bidi?.flows).toHaveLength(2);
  });

  it("shows the demo's trouble: a paused mirror, a failed mirror, a task in error, a far-behind mirror", async () => {
    const { service } = freshService();
    const { topology } = await service.snapshot();
    const all = topology.links.flatMap((l) => l.problems.map((p) => p.message)).join("\n");
    expect(all).toMatch(/paused/);
    expect(all).toMatch(/FAILED/);
    expect(all).toMatch(/task in error/);
    expect(Math.max(...topology.links.map((l) => l.maxLag ?? 0))).toBeGreaterThan(10_000);
  });
});

describe("partial failure: one bad cluster gets its own status, the rest of the snapshot is complete", () => {
  afterEach(async () => {
    await admin("POST", "/clusters/jump/start");
    await admin("DELETE", "/clusters/jump/faults");
  });

  const otherClustersOk = (clusters: { name: string; status: string; error: string | null }[]) =>
    expect(clusters.filter((c) => c.name !== "jump" && c.status !== "ok" && c.status !== "external")).toEqual([]);

  it.each([
    ["stopped", async () => admin("POST", "/clusters/jump/stop"), "unreachable", /refused/],
    ["answering 500", async () => admin("PUT", "/clusters/jump/faults", { errorRate: 1, errorMode: "500" }), "error", /500/],
    ["answering garbage", async () => admin("PUT", "/clusters/jump/faults", { errorRate: 1, errorMode: "malformed" }), "error", /not JSON/],
    ["slower than the timeout", async () => admin("PUT", "/clusters/jump/faults", { latencyMs: 6000 }), "unreachable", /within/],
  ] as const)("a cluster %s", async (_label, inject, status, reason) => {
    await inject();
    // 2 s: short enough to keep the test quick, long enough for healthy clusters on a busy machine.
    const { service } = freshService(2000);
    const started = performance.now();
    const { topology } = await service.snapshot();
    const elapsed = performance.now() - started;
    const jump = topology.clusters.find((c) => c.name === "jump");
    expect(jump).toMatchObject({ status, error: expect.stringMatching(reason) });
    otherClustersOk(topology.clusters);
    // The dead cluster's links are still drawn from what the others report.
    expect(topology.links.map((l) => l.name)).toEqual(expect.arrayContaining(["primary-to-jump", "jump-to-dr"]));
    // Deadline, not a performance target: without it a 6 s latency would hold the whole snapshot for 6 s or more.
    expect(elapsed).toBeLessThan(2000 + 2500);
  });

  it("a link hosted only on a cluster that went down stays drawn, NOT_FLOWING, from what that cluster last said", async () => {
    const { service } = freshService();
    const before = (await service.snapshot()).topology.links.find((l) => l.name === "jump-to-dr");
    expect(before?.state).not.toBe("NOT_FLOWING");
    await admin("POST", "/clusters/dr/stop");
    try {
      service.invalidate();
      const { topology } = await service.snapshot();
      const link = topology.links.find((l) => l.name === "jump-to-dr");
      expect(link).toMatchObject({ kind: "destination-initiated", source: "jump", destination: "dr", state: "NOT_FLOWING", maxLag: null });
      expect(link?.halves).toEqual([expect.objectContaining({ cluster: "dr", state: "UNKNOWN" })]);
      expect(link?.problems.map((p) => p.message).join(" ")).toMatch(/dr is unreachable/);
    } finally {
      await admin("POST", "/clusters/dr/start");
    }
  });

  it("a cluster whose credentials were rotated is unauthorized", async () => {
    const { service } = freshService();
    const before = sim.configYaml();
    await admin("POST", "/clusters/jump/credentials", { rest: true });
    try {
      const { topology } = await service.snapshot();
      expect(topology.clusters.find((c) => c.name === "jump")).toMatchObject({ status: "unauthorized", error: expect.stringMatching(/401/) });
      otherClustersOk(topology.clusters);
    } finally {
      const old = LinkscopeConfigSchema.parse(parseYaml(before)).clusters.find((c) => c.name === "jump")!.auth;
      if (old.type === "basic") await admin("POST", "/clusters/jump/credentials", { rest: { username: old.username, password: old.password } });
    }
  });
});

describe("one upstream poll per interval, however many viewers", () => {
  it("50 concurrent snapshots cost exactly the upstream requests of one", async () => {
    const single = freshService();
    await admin("POST", "/counters/reset");
    await single.service.snapshot();
    const one = await upstreamRequests();
    expect(one).toBeGreaterThan(0);

    const shared = freshService();
    await admin("POST", "/counters/reset");
    await Promise.all(Array.from({ length: 50 }, () => shared.service.snapshot()));
    expect(await upstreamRequests()).toBe(one);

    // And again within the interval: served from cache, no upstream request at all.
    await admin("POST", "/counters/reset");
    await Promise.all(Array.from({ length: 50 }, () => shared.service.snapshot()));
    expect(await upstreamRequests()).toBe(0);
  });

  it("makes no per-mirror requests: the count depends on clusters and links only", async () => {
    const { service } = freshService();
    await admin("POST", "/counters/reset");
    const { topology, readings } = await service.snapshot();
    const { clusters } = (await admin("GET", "/counters")) as { clusters: Record<string, { total: number; byRoute: Record<string, number> }> };
    const routes = Object.values(clusters).flatMap((c) => Object.keys(c.byRoute));
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => r.includes("{mirror_topic_name}") || r.includes("/links/{link_name}/mirrors"))).toEqual([]);
    const halves = [...readings.values()].reduce((n, r) => n + r.halves.length, 0);
    const hosting = [...readings.values()].filter((r) => r.halves.some((h) => h.topicNames.length > 0)).length;
    // per cluster: status + link list; per half: details + configs; per mirror-hosting cluster: one mirror list
    expect(await upstreamRequests()).toBe(2 * topology.clusters.filter((c) => c.status !== "external").length + 2 * halves + hosting);
  });
});
