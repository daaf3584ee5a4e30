// Faults as a DR drill sees them: stopped clusters, network cuts, rotated credentials, deleted topics, flaky REST.
import { afterEach, describe, expect, it } from "vitest";
import { answerConformance } from "./test-support/contract";
import { jaas, startHarness, type Harness } from "./test-support/harness";
import { linkedPair } from "./test-support/scenarios";
import { body, maxLag, type LinkJson, type MirrorJson } from "./test-support/wire";

let h: Harness;
const wire = answerConformance();
afterEach(async ({ task }) => {
  await h.stop();
  wire.record(task.name, h.exchanges.splice(0));
});

const link = async (cluster: string, name: string, query = "") => body<LinkJson>(await h.rest(cluster).get(`${h.base(cluster)}/links/${name}${query}`), 200);
const mirror = async (cluster: string, linkName: string, topic: string) =>
  body<MirrorJson>(await h.rest(cluster).get(`${h.base(cluster)}/links/${linkName}/mirrors/${topic}`), 200);
const restUrl = (name: string) => h.sim.clusters.find((c) => c.name === name)?.restUrl ?? "";

describe("a stopped cluster", () => {
  it("refuses connections, and the links dialling it fail, then go UNAVAILABLE, then recover", async () => {
    h = await startHarness("seed-dr-chain");
    expect((await h.admin("POST", "/clusters/jump/stop")).status).toBe(200);
    await expect(fetch(`${restUrl("jump")}/kafka/v3/clusters`)).rejects.toThrow();
    const err = await fetch(`${restUrl("jump")}/kafka/v3/clusters`).catch((e: unknown) => e as Error & { cause?: { code?: string } });
    expect((err as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");

    const before = await mirror("dr", "jump-to-dr", "my_test_topic");
    expect(await link("dr", "jump-to-dr")).toMatchObject({ link_state: "ACTIVE", link_error: "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR" });
    await h.advance(299_000);
    expect((await link("dr", "jump-to-dr")).link_state).toBe("ACTIVE");
    expect((await mirror("dr", "jump-to-dr", "my_test_topic")).mirror_status).toBe("ACTIVE");
    await h.advance(1_000);
    const down = await link("dr", "jump-to-dr", "?include_tasks=true");
    expect(down).toMatchObject({ link_state: "UNAVAILABLE", link_error: "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR" });
    expect(down.tasks?.find((t) => t.task_name === "TopicConfigsSync")?.state).toBe("LINK_UNAVAILABLE");
    const m = await mirror("dr", "jump-to-dr", "my_test_topic");
    expect(m.mirror_status).toBe("SOURCE_UNAVAILABLE");
    expect(m.mirror_lags.map((l) => l.last_source_fetch_offset)).toEqual(before.mirror_lags.map((l) => l.last_source_fetch_offset));
    const counts = Object.fromEntries((down.category_counts ?? []).map((c) => [c.state_category, c.count]));
    expect(counts.IN_ERROR).toBe(3);

    expect((await h.admin("POST", "/clusters/jump/start")).status).toBe(200);
    expect((await link("dr", "jump-to-dr")).link_state).toBe("ACTIVE");
    await h.advance(60_000);
    const back = await mirror("dr", "jump-to-dr", "my_test_topic");
    expect(back.mirror_status).toBe("ACTIVE");
    expect(maxLag(back)).toBe(0);
    // jump was down too: its own mirrors of primary caught up again as well.
    expect(maxLag(await mirror("jump", "primary-to-jump", "my_test_topic"))).toBe(0);
  });
});

describe("a network cut", () => {
  it("blocks the dialling direction: TIMEOUT_ERROR, lag frozen at what was last known, UNAVAILABLE after the retry timeout", async () => {
    h = await startHarness("seed-dr-chain");
    expect((await h.admin("POST", "/network/cut", { a: "primary", b: "jump" })).status).toBe(200);
    const jumpSide = await link("jump", "primary-to-jump");
    expect(jumpSide).toMatchObject({ link_state: "ACTIVE", link_error: "TIMEOUT_ERROR" });
    expect(await link("primary", "primary-to-jump")).toMatchObject({ link_error: "TIMEOUT_ERROR" });
    await h.advance(120_000);
    const mid = await mirror("jump", "primary-to-jump", "my_test_topic");
    expect(mid.mirror_status).toBe("ACTIVE");
    expect(maxLag(mid)).toBe(0);
    await h.advance(180_000);
    expect((await link("jump", "primary-to-jump")).link_state).toBe("UNAVAILABLE");
    expect((await mirror("jump", "primary-to-jump", "mirror_me_orders")).mirror_status).toBe("SOURCE_UNAVAILABLE");
    // dr can still reach jump: its link is fine, it just has nothing new to fetch.
    expect(await link("dr", "jump-to-dr")).toMatchObject({ link_state: "ACTIVE", link_error: "NO_ERROR" });

    await h.admin("POST", "/network/restore", { a: "primary", b: "jump" });
    await h.advance(1_000);
    const lagging = await mirror("jump", "primary-to-jump", "my_test_topic");
    expect(lagging.mirror_status).toBe("ACTIVE");
    expect(maxLag(lagging)).toBeGreaterThan(0);
    await h.advance(60_000);
    expect(maxLag(await mirror("jump", "primary-to-jump", "my_test_topic"))).toBe(0);
  });
});

describe("rotated credentials", () => {
  it("REST: the old basic credentials get 401, the new ones work", async () => {
    h = await startHarness(linkedPair());
    const old = h.rest("dst");
    const r = await h.admin<{ rest: { username: string; password: string } }>("POST", "/clusters/dst/credentials", { rest: true });
    expect(r.status).toBe(200);
    expect((await old.get(`${h.base("dst")}/links`)).status).toBe(401);
    expect((await old.withCredentials(r.body.rest).get(`${h.base("dst")}/links`)).status).toBe(200);
  });

  it("Kafka: links presenting the old API key fail with AUTHENTICATION_ERROR until their sasl.jaas.config is updated", async () => {
    h = await startHarness(linkedPair());
    const r = await h.admin<{ kafka: { apiKey: string; apiSecret: string } }>("POST", "/clusters/src/credentials", { kafka: true });
    const failed = await link("dst", "d-link", "?include_tasks=true");
    expect(failed).toMatchObject({ link_state: "FAILED", link_error: "AUTHENTICATION_ERROR" });
    expect(failed.link_error_message).toMatch(/Authentication failed/);
    expect(failed.tasks?.find((t) => t.task_name === "TopicConfigsSync")).toMatchObject({ state: "LINK_FAILED", errors: [{ error_code: "AUTHENTICATION_ERROR" }] });
    expect((await mirror("dst", "d-link", "orders")).mirror_status).toBe("LINK_FAILED");
    // The REST credentials of src were not touched.
    expect((await h.rest("src").get(h.base("src"))).status).toBe(200);

    const fix = await h.rest("dst").put(`${h.base("dst")}/links/d-link/configs:alter`, {
      data: [{ name: "sasl.jaas.config", value: jaas(r.body.kafka.apiKey, r.body.kafka.apiSecret) }],
    });
    expect(fix.status).toBe(204);
    expect(await link("dst", "d-link")).toMatchObject({ link_state: "ACTIVE", link_error: "NO_ERROR" });
    await h.advance(10_000);
    expect(await mirror("dst", "d-link", "orders")).toMatchObject({ mirror_status: "ACTIVE" });
  });
});

describe("a deleted source topic", () => {
  it("fails its mirror with SOURCE_TOPIC_MAY_BE_DELETED", async () => {
    h = await startHarness(linkedPair());
    expect((await h.admin("DELETE", "/clusters/src/topics/orders")).status).toBe(200);
    const m = body<MirrorJson>(await h.rest("dst").get(`${h.base("dst")}/links/d-link/mirrors/orders?include_state_transition_errors=true`), 200);
    expect(m).toMatchObject({ mirror_status: "FAILED", mirror_topic_error: "SOURCE_TOPIC_MAY_BE_DELETED" });
    expect(m.mirror_state_transition_errors?.[0]?.error_code).toBe("SOURCE_TOPIC_MAY_BE_DELETED");
    const counts = Object.fromEntries(((await link("dst", "d-link")).category_counts ?? []).map((c) => [c.state_category, c.count]));
    expect(counts.IN_ERROR).toBe(3);
  });

  it("is noticed only once the destination can see the source again", async () => {
    h = await startHarness(linkedPair());
    await h.admin("POST", "/network/cut", { a: "src", b: "dst" });
    await h.admin("DELETE", "/clusters/src/topics/orders");
    expect((await mirror("dst", "d-link", "orders")).mirror_status).toBe("ACTIVE");
    await h.admin("POST", "/network/restore", { a: "src", b: "dst" });
    expect((await mirror("dst", "d-link", "orders")).mirror_status).toBe("FAILED");
  });
});

describe("flaky REST and request counters", () => {
  it("adds latency, answers a share of requests with 500 or malformed JSON, and counts requests by route template", async () => {
    h = await startHarness(linkedPair());
    await h.admin("DELETE", "/counters");
    await h.admin("PUT", "/clusters/dst/faults", { latencyMs: 150 });
    const t = performance.now();
    expect((await h.rest("dst").get(`${h.base("dst")}/links`)).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);

    await h.admin("PUT", "/clusters/dst/faults", { latencyMs: 0, errorRate: 1, errorMode: "500" });
    const e = await h.rest("dst").get(`${h.base("dst")}/links`);
    expect(e.status).toBe(500);
    expect(e.body).toEqual({ error_code: 500, message: "Internal Server Error" });

    await h.admin("PUT", "/clusters/dst/faults", { errorMode: "malformed" });
    const bad = await h.rest("dst").get(`${h.base("dst")}/links`);
    expect(bad.status).toBe(200);
    expect(() => JSON.parse(bad.rawBody)).toThrow();

    await h.admin("PUT", "/clusters/dst/faults", { errorRate: 0.5, errorMode: "500" });
    let failures = 0;
    for (let i = 0; i < 40; i++) if ((await h.rest("dst").get(`${h.base("dst")}/links/d-link`)).status === 500) failures++;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    await h.admin("DELETE", "/clusters/dst/faults");

    const counters = await h.admin<{ clusters: Record<string, { total: number; byRoute: Record<string, number> }> }>("GET", "/counters");
    expect(counters.body.clusters.dst?.byRoute["GET /kafka/v3/clusters/{cluster_id}/links"]).toBe(3);
    expect(counters.body.clusters.dst?.byRoute["GET /kafka/v3/clusters/{cluster_id}/links/{link_name}"]).toBe(40);
    expect(counters.body.clusters.src).toBeUndefined();
    await h.admin("POST", "/counters/reset");
    expect((await h.admin<{ clusters: object }>("GET", "/counters")).body.clusters).toEqual({});
  });
});

// What a destination reports while its link cannot reach the source brokers, on the demo's source-initiated link
// (Confluent docs, metrics-cc "Signs of trouble": link_state becomes unavailable when the destination cannot reach the
// source for 5 minutes; trouble-cp: TIMEOUT_ERROR / BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR; see simulator/README.md).
describe("a source-initiated link that cannot reach its source", () => {
  it("network cut: both halves TIMEOUT_ERROR at once, ACTIVE until cluster.link.retry.timeout.ms, then UNAVAILABLE; lags frozen while the source produces", async () => {
    h = await startHarness("hybrid");
    const before = await mirror("cloud", "onprem-to-cloud", "orders");
    expect((await h.admin("POST", "/network/cut", { a: "onprem", b: "cloud" })).status).toBe(200);
    expect(await link("cloud", "onprem-to-cloud")).toMatchObject({ link_state: "ACTIVE", link_error: "TIMEOUT_ERROR" });
    expect(await link("onprem", "onprem-to-cloud")).toMatchObject({ link_state: "ACTIVE", link_error: "TIMEOUT_ERROR" });
    await h.advance(299_999);
    const early = await mirror("cloud", "onprem-to-cloud", "orders");
    expect(early.mirror_status).toBe("ACTIVE");
    await h.advance(300_001);
    expect(await link("cloud", "onprem-to-cloud")).toMatchObject({ link_state: "UNAVAILABLE", link_error: "TIMEOUT_ERROR" });
    expect(await link("onprem", "onprem-to-cloud")).toMatchObject({ link_state: "UNAVAILABLE", link_error: "TIMEOUT_ERROR" });
    const frozen = await mirror("cloud", "onprem-to-cloud", "orders");
    expect(frozen.mirror_status).toBe("SOURCE_UNAVAILABLE");
    // The destination shows what it last knew: the same positions and lags as at the cut, although onprem kept producing.
    expect(frozen.mirror_lags).toEqual(before.mirror_lags);

    await h.admin("POST", "/network/restore", { a: "onprem", b: "cloud" });
    await h.advance(1_000);
    const back = await mirror("cloud", "onprem-to-cloud", "orders");
    expect(back.mirror_status).toBe("ACTIVE");
    expect(maxLag(back)).toBeGreaterThan(0);
  });

  it("stopped source: TIMEOUT_ERROR on the destination (nobody dials in), UNAVAILABLE after the retry timeout, lags frozen", async () => {
    h = await startHarness("hybrid");
    const before = await mirror("cloud", "onprem-to-cloud", "orders");
    expect((await h.admin("POST", "/clusters/onprem/stop")).status).toBe(200);
    expect(await link("cloud", "onprem-to-cloud")).toMatchObject({ link_state: "ACTIVE", link_error: "TIMEOUT_ERROR" });
    await h.advance(300_000);
    expect(await link("cloud", "onprem-to-cloud")).toMatchObject({ link_state: "UNAVAILABLE", link_error: "TIMEOUT_ERROR" });
    const frozen = await mirror("cloud", "onprem-to-cloud", "orders");
    expect(frozen).toMatchObject({ mirror_status: "SOURCE_UNAVAILABLE" });
    expect(frozen.mirror_lags).toEqual(before.mirror_lags);
  });
});

wire.declareTest();
