/** The client against the simulated fleet (simulator/), scenario seed-dr-chain: primary → jump → dr. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterConfig } from "@/test/fixture-server/fixtures";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createConfluentClient, type ConfluentClient } from "./client";

let sim: RunningSimulator;
const clients = new Map<string, ConfluentClient>();
const client = (name: string): ConfluentClient => {
  const c = clients.get(name);
  if (!c) throw new Error(`no client for ${name}`);
  return c;
};

beforeAll(async () => {
  sim = await startSimulator({ scenario: "seed-dr-chain", basePort: 0, adminPort: 0, clock: "manual" });
  for (const c of sim.clusters) {
    clients.set(
      c.name,
      createConfluentClient(
        clusterConfig(c.restUrl, { name: c.name, id: c.id, auth: { type: "basic", username: c.username, password: c.password } }),
      ),
    );
  }
});
afterAll(async () => {
  for (const c of clients.values()) await c.close();
  await sim?.stop();
});

const idOf = (name: string) => sim.clusters.find((c) => c.name === name)?.id;

describe("client against the simulator", () => {
  it("lists the link halves on jump, dr and primary", async () => {
    const jump = await client("jump").links.list();
    expect(jump.find((l) => l.linkName === "primary-to-jump")).toMatchObject({ sourceClusterId: idOf("primary"), linkError: null });
    const primary = await client("primary").links.list();
    expect(primary.find((l) => l.linkName === "primary-to-jump")).toMatchObject({ destinationClusterId: idOf("jump"), topicNames: [] });
    const dr = await client("dr").links.get("jump-to-dr", { includeTasks: true });
    expect(dr).toMatchObject({ linkName: "jump-to-dr", sourceClusterId: idOf("jump") });
    expect(dr.topicNames).toContain("my_test_topic");
  });

  it("reads link configs with secrets withheld", async () => {
    const configs = await client("dr").linkConfigs.list("jump-to-dr");
    const byName = new Map(configs.map((c) => [c.name, c]));
    expect(byName.get("link.mode")?.value).toBe("DESTINATION");
    expect(byName.get("sasl.jaas.config")).toMatchObject({ isSensitive: true, value: null });
  });

  it("reads mirrors with per-partition lags, under a link and across links", async () => {
    const mirrors = await client("dr").mirrors.listUnderLink("jump-to-dr");
    const m = mirrors.find((x) => x.mirrorTopicName === "my_test_topic");
    expect(m).toBeDefined();
    expect(m?.lags.map((l) => l.partition)).toEqual([0, 1, 2]);
    const all = await client("jump").mirrors.listAll();
    expect(all.map((x) => x.mirrorTopicName)).toContain("my_test_topic");
    const one = await client("jump").mirrors.get("primary-to-jump", "my_test_topic", { includeStateTransitionErrors: true });
    expect(one.sourceTopicName).toBe("my_test_topic");
  });

  it("runs an action with validate_only without changing the mirror", async () => {
    const out = await client("dr").mirrorActions.run("jump-to-dr", "pause", { topics: ["my_test_topic"] }, { validateOnly: true });
    expect(out).toMatchObject({ endpoint: "pause", validateOnly: true });
    expect(out.results).toEqual([expect.objectContaining({ mirrorTopicName: "my_test_topic", accepted: true })]);
    expect((await client("dr").mirrors.get("jump-to-dr", "my_test_topic")).mirrorStatus).not.toBe("PAUSED");
  });

  it("discovers the cluster id and reports a stopped cluster as unreachable", async () => {
    const dr = sim.clusters.find((c) => c.name === "dr")!;
    const discovering = createConfluentClient(
      clusterConfig(dr.restUrl, { id: undefined, auth: { type: "basic", username: dr.username, password: dr.password } }),
      {
        sleep: async () => undefined,
      },
    );
    try {
      expect(await discovering.clusterId()).toBe(dr.id);
      await fetch(`${sim.adminUrl}/clusters/dr/stop`, { method: "POST" });
      const err = await discovering.links.list().catch((e: unknown) => e);
      expect(err).toMatchObject({
        kind: "unreachable",
        message: `Could not connect to ${new URL(dr.restUrl).origin}: connection refused.`,
      });
    } finally {
      await fetch(`${sim.adminUrl}/clusters/dr/start`, { method: "POST" });
      await discovering.close();
    }
  });

  it("wrong credentials are unauthorized", async () => {
    const jump = sim.clusters.find((c) => c.name === "jump")!;
    const bad = createConfluentClient(
      clusterConfig(jump.restUrl, { id: jump.id, auth: { type: "basic", username: jump.username, password: "wrong-password" } }),
    );
    try {
      const err = await bad.links.list().catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: "unauthorized", status: 401 });
      expect((err as Error).message).not.toContain("wrong-password");
    } finally {
      await bad.close();
    }
  });
});
