import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { requestConformance } from "@/test/contract/conformance";
import { VENDOR_REFS_TAG } from "@/test/contract/refs-location";
import { validateResponse } from "@/test/contract/vendor-spec";
import { clusterConfig } from "@/test/fixture-server/fixtures";
import { startFixtureServer, type FixtureServer } from "@/test/fixture-server/server";
import { createConfluentClient, type ConfluentClient } from "./client";

const C = "/kafka/v3/clusters/cluster-1";
const rel = (path: string) => ({ related: `https://pkc-00000.example${C}${path}` });
const topicData = (name: string, partitions: number) => ({
  kind: "KafkaTopic",
  metadata: { self: `https://pkc-00000.example${C}/topics/${name}`, resource_name: null },
  cluster_id: "cluster-1",
  topic_name: name,
  is_internal: false,
  replication_factor: 3,
  partitions_count: partitions,
  partitions: rel(`/topics/${name}/partitions`),
  configs: rel(`/topics/${name}/configs`),
  partition_reassignments: rel(`/topics/${name}/partitions/-/reassignment`),
});
const topicList = { kind: "KafkaTopicList", metadata: { self: `https://pkc-00000.example${C}/topics`, next: null }, data: [topicData("orders", 6), topicData("_internal", 1)] };
const cluster = {
  kind: "KafkaCluster",
  metadata: { self: `https://pkc-00000.example${C}` },
  cluster_id: "cluster-1",
  acls: rel("/acls"),
  brokers: rel("/brokers"),
  broker_configs: rel("/broker-configs"),
  consumer_groups: rel("/consumer-groups"),
  topics: rel("/topics"),
  partition_reassignments: rel("/topics/-/partitions/-/reassignment"),
};

let server: FixtureServer;
let client: ConfluentClient;
beforeAll(async () => {
  server = await startFixtureServer({
    routes: [
      { method: "GET", path: C, respond: { status: 200, body: cluster } },
      { method: "GET", path: `${C}/topics`, respond: { status: 200, body: topicList } },
      { method: "GET", path: `${C}/topics/orders`, respond: { status: 200, body: topicData("orders", 6) } },
      { method: "POST", path: `${C}/topics`, respond: { status: 201, body: topicData("payments", 12) } },
      { method: "DELETE", path: `${C}/topics/us_orders`, respond: { status: 204 } },
    ],
  });
  client = createConfluentClient(clusterConfig(server.url));
});
const wire = requestConformance();
afterEach(({ task }) => wire.record(task.name, server.requests.splice(0)));
afterAll(async () => {
  await client.close();
  await server.close();
});

describe("topics", () => {
  it("the test answers themselves conform to the vendor spec", { tags: [VENDOR_REFS_TAG] }, () => {
    expect(validateResponse({ method: "GET", path: `${C}/topics`, status: 200, body: topicList })).toEqual([]);
    expect(validateResponse({ method: "POST", path: `${C}/topics`, status: 201, body: topicData("payments", 12) })).toEqual([]);
    expect(validateResponse({ method: "GET", path: C, status: 200, body: cluster })).toEqual([]);
  });

  it("list and get", async () => {
    expect(await client.topics.list()).toEqual([
      { topicName: "orders", isInternal: false, replicationFactor: 3, partitionsCount: 6 },
      { topicName: "_internal", isInternal: false, replicationFactor: 3, partitionsCount: 1 },
    ]);
    expect((await client.topics.get("orders")).partitionsCount).toBe(6);
  });

  it("create omits the replication factor unless given", async () => {
    expect(await client.topics.create({ topicName: "payments", partitionsCount: 12 })).toMatchObject({ topicName: "payments", partitionsCount: 12 });
    expect(server.requests.at(-1)?.body).toEqual({ topic_name: "payments", partitions_count: 12 });
    await client.topics.create({ topicName: "payments", replicationFactor: 3, configs: [{ name: "cleanup.policy", value: "compact" }], validateOnly: true });
    expect(server.requests.at(-1)?.body).toEqual({ topic_name: "payments", replication_factor: 3, configs: [{ name: "cleanup.policy", value: "compact" }], validate_only: true });
  });

  it("delete (also how a mirror topic is removed)", async () => {
    await expect(client.topics.delete("us_orders")).resolves.toBeUndefined();
  });

  it("get cluster", async () => {
    expect(await client.clusters.get("cluster-1")).toEqual({ clusterId: "cluster-1" });
  });
});

wire.declareTest();
