// REST surface: auth, status codes, error bodies, validate_only, configs, topics, and the seed walk-through's shape.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { answerConformance } from "./test-support/contract";
import { startHarness, type Harness } from "./test-support/harness";
import { body, type ActionItemJson, type ConfigJson, type ErrorJson, type LinkJson, type ListJson, type MirrorJson } from "./test-support/wire";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("seed-dr-chain");
});
const wire = answerConformance();
afterEach(({ task }) => wire.record(task.name, h.exchanges.splice(0)));
afterAll(async () => {
  await h.stop();
});

describe("authentication", () => {
  it("answers 401 with the vendor error body without or with wrong credentials", async () => {
    const anon = h.rest("jump").withCredentials(null);
    const r = await anon.get(`${h.base("jump")}/links`);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error_code: 40101, message: "Authentication failed" });
    const wrong = await h.rest("jump").withCredentials({ username: "x", password: "y" }).get(`${h.base("jump")}/links`);
    expect(wrong.status).toBe(401);
  });

  it("each cluster has its own credentials", async () => {
    const primaryCreds = h.sim.clusters.find((c) => c.name === "primary");
    const r = await h.rest("jump").withCredentials({ username: primaryCreds?.username ?? "", password: primaryCreds?.password ?? "" }).get(h.base("jump"));
    expect(r.status).toBe(401);
  });
});

describe("clusters and 404s", () => {
  it("lists exactly its own cluster and describes it", async () => {
    const list = body<ListJson<{ cluster_id: string; kind: string }>>(await h.rest("dr").get("/kafka/v3/clusters"), 200);
    expect(list.data.map((c) => c.cluster_id)).toEqual([h.id("dr")]);
    const one = body<{ kind: string; cluster_id: string; topics: { related: string } }>(await h.rest("dr").get(h.base("dr")), 200);
    expect(one).toMatchObject({ kind: "KafkaCluster", cluster_id: h.id("dr") });
    expect(one.topics.related).toMatch(/\/topics$/);
  });

  it("404s unknown clusters, links, mirrors, topics and configs with an error body", async () => {
    const j = h.rest("jump");
    const b = h.base("jump");
    const cases: Array<[string, number]> = [
      [`/kafka/v3/clusters/lkc-nope/links`, 404],
      [`${b}/links/nope`, 404],
      [`${b}/links/nope/mirrors`, 404],
      [`${b}/links/primary-to-jump/mirrors/nope`, 40403],
      [`${b}/topics/nope`, 40403],
      [`${b}/links/primary-to-jump/configs/no.such.config`, 404],
    ];
    for (const [path, code] of cases) {
      const r = await j.get(path);
      expect(r.status, path).toBe(404);
      expect(body<ErrorJson>(r).error_code, path).toBe(code);
      expect(typeof body<ErrorJson>(r).message).toBe("string");
    }
  });

  it("405s a known path with the wrong method; link_name is never a path segment on create", async () => {
    const j = h.rest("jump");
    const b = h.base("jump");
    expect((await j.post(`${b}/links/primary-to-jump`, {})).status).toBe(405);
    expect((await j.post(`${b}/links/primary-to-jump/configs:alter`, { data: [] })).status).toBe(405);
    expect((await j.get(`${b}/links/primary-to-jump/mirrors:promote`)).status).toBe(405);
    expect((await j.request("PATCH", `${b}/links`)).status).toBe(405);
  });

  it("treats action suffixes as literal text: an encoded colon is not an action", async () => {
    const r = await h.rest("jump").post(`${h.base("jump")}/links/primary-to-jump/mirrors%3Apause`, { mirror_topic_names: ["my_test_topic"] });
    expect(r.status).toBe(404);
  });
});

describe("bad input", () => {
  it("400s missing or malformed JSON bodies and bad enum or boolean values", async () => {
    const j = h.rest("jump");
    const b = h.base("jump");
    const missing = await j.request("POST", `${b}/links/primary-to-jump/mirrors:pause`);
    expect(missing.status).toBe(400);
    expect((await j.request("POST", `${b}/links?link_name=x`, undefined, { rawBody: "{not json" })).status).toBe(400);
    expect((await j.put(`${b}/links/primary-to-jump/configs/acl.sync.enable`, { nope: 1 })).status).toBe(400);
    expect((await j.get(`${b}/links/primary-to-jump/mirrors?mirror_status=active`)).status).toBe(400);
    expect((await j.get(`${b}/links/-/mirrors?mirror_status=ACTIVE,PAUSED`)).status).toBe(400);
    expect((await j.get(`${b}/links/primary-to-jump?include_tasks=maybe`)).status).toBe(400);
    expect((await j.post(`${b}/links/primary-to-jump/mirrors:pause`, {})).status).toBe(400);
    const noName = await j.post(`${b}/links`, { source_cluster_id: h.id("primary") });
    expect(noName.status).toBe(400);
    expect(body<ErrorJson>(noName).message).toMatch(/link_name/);
  });

  it("400s invalid config values on create and on update", async () => {
    const d = h.rest("dr");
    const b = h.base("dr");
    const bad = await d.post(`${b}/links?link_name=bad-mode&validate_link=false`, {
      source_cluster_id: h.id("jump"),
      configs: [{ name: "link.mode", value: "SIDEWAYS" }],
    });
    expect(bad.status).toBe(400);
    expect((await d.put(`${b}/links/jump-to-dr/configs/consumer.offset.sync.enable`, { value: "yes" })).status).toBe(400);
    expect((await d.put(`${b}/links/jump-to-dr/configs/cluster.link.retry.timeout.ms`, { value: "1" })).status).toBe(400);
    expect((await d.put(`${b}/links/jump-to-dr/configs/link.mode`, { value: "SOURCE" })).status).toBe(400);
  });
});

describe("the seed walk-through (PRIMARY → JUMP → DR)", () => {
  it("lists each half as the CLI shows it", async () => {
    const onJump = body<ListJson<LinkJson>>(await h.rest("jump").get(`${h.base("jump")}/links`), 200).data;
    expect(onJump).toHaveLength(1);
    expect(onJump[0]).toMatchObject({
      link_name: "primary-to-jump",
      source_cluster_id: h.id("primary"),
      destination_cluster_id: null,
      remote_cluster_id: h.id("primary"),
      link_state: "ACTIVE",
      link_error: "NO_ERROR",
    });
    const onPrimary = body<ListJson<LinkJson>>(await h.rest("primary").get(`${h.base("primary")}/links`), 200).data;
    expect(onPrimary[0]).toMatchObject({
      link_name: "primary-to-jump",
      source_cluster_id: null,
      destination_cluster_id: h.id("jump"),
      remote_cluster_id: h.id("jump"),
      topic_names: [],
      link_state: "ACTIVE",
    });
    expect(onPrimary[0]?.cluster_link_id).toBe(onJump[0]?.cluster_link_id);
    expect(onPrimary[0]?.category_counts).toBeUndefined();
    const onDr = body<ListJson<LinkJson>>(await h.rest("dr").get(`${h.base("dr")}/links`), 200).data;
    expect(onDr[0]).toMatchObject({ link_name: "jump-to-dr", source_cluster_id: h.id("jump"), topic_names: ["my_test_topic"] });
  });

  it("auto-creates mirror_me* on jump, never no_mirror* or unmatched topics", async () => {
    const link = body<LinkJson>(await h.rest("jump").get(`${h.base("jump")}/links/primary-to-jump`), 200);
    expect(link.topic_names.sort()).toEqual(["mirror_me_orders", "mirror_me_payments", "my_test_topic"]);
    const counts = Object.fromEntries((link.category_counts ?? []).map((c) => [c.state_category, c.count]));
    expect(counts).toEqual({ ACTIVE: 3 + 6 + 3, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 });
  });

  it("shows no mirrors on the source half", async () => {
    const r = body<ListJson<MirrorJson>>(await h.rest("primary").get(`${h.base("primary")}/links/primary-to-jump/mirrors`), 200);
    expect(r.data).toEqual([]);
    const all = body<ListJson<MirrorJson>>(await h.rest("primary").get(`${h.base("primary")}/links/-/mirrors`), 200);
    expect(all.data).toEqual([]);
  });

  it("reports link configs as the real listing does", async () => {
    const list = body<ListJson<ConfigJson>>(await h.rest("jump").get(`${h.base("jump")}/links/primary-to-jump/configs`), 200).data;
    const by = new Map(list.map((c) => [c.name, c]));
    expect(list.length).toBeGreaterThanOrEqual(56);
    expect(by.get("connection.mode")).toMatchObject({ value: "INBOUND", is_default: false, source: "DYNAMIC_CLUSTER_LINK_CONFIG", synonyms: [] });
    expect(by.get("acl.sync.enable")).toMatchObject({ value: "false", is_default: true, source: "DEFAULT_CONFIG", is_read_only: false });
    expect(by.get("cluster.link.retry.timeout.ms")).toMatchObject({ value: "300000", is_read_only: true });
    expect(by.get("sasl.jaas.config")).toMatchObject({ value: null, is_sensitive: true });
    const src = body<ListJson<ConfigJson>>(await h.rest("primary").get(`${h.base("primary")}/links/primary-to-jump/configs`), 200).data;
    expect(src.find((c) => c.name === "sasl.jaas.config")).toMatchObject({ value: null, is_sensitive: true, is_default: false });
    expect(src.find((c) => c.name === "local.sasl.jaas.config")).toMatchObject({ value: null, is_default: false });
    expect(src.find((c) => c.name === "link.mode")?.value).toBe("SOURCE");
  });

  it("tasks only with include_tasks, and computed from configs", async () => {
    const plain = body<LinkJson>(await h.rest("jump").get(`${h.base("jump")}/links/primary-to-jump`), 200);
    expect(plain.tasks).toBeUndefined();
    const withTasks = body<LinkJson>(await h.rest("jump").get(`${h.base("jump")}/links/primary-to-jump?include_tasks=true`), 200);
    const states = Object.fromEntries((withTasks.tasks ?? []).map((t) => [t.task_name, t.state]));
    expect(states).toEqual({ ConsumerOffsetSync: "ACTIVE", AutoCreateMirror: "ACTIVE", AclSync: "NOT_CONFIGURED", TopicConfigsSync: "ACTIVE" });
  });

  it("state transition errors only when asked", async () => {
    const p = `${h.base("dr")}/links/jump-to-dr/mirrors/my_test_topic`;
    expect(body<MirrorJson>(await h.rest("dr").get(p), 200).mirror_state_transition_errors).toBeUndefined();
    expect(body<MirrorJson>(await h.rest("dr").get(`${p}?include_state_transition_errors=true`), 200).mirror_state_transition_errors).toEqual([]);
  });
});

describe("configs", () => {
  const path = () => `${h.base("jump")}/links/primary-to-jump/configs`;
  const get = async (name: string) => body<ConfigJson>(await h.rest("jump").get(`${path()}/${name}`), 200);

  it("PUT sets (204, no body), DELETE resets to the default", async () => {
    const put = await h.rest("jump").put(`${path()}/consumer.offset.sync.ms`, { value: "15000" });
    expect(put.status).toBe(204);
    expect(put.rawBody).toBe("");
    expect(await get("consumer.offset.sync.ms")).toMatchObject({ value: "15000", is_default: false, source: "DYNAMIC_CLUSTER_LINK_CONFIG" });
    expect((await h.rest("jump").delete(`${path()}/consumer.offset.sync.ms`)).status).toBe(204);
    expect(await get("consumer.offset.sync.ms")).toMatchObject({ value: "30000", is_default: true, source: "DEFAULT_CONFIG" });
  });

  it("configs:alter is a PUT batch of SET and DELETE, all or nothing", async () => {
    const ok = await h.rest("jump").put(`${path()}:alter`, {
      data: [
        { name: "consumer.offset.sync.enable", value: "true" },
        { name: "acl.sync.ms", value: "7000", operation: "SET" },
        { name: "topic.config.sync.ms", operation: "DELETE" },
      ],
    });
    expect(ok.status).toBe(204);
    expect((await get("consumer.offset.sync.enable")).value).toBe("true");
    const bad = await h.rest("jump").put(`${path()}:alter`, {
      data: [
        { name: "acl.sync.ms", value: "8000" },
        { name: "replica.fetch.max.bytes", value: "1" },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await get("acl.sync.ms")).value).toBe("7000");
    const tasks = body<LinkJson>(await h.rest("jump").get(`${h.base("jump")}/links/primary-to-jump?include_tasks=true`), 200).tasks ?? [];
    expect(tasks.find((t) => t.task_name === "ConsumerOffsetSync")?.state).toBe("ACTIVE");
  });
});

describe("validate_only is a dry run everywhere", () => {
  it("create link, alter configs, delete link, mirror actions, create mirror and topic change nothing", async () => {
    const d = h.rest("dr");
    const b = h.base("dr");
    const create = await d.post(`${b}/links?link_name=dry&validate_only=true`, {
      source_cluster_id: h.id("jump"),
      configs: [
        { name: "bootstrap.servers", value: "jump.sim.local:9092" },
        { name: "sasl.jaas.config", value: `org.apache.kafka.common.security.plain.PlainLoginModule required username='${h.sim.runtime.cluster("jump")?.kafka.username}' password='${h.sim.runtime.cluster("jump")?.kafka.password}';` },
      ],
    });
    expect(create.status).toBe(204);
    expect((await d.get(`${b}/links/dry`)).status).toBe(404);

    expect((await d.put(`${b}/links/jump-to-dr/configs:alter?validate_only=true`, { data: [{ name: "acl.sync.ms", value: "9999" }] })).status).toBe(204);
    expect((await d.put(`${b}/links/jump-to-dr/configs:alter`, { data: [{ name: "acl.sync.ms", value: "9998" }], validate_only: true })).status).toBe(204);
    expect(body<ConfigJson>(await d.get(`${b}/links/jump-to-dr/configs/acl.sync.ms`)).value).toBe("5000");

    const pause = await d.post(`${b}/links/jump-to-dr/mirrors:pause?validate_only=true`, { mirror_topic_names: ["my_test_topic"] });
    expect(body<ListJson<ActionItemJson>>(pause, 200).data[0]).toMatchObject({ mirror_topic_name: "my_test_topic", error_code: null, error_message: null });
    expect(body<MirrorJson>(await d.get(`${b}/links/jump-to-dr/mirrors/my_test_topic`)).mirror_status).toBe("ACTIVE");
    const failover = await d.post(`${b}/links/jump-to-dr/mirrors:failover?validate_only=true`, { mirror_topic_name_pattern: ".*" });
    expect(body<ListJson<ActionItemJson>>(failover, 200).data).toHaveLength(1);
    expect(body<MirrorJson>(await d.get(`${b}/links/jump-to-dr/mirrors/my_test_topic`)).mirror_status).toBe("ACTIVE");

    expect((await d.request("DELETE", `${b}/links/jump-to-dr?validate_only=true&force=true`)).status).toBe(204);
    expect((await d.get(`${b}/links/jump-to-dr`)).status).toBe(200);

    expect((await d.post(`${b}/links/jump-to-dr/mirrors?validate_only=true`, { source_topic_name: "mirror_me_orders" })).status).toBe(204);
    expect((await d.get(`${b}/links/jump-to-dr/mirrors/mirror_me_orders`)).status).toBe(404);

    const topic = await d.post(`${b}/topics`, { topic_name: "dry_topic", partitions_count: 2, validate_only: true });
    expect(topic.status).toBe(200);
    expect((await d.get(`${b}/topics/dry_topic`)).status).toBe(404);
  });
});

describe("topics", () => {
  it("create (201, TopicData), duplicate (400 40002), get, list, delete (204), then 404", async () => {
    const d = h.rest("dr");
    const b = h.base("dr");
    const created = await d.post(`${b}/topics`, { topic_name: "audit", partitions_count: 4 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "KafkaTopic", topic_name: "audit", partitions_count: 4, replication_factor: 3, is_internal: false, cluster_id: h.id("dr") });
    expect(body<ErrorJson>(await d.post(`${b}/topics`, { topic_name: "audit" }), 400).error_code).toBe(40002);
    expect((await d.post(`${b}/topics`, { topic_name: "rf1", replication_factor: 1 })).status).toBe(400);
    const list = body<ListJson<{ topic_name: string }>>(await d.get(`${b}/topics`), 200);
    expect(list.data.map((t) => t.topic_name)).toEqual(expect.arrayContaining(["audit", "my_test_topic"]));
    expect((await d.delete(`${b}/topics/audit`)).status).toBe(204);
    expect((await d.get(`${b}/topics/audit`)).status).toBe(404);
    expect((await d.delete(`${b}/topics/audit`)).status).toBe(404);
  });
});

describe("/metrics", () => {
  it("serves Prometheus text without auth, with the JMX exporter names", async () => {
    const res = await fetch(`${h.sim.clusters.find((c) => c.name === "jump")?.restUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toContain('kafka_server_link_clusterlinkfetchermanager_maxlag{link_name="primary-to-jump"} 0');
    expect(text).toMatch(/kafka_server_fetcherlagmetrics_consumerlag\{clientid="[^"]+",topic="my_test_topic",partition="0",link_name="primary-to-jump"\} 0/);
    expect(text).toContain('kafka_server_cluster_link_metrics_mirror_topic_count{state="Mirror",link_name="primary-to-jump"} 3');
    expect(text).toContain('kafka_server_cluster_link_metrics_link_count{mode="destination",state="active",link_name="primary-to-jump"} 1');
    const primary = await (await fetch(`${h.sim.clusters.find((c) => c.name === "primary")?.restUrl}/metrics`)).text();
    expect(primary).toContain('kafka_server_cluster_link_metrics_link_count{mode="source",state="active",link_name="primary-to-jump"} 1');
  });
});

wire.declareTest();
