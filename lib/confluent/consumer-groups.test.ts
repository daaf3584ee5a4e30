/** The consumer-group reads: vendor-shaped answers from the simulator, and one malformed row that must not hide the rest. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { clusterConfig } from "@/test/fixture-server/fixtures";
import { startFixtureServer, type FixtureServer } from "@/test/fixture-server/server";
import { createConfluentClient, type ConfluentClient } from "./client";

let sim: RunningSimulator;
let primary: ConfluentClient;
let jump: ConfluentClient;
let server: FixtureServer;
let fixture: ConfluentClient;

const C = "/kafka/v3/clusters/cluster-1";
const lagRow = (partition: number, current: number, end: number) => ({
  kind: "KafkaConsumerLag",
  metadata: { self: `https://x${C}/consumer-groups/g/lags/orders/partitions/${partition}` },
  cluster_id: "cluster-1",
  consumer_group_id: "g",
  topic_name: "orders",
  partition_id: partition,
  consumer_id: "",
  client_id: "",
  current_offset: current,
  log_end_offset: end,
  lag: end - current,
});

beforeAll(async () => {
  sim = await startSimulator({ scenario: "seed-dr-chain", basePort: 0, adminPort: 0, clock: "manual" });
  const clientOf = (name: string) => {
    const c = sim.clusters.find((x) => x.name === name)!;
    return createConfluentClient(clusterConfig(c.restUrl, { name: c.name, id: c.id, auth: { type: "basic", username: c.username, password: c.password } }));
  };
  primary = clientOf("primary");
  jump = clientOf("jump");
  server = await startFixtureServer({
    routes: [
      {
        method: "GET",
        path: `${C}/consumer-groups/g/lags`,
        respond: {
          status: 200,
          body: { kind: "KafkaConsumerLagList", metadata: { self: "x", next: null }, data: [lagRow(0, 10, 15), { topic_name: "orders", partition_id: "one" }, lagRow(2, 7, 7)] },
        },
      },
    ],
  });
  fixture = createConfluentClient(clusterConfig(server.url));
});
afterAll(async () => {
  await Promise.all([primary.close(), jump.close(), fixture.close()]);
  await sim.stop();
  await server.close();
});

describe("consumer groups client", () => {
  it("lists groups, members, lags and the lag summary", async () => {
    const groups = await primary.consumerGroups.list();
    expect(groups.skipped).toBe(0);
    expect(groups.items.map((g) => [g.consumerGroupId, g.state])).toEqual([
      ["app-billing", "EMPTY"],
      ["app-orders", "STABLE"],
      ["reporting-batch", "STABLE"],
    ]);
    expect((await primary.consumerGroups.consumers("app-orders")).items).toHaveLength(2);
    const lags = await primary.consumerGroups.lags("reporting-batch");
    expect(lags.items.reduce((s, l) => s + l.lag, 0)).toBe(300);
    expect(lags.items[0]).toMatchObject({ topicName: "mirror_me_orders", partitionId: 0 });
    expect(lags.items[0]?.consumerId).toMatch(/^reporting-batch-1-/);
    expect(await primary.consumerGroups.lagSummary("reporting-batch")).toMatchObject({ totalLag: 300, maxLagTopicName: "mirror_me_orders" });
    const empty = await primary.consumerGroups.lags("app-billing");
    expect(empty.items.every((l) => l.consumerId === null)).toBe(true);
    expect((await jump.consumerGroups.get("app-orders")).state).toBe("EMPTY");
  });

  it("an unknown group is a not-found error", async () => {
    await expect(primary.consumerGroups.lags("nope")).rejects.toMatchObject({ kind: "not-found" });
  });

  it("leaves out a malformed row and counts it, keeping the others", async () => {
    const lags = await fixture.consumerGroups.lags("g");
    expect(lags.skipped).toBe(1);
    expect(lags.items.map((l) => [l.partitionId, l.lag, l.consumerId])).toEqual([
      [0, 5, null],
      [2, 0, null],
    ]);
  });
});
