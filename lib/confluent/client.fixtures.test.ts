/**
 * Every file in shared/refs/fixtures goes through the client call it belongs to. tf.* files are real Confluent Cloud
 * answers: their normalized values are asserted one by one. All of it needs the vendor refs (tag vendor-refs: skipped
 * on a fresh clone, required under CI).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { requestConformance } from "@/test/contract/conformance";
import { fixtureCatalog, type FixtureEntry } from "@/test/contract/fixture-catalog";
import { skipVendorRefTests, VENDOR_REFS_TAG } from "@/test/contract/refs-location";
import { clusterConfig, fixtureRoute } from "@/test/fixture-server/fixtures";
import { startFixtureServer, type FixtureServer } from "@/test/fixture-server/server";
import { createConfluentClient, type ConfluentClient } from "./client";
import { ConfluentError } from "./errors";
import type { CreateLinkInput, LinkConfigChange, MirrorAction } from "./types";

const fixtures = skipVendorRefTests() ? [] : fixtureCatalog();
const vendor = { tags: [VENDOR_REFS_TAG] };
const noSleep = { sleep: async () => undefined };
let server: FixtureServer;
let client: ConfluentClient;
let tfClient: ConfluentClient;

beforeAll(async () => {
  server = await startFixtureServer();
  client = createConfluentClient(clusterConfig(server.url, { id: "cluster-1" }), noSleep);
  tfClient = createConfluentClient(clusterConfig(server.url, { id: "lkc-81knqq" }), noSleep);
});
const wire = requestConformance();
afterEach(({ task }) => wire.record(task.name, server.requests.splice(0)));
afterAll(async () => {
  await client.close();
  await tfClient.close();
  await server.close();
});

const ACTION_BY_OPERATION: Record<string, MirrorAction> = {
  updateKafkaMirrorTopicsPromote: "promote",
  updateKafkaMirrorTopicsFailover: "failover",
  updateKafkaMirrorTopicsPause: "pause",
  updateKafkaMirrorTopicsResume: "resume",
  updateKafkaMirrorTopicsReverseAndStartMirror: "reverse-and-start-mirror",
  updateKafkaMirrorTopicsReverseAndPauseMirror: "reverse-and-pause-mirror",
  updateKafkaMirrorTopicsTruncateAndRestoreMirror: "truncate-and-restore",
  updateKafkaMirrorTopicsPromoteLocalAndStartRemoteMirror: "reverse-and-start-mirror",
  updateKafkaMirrorTopicsPromoteLocalAndPauseRemoteMirror: "reverse-and-pause-mirror",
};

/** The client call that reads a response fixture's endpoint. */
function callFor(f: FixtureEntry, c: ConfluentClient): Promise<unknown> {
  const linkName = /\/links\/([^/:]+)/.exec(f.path)?.[1] ?? "link-1";
  const last = f.path.split("/").pop() ?? "";
  switch (f.operationId) {
    case "listKafkaLinks":
      return c.links.list();
    case "getKafkaLink":
      return c.links.get(linkName, { includeTasks: f.query.include_tasks === "true" });
    case "listKafkaLinkConfigs":
      return c.linkConfigs.list(linkName);
    case "getKafkaLinkConfigs":
      return c.linkConfigs.get(linkName, last);
    case "listKafkaMirrorTopicsUnderLink":
      return c.mirrors.listUnderLink(linkName);
    case "listKafkaMirrorTopics":
      return c.mirrors.listAll();
    case "readKafkaMirrorTopic":
      return c.mirrors.get(linkName, last, { includeStateTransitionErrors: f.query.include_state_transition_errors === "true" });
  }
  const action = ACTION_BY_OPERATION[f.operationId];
  if (action) {
    return c.mirrorActions.run(linkName, action, { topics: ["topic-1", "topic-2"] }, {
      includePartitionLevelTruncationData: f.query.include_partition_level_truncation_data === "true",
    });
  }
  throw new Error(`no client call for ${f.operationId}`);
}

describe("every response fixture parses through its client call", vendor, () => {
  const responses = fixtures.filter((f) => f.role === "response" && f.status === 200);
  // The cases below are one per catalogued file: an empty catalog must fail here, not leave nothing to run.
  it("finds the recorded answers: every origin, the errors among them", () => {
    expect(new Set(responses.map((f) => f.origin))).toEqual(new Set(["ccloud", "cp-sdk-2024-06", "tf", "synth"]));
    expect(fixtures.filter((f) => f.file.includes(".error.")).length).toBeGreaterThan(0);
  });

  it.each(responses.map((f) => [f.file, f] as const))("%s", async (_file, f) => {
    const legacy = f.operationId.includes("PromoteLocal");
    if (legacy) {
      // An older Platform: the reverse-* name is missing, the promote-local-* name answers.
      const modern = f.path.replace(/mirrors:promote-local-and-(start|pause)-remote-mirror$/, "mirrors:reverse-and-$1-mirror");
      server.route({ method: "POST", path: modern, respond: { status: 404, body: "Not Found", contentType: "text/plain" } });
    }
    server.route(fixtureRoute(f.file));
    // A fresh client for the legacy case: a client remembers that its server needs the legacy names.
    const c = legacy ? createConfluentClient(clusterConfig(server.url)) : f.origin === "tf" ? tfClient : client;
    const result = await callFor(f, c);
    if (legacy) await c.close();
    expect(result).toBeDefined();
    if (legacy) expect(result).toMatchObject({ endpoint: f.path.split(":").pop() });
  });

  it.each(fixtures.filter((f) => f.file.includes(".error.")).map((f) => [f.file, f] as const))("%s becomes a typed error", async (_file, f) => {
    server.route(fixtureRoute(f.file));
    const err = await client.links.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfluentError);
    const body = f.body as { error_code: number; message: string };
    const kind = { 400: body.error_code === 40035 ? "unsupported" : "bad-request", 401: "unauthorized", 500: "upstream" }[f.status];
    expect(err).toMatchObject({ kind, status: f.status, errorCode: body.error_code });
    expect((err as Error).message).toContain(body.message);
  });
});

describe("every request fixture is what the client sends", vendor, () => {
  const last = (): unknown => server.requests.at(-1)?.body;

  it.each(fixtures.filter((f) => f.operationId === "createKafkaLink" && f.role === "request").map((f) => [f.file, f] as const))(
    "%s",
    async (_file, f) => {
      server.route({ method: "POST", path: "/kafka/v3/clusters/cluster-1/links", respond: { status: 204 } });
      const wire = f.body as { source_cluster_id?: string; destination_cluster_id?: string; remote_cluster_id?: string; cluster_link_id?: string; configs: Array<{ name: string; value: string }> };
      const input: CreateLinkInput = {
        ...(wire.source_cluster_id ? { sourceClusterId: wire.source_cluster_id } : {}),
        ...(wire.destination_cluster_id ? { destinationClusterId: wire.destination_cluster_id } : {}),
        ...(wire.remote_cluster_id ? { remoteClusterId: wire.remote_cluster_id } : {}),
        ...(wire.cluster_link_id ? { clusterLinkId: wire.cluster_link_id } : {}),
        configs: wire.configs,
      };
      await client.links.create("link-1", input);
      expect(last()).toEqual(f.body);
      expect(server.requests.at(-1)?.query).toEqual({ link_name: "link-1" });
    },
  );

  it.each(fixtures.filter((f) => f.operationId === "createKafkaMirrorTopic").map((f) => [f.file, f] as const))("%s", async (_file, f) => {
    server.route({ method: "POST", path: "/kafka/v3/clusters/cluster-1/links/link-1/mirrors", respond: { status: 204 } });
    const wire = f.body as { source_topic_name: string; mirror_topic_name?: string; replication_factor: number; configs: Array<{ name: string; value: string }> };
    await client.mirrors.create("link-1", {
      sourceTopicName: wire.source_topic_name,
      ...(wire.mirror_topic_name ? { mirrorTopicName: wire.mirror_topic_name } : {}),
      replicationFactor: wire.replication_factor,
      configs: wire.configs,
    });
    expect(last()).toEqual(f.body);
  });

  it("ccloud.updateKafkaLinkConfig.request.json", async () => {
    const f = fixtures.find((x) => x.operationId === "updateKafkaLinkConfig")!;
    server.route({ method: "PUT", path: f.path, respond: { status: 204 } });
    await client.linkConfigs.set("link-1", "consumer.offset.sync.ms", "300000");
    expect(last()).toEqual(f.body);
  });

  it("ccloud.updateKafkaLinkConfigBatch.request.json (a missing operation means SET)", async () => {
    const f = fixtures.find((x) => x.operationId === "updateKafkaLinkConfigBatch")!;
    server.route({ method: "PUT", path: f.path, respond: { status: 204 } });
    const wire = (f.body as { data: Array<{ name: string; value?: string; operation?: string }> }).data;
    const changes: LinkConfigChange[] = wire.map((d) =>
      d.operation === "DELETE" ? { name: d.name, operation: "DELETE" } : { name: d.name, operation: "SET", value: d.value ?? "" },
    );
    expect(await client.linkConfigs.alter("link-1", changes)).toEqual({ atomic: true, applied: ["cleanup.policy", "compression.type"], failed: null, notAttempted: [] });
    expect(last()).toEqual({ data: wire.map((d) => ({ ...d, operation: d.operation ?? "SET" })) });
  });

  it.each(fixtures.filter((f) => f.role === "request" && f.operationId in ACTION_BY_OPERATION).map((f) => [f.file, f] as const))(
    "%s",
    async (_file, f) => {
      server.route({ method: "POST", path: f.path, respond: { status: 200, body: { kind: "KafkaPromoteMirror", metadata: { self: "x" }, data: [] } } });
      const wire = f.body as { mirror_topic_names?: string[]; mirror_topic_name_pattern?: string };
      const selection = wire.mirror_topic_names ? { topics: wire.mirror_topic_names } : { pattern: wire.mirror_topic_name_pattern ?? "" };
      await client.mirrorActions.run("link-1", ACTION_BY_OPERATION[f.operationId]!, selection);
      expect(last()).toEqual(f.body);
    },
  );
});

describe("tf.* real Confluent Cloud answers, normalized", vendor, () => {
  it("link list on the destination: three DESTINATION links from lkc-nv0zqv, no link_state served", async () => {
    server.route(fixtureRoute("tf.cluster_link.read_created_cluster_links_destination.json"));
    const links = await tfClient.links.list();
    expect(links.map((l) => [l.linkName, l.clusterLinkId])).toEqual([
      ["api-link", "3cNTvAsPT2OpzMHsph0Z3Q"],
      ["ui-test", "qz0HDEV-Qz2B5aPFpcWQJQ"],
      ["api-link-2", "kYX58jtQS4-2ACOfN3Dbag"],
    ]);
    for (const l of links) {
      expect(l).toMatchObject({ sourceClusterId: "lkc-nv0zqv", destinationClusterId: null, remoteClusterId: null, linkState: null, linkError: null, topicNames: [], tasks: null, categoryCounts: null });
    }
  });

  it("single link ui-test", async () => {
    server.route(fixtureRoute("tf.cluster_link.read_created_cluster_link_destination.json"));
    expect(await tfClient.links.get("ui-test")).toEqual({
      linkName: "ui-test",
      clusterLinkId: "qz0HDEV-Qz2B5aPFpcWQJQ",
      sourceClusterId: "lkc-nv0zqv",
      destinationClusterId: null,
      remoteClusterId: null,
      linkState: "ACTIVE",
      linkError: null,
      linkErrorMessage: null,
      topicNames: [],
      tasks: null,
      categoryCounts: null,
    });
  });

  it("the full default config listing of tf-link: null values, DEFAULT_CONFIG, sensitive and read-only flags", async () => {
    server.route(fixtureRoute("tf.cluster_link.read_created_cluster_link_config.json"));
    const configs = await tfClient.linkConfigs.list("tf-link");
    const byName = new Map(configs.map((c) => [c.name, c]));
    expect(configs).toHaveLength(56);
    expect(byName.get("sasl.jaas.config")).toEqual({ name: "sasl.jaas.config", value: null, isDefault: false, isReadOnly: false, isSensitive: true, source: "DYNAMIC_CLUSTER_LINK_CONFIG", synonyms: [] });
    expect(byName.get("acl.sync.ms")).toMatchObject({ value: "5100", isDefault: false, source: "DYNAMIC_CLUSTER_LINK_CONFIG" });
    expect(byName.get("bootstrap.servers")?.value).toBe("pkc-pgq85.us-west-2.aws.confluent.cloud:9092");
    expect(byName.get("link.mode")?.value).toBe("DESTINATION");
    expect(byName.get("cluster.link.prefix")).toMatchObject({ value: null, isDefault: true, isSensitive: false, source: "DEFAULT_CONFIG" });
    expect(byName.get("cluster.link.retry.timeout.ms")).toMatchObject({ value: "300000", isReadOnly: true, isDefault: true });
    expect(byName.get("acl.filters")?.value).toBe("");
    expect(configs.filter((c) => c.isSensitive).map((c) => c.name).sort()).toEqual([
      "local.sasl.jaas.config", "local.ssl.key.password", "local.ssl.keystore.certificate.chain", "local.ssl.keystore.key",
      "local.ssl.truststore.certificates", "sasl.jaas.config", "ssl.key.password", "ssl.keystore.certificate.chain",
      "ssl.keystore.key", "ssl.truststore.certificates",
    ]);
    expect(configs.filter((c) => c.isSensitive).every((c) => c.value === null)).toBe(true);
  });

  it.each([
    ["tf.kafka_mirror_topic.regular.read_created_kafka_mirror_topic.json", "orders", "orders", "ACTIVE"],
    ["tf.kafka_mirror_topic.regular.read_paused_kafka_mirror_topic.json", "orders", "orders", "PAUSED"],
    ["tf.kafka_mirror_topic.with_prefix.read_created_kafka_mirror_topic.json", "us_orders", "orders", "ACTIVE"],
    ["tf.kafka_mirror_topic.with_prefix.read_stopped_kafka_mirror_topic.json", "us_orders", "orders", "STOPPED"],
  ])("%s", async (file, mirrorTopicName, sourceTopicName, mirrorStatus) => {
    server.route(fixtureRoute(file));
    const m = await tfClient.mirrors.get("ui-test", mirrorTopicName);
    expect(m).toEqual({
      linkName: "ui-test",
      mirrorTopicName,
      sourceTopicName,
      numPartitions: 6,
      mirrorStatus,
      mirrorTopicError: null,
      stateTimeMs: 1662878304410,
      lags: [0, 1, 2, 3, 4, 5].map((partition) => ({ partition, lag: 0, lastSourceFetchOffset: -1 })),
      stateTransitionErrors: null,
    });
  });
});

describe("synth.* code paths", vendor, () => {
  it("category_counts, in the CLI's order", async () => {
    server.route(fixtureRoute("synth.getKafkaLink.category_counts.json", { path: "/kafka/v3/clusters/cluster-1/links/link-4" }));
    const link = await client.links.get("link-4");
    expect(link.categoryCounts).toEqual([{ stateCategory: "ACTIVE", count: 10 }, { stateCategory: "IN_ERROR", count: 2 }]);
    expect(link).toMatchObject({ remoteClusterId: "cluster-2", linkError: null, linkState: "ACTIVE" });
  });

  it("tasks with string error codes", async () => {
    server.route(fixtureRoute("synth.getKafkaLink.include_tasks.json", { path: "/kafka/v3/clusters/cluster-1/links/link-5" }));
    const link = await client.links.get("link-5", { includeTasks: true });
    expect(server.requests.at(-1)?.query).toEqual({ include_tasks: "true" });
    expect(link.tasks?.map((t) => [t.name, t.state, t.errors.map((e) => e.code)])).toEqual([
      ["ConsumerOffsetSync", "ACTIVE", []],
      ["AutoCreateMirror", "NOT_CONFIGURED", []],
      ["AclSync", "IN_ERROR", ["AUTHENTICATION_ERROR", "MISCONFIGURATION_ERROR"]],
      ["TopicConfigsSync", "IN_ERROR", ["INTERNAL_ERROR", "REMOTE_LINK_NOT_FOUND_ERROR"]],
    ]);
    expect(link.categoryCounts).toBeNull();
  });

  it("UNMANAGED_SOURCE rows with an empty link_name are dropped", async () => {
    server.route(fixtureRoute("synth.listKafkaLinks.source-side-with-unmanaged-source.json"));
    const links = await client.links.list();
    expect(links.map((l) => l.linkName)).toEqual(["src-link"]);
    expect(links[0]).toMatchObject({ destinationClusterId: "cluster-2", sourceClusterId: null, topicNames: [] });
  });

  it("state transition errors and lags by partition", async () => {
    server.route(fixtureRoute("synth.readKafkaMirrorTopic.include_state_transition_errors.json", { path: "/kafka/v3/clusters/cluster-1/links/link-1/mirrors/dest-topic-1" }));
    const m = await client.mirrors.get("link-1", "dest-topic-1", { includeStateTransitionErrors: true });
    expect(m.stateTransitionErrors).toEqual([
      { code: "AUTHENTICATION_ERROR", message: "Auth issue." },
      { code: "MISCONFIGURATION_ERROR", message: "Wrong config." },
    ]);
    expect(m.lags.map((l) => l.lag)).toEqual([142857, 285714, 571428]);
    expect(m.mirrorTopicError).toBeNull();
  });

  it("truncate-and-restore with sparse partition truncation data and a per-topic failure in a 200", async () => {
    server.route(fixtureRoute("synth.updateKafkaMirrorTopicsTruncateAndRestoreMirror.include_partition_level_truncation_data.json"));
    const out = await client.mirrorActions.run("link-1", "truncate-and-restore", { topics: ["topic-1", "topic 2"] }, { includePartitionLevelTruncationData: true });
    expect(server.requests.at(-1)?.query).toEqual({ include_partition_level_truncation_data: "true" });
    expect(out.results[0]).toMatchObject({ mirrorTopicName: "topic-1", accepted: true, messagesTruncated: 50 });
    expect(out.results[0]?.partitionTruncation).toEqual([
      { partition: 0, offsetTruncatedTo: 10, messagesTruncated: 25 },
      { partition: 2, offsetTruncatedTo: 15, messagesTruncated: 25 },
    ]);
    expect(out.results[1]).toMatchObject({ mirrorTopicName: "topic 2", accepted: false, errorCode: 401, errorMessage: "Not authorized", partitionTruncation: [] });
  });

  it("CP SDK link configs use default/read_only/sensitive", async () => {
    server.route(fixtureRoute("cp-sdk-2024-06.listKafkaLinkConfigs.response-200.json"));
    expect((await client.linkConfigs.list("link-1"))[0]).toEqual({
      name: "consumer.offset.sync.ms", value: "3825940", isDefault: false, isReadOnly: false, isSensitive: false, source: "DYNAMIC_CLUSTER_LINK_CONFIG", synonyms: ["cosm"],
    });
  });

  it("CP SDK action answers lack the truncation fields", async () => {
    server.route(fixtureRoute("cp-sdk-2024-06.updateKafkaMirrorTopicsPause.response-200.json"));
    const out = await client.mirrorActions.run("link-1", "pause", { topics: ["topic-sb", "topic-2"] });
    expect(out.results.map((r) => [r.mirrorTopicName, r.accepted, r.errorCode, r.messagesTruncated])).toEqual([
      ["topic-sb", true, null, null],
      ["topic-2", false, 400, null],
    ]);
  });
});

wire.declareTest();
