// Link lifecycle: source-initiated ordering, validate_link, halves going away, auto-create filters, prefix, tasks.
import { afterEach, describe, expect, it } from "vitest";
import { answerConformance } from "./test-support/contract";
import { startHarness, type Harness } from "./test-support/harness";
import { jaasFor, pair } from "./test-support/scenarios";
import { body, type ErrorJson, type LinkJson, type ListJson, type MirrorJson } from "./test-support/wire";

let h: Harness;
const wire = answerConformance();
afterEach(async ({ task }) => {
  await h.stop();
  wire.record(task.name, h.exchanges.splice(0));
});

const destinationHalf = (h: Harness, extra: Array<{ name: string; value: string }> = []) => ({
  source_cluster_id: h.id("src"),
  configs: [{ name: "link.mode", value: "DESTINATION" }, { name: "connection.mode", value: "INBOUND" }, ...extra],
});
const sourceHalf = (h: Harness, dstJaas = jaasFor("dst"), localJaas = jaasFor("src")) => ({
  destination_cluster_id: h.id("dst"),
  configs: [
    { name: "link.mode", value: "SOURCE" },
    { name: "connection.mode", value: "OUTBOUND" },
    { name: "bootstrap.servers", value: "SASL_SSL://dst.sim.local:9092" },
    { name: "security.protocol", value: "SASL_SSL" },
    { name: "sasl.mechanism", value: "PLAIN" },
    { name: "sasl.jaas.config", value: dstJaas },
    { name: "local.security.protocol", value: "SASL_SSL" },
    { name: "local.sasl.mechanism", value: "PLAIN" },
    { name: "local.sasl.jaas.config", value: localJaas },
  ],
});
const link = async (h: Harness, cluster: string, name: string, query = "") =>
  body<LinkJson>(await h.rest(cluster).get(`${h.base(cluster)}/links/${name}${query}`), 200);
const mirror = async (h: Harness, cluster: string, linkName: string, topic: string) =>
  body<MirrorJson>(await h.rest(cluster).get(`${h.base(cluster)}/links/${linkName}/mirrors/${topic}`), 200);

describe("source-initiated links", () => {
  it("refuses the SOURCE half before the destination's INBOUND half exists, then pairs both halves", async () => {
    h = await startHarness(pair());
    const early = await h.rest("src").post(`${h.base("src")}/links?link_name=s-link`, sourceHalf(h));
    expect(early.status).toBe(400);
    expect(body<ErrorJson>(early).message).toContain("does not have a link named");

    expect((await h.rest("dst").post(`${h.base("dst")}/links?link_name=s-link`, destinationHalf(h))).status).toBe(204);
    const created = await h.rest("src").post(`${h.base("src")}/links?link_name=s-link`, sourceHalf(h));
    expect(created.status).toBe(204);
    expect(created.rawBody).toBe("");

    const dst = await link(h, "dst", "s-link");
    const src = await link(h, "src", "s-link");
    expect(src.cluster_link_id).toBe(dst.cluster_link_id);
    expect(dst).toMatchObject({ source_cluster_id: h.id("src"), destination_cluster_id: null, link_state: "ACTIVE", link_error: "NO_ERROR" });
    expect(src).toMatchObject({ source_cluster_id: null, destination_cluster_id: h.id("dst"), topic_names: [], link_state: "ACTIVE" });

    expect((await h.rest("dst").post(`${h.base("dst")}/links/s-link/mirrors`, { source_topic_name: "orders" })).status).toBe(204);
    expect((await mirror(h, "dst", "s-link", "orders")).mirror_status).toBe("PENDING_MIRROR");
    await h.advance(3_000);
    await h.advance(60_000);
    const m = await mirror(h, "dst", "s-link", "orders");
    expect(m.mirror_status).toBe("ACTIVE");
    expect(m.mirror_lags.every((l) => l.lag === 0 && l.last_source_fetch_offset > 0)).toBe(true);
    // Mirrors are created and listed only on the destination half.
    expect((await h.rest("src").post(`${h.base("src")}/links/s-link/mirrors`, { source_topic_name: "payments" })).status).toBe(400);
  });

  it("deleting the SOURCE half stops the flow: TIMEOUT_ERROR at once, UNAVAILABLE after the retry timeout", async () => {
    h = await startHarness(pair());
    await h.rest("dst").post(`${h.base("dst")}/links?link_name=s-link`, destinationHalf(h));
    await h.rest("src").post(`${h.base("src")}/links?link_name=s-link`, sourceHalf(h));
    await h.rest("dst").post(`${h.base("dst")}/links/s-link/mirrors`, { source_topic_name: "orders" });
    await h.advance(10_000);
    expect((await h.rest("src").delete(`${h.base("src")}/links/s-link`)).status).toBe(204);
    const before = await mirror(h, "dst", "s-link", "orders");
    const dst = await link(h, "dst", "s-link");
    expect(dst).toMatchObject({ link_state: "ACTIVE", link_error: "TIMEOUT_ERROR" });
    expect(dst.link_error_message).toMatch(/no SOURCE link named s-link/);
    await h.advance(300_000);
    const after = await mirror(h, "dst", "s-link", "orders");
    expect(after.mirror_lags.map((l) => l.last_source_fetch_offset)).toEqual(before.mirror_lags.map((l) => l.last_source_fetch_offset));
    expect(after.mirror_status).toBe("SOURCE_UNAVAILABLE");
    expect((await link(h, "dst", "s-link")).link_state).toBe("UNAVAILABLE");
  });

  it("deleting the destination half fails the SOURCE half and leaves an UNMANAGED_SOURCE record", async () => {
    h = await startHarness(pair());
    await h.rest("dst").post(`${h.base("dst")}/links?link_name=s-link`, destinationHalf(h));
    await h.rest("src").post(`${h.base("src")}/links?link_name=s-link`, sourceHalf(h));
    const id = (await link(h, "dst", "s-link")).cluster_link_id;
    expect((await h.rest("dst").delete(`${h.base("dst")}/links/s-link`)).status).toBe(204);
    const list = body<ListJson<LinkJson>>(await h.rest("src").get(`${h.base("src")}/links`), 200).data;
    expect(list.find((l) => l.link_name === "s-link")).toMatchObject({ link_state: "FAILED" });
    expect(list.find((l) => l.link_name === "")).toMatchObject({ link_state: "UNMANAGED_SOURCE", cluster_link_id: id, topic_names: [] });
    // A re-created destination half gets a new id: the old SOURCE half does not pair with it.
    expect((await h.rest("dst").post(`${h.base("dst")}/links?link_name=s-link`, destinationHalf(h))).status).toBe(204);
    expect((await link(h, "src", "s-link")).link_error_message).toMatch(/re-created/);
    expect((await link(h, "dst", "s-link")).link_error).toBe("TIMEOUT_ERROR");
    expect((await h.rest("src").delete(`${h.base("src")}/links/s-link`)).status).toBe(204);
    const left = body<ListJson<LinkJson>>(await h.rest("src").get(`${h.base("src")}/links`), 200).data;
    expect(left.map((l) => [l.link_name, l.link_state])).toEqual([["", "UNMANAGED_SOURCE"]]);
  });

  it("a SOURCE half with the wrong local credentials is refused when validated and FAILS when not", async () => {
    h = await startHarness(pair());
    await h.rest("dst").post(`${h.base("dst")}/links?link_name=s-link`, destinationHalf(h));
    const bad = sourceHalf(h, jaasFor("dst"), jaasFor("wrong"));
    expect((await h.rest("src").post(`${h.base("src")}/links?link_name=s-link`, bad)).status).toBe(400);
    expect((await h.rest("src").post(`${h.base("src")}/links?link_name=s-link&validate_link=false`, bad)).status).toBe(204);
    expect(await link(h, "src", "s-link")).toMatchObject({ link_state: "FAILED", link_error: "AUTHENTICATION_ERROR" });
    expect(await link(h, "dst", "s-link")).toMatchObject({ link_state: "FAILED", link_error: "AUTHENTICATION_ERROR" });
    // validate_link=false skips the dial, but not the ordering: the INBOUND half must exist.
    const orphan = await h.rest("src").post(`${h.base("src")}/links?link_name=other&validate_link=false`, sourceHalf(h, jaasFor("nobody")));
    expect(body<ErrorJson>(orphan, 400).message).toContain("does not have a link named");
  });
});

describe("destination-initiated links and validate_link", () => {
  const destLink = (h: Harness, jaas: string, sourceId = h.id("src"), bootstrap = "src.sim.local:9092") => ({
    source_cluster_id: sourceId,
    configs: [
      { name: "bootstrap.servers", value: bootstrap },
      { name: "security.protocol", value: "SASL_SSL" },
      { name: "sasl.mechanism", value: "PLAIN" },
      { name: "sasl.jaas.config", value: jaas },
    ],
  });

  it("validates reachability, cluster id and credentials by default; validate_link=false skips it", async () => {
    h = await startHarness(pair());
    const post = (q: string, b: unknown) => h.rest("dst").post(`${h.base("dst")}/links?${q}`, b);
    const wrongCreds = await post("link_name=a", destLink(h, jaasFor("nobody")));
    expect(wrongCreds.status).toBe(400);
    expect(body<ErrorJson>(wrongCreds).message).toMatch(/Authentication failed/);
    const wrongId = await post("link_name=a", destLink(h, jaasFor("src"), "lkc-other1"));
    expect(body<ErrorJson>(wrongId, 400).message).toMatch(/Cluster ID mismatch/);
    const unresolvable = await post("link_name=a", destLink(h, jaasFor("src"), h.id("src"), "nowhere.example:9092"));
    expect(body<ErrorJson>(unresolvable, 400).message).toMatch(/resolve/);
    // A private cluster cannot be dialled from outside its network: the reason source-initiated links exist.
    const intoPrivate = await post("link_name=a", destLink(h, jaasFor("vault"), h.id("vault"), "vault.sim.local:9092"));
    expect(body<ErrorJson>(intoPrivate, 400).message).toMatch(/Timed out/);

    expect((await post("link_name=a&validate_link=false", destLink(h, jaasFor("nobody")))).status).toBe(204);
    expect(await link(h, "dst", "a")).toMatchObject({ link_state: "FAILED", link_error: "AUTHENTICATION_ERROR" });
    expect((await link(h, "dst", "a")).link_error_message).toBeTruthy();
    expect((await post("link_name=a", destLink(h, jaasFor("src")))).status).toBe(409);

    expect((await post("link_name=b", destLink(h, jaasFor("src")))).status).toBe(204);
    expect(await link(h, "dst", "b")).toMatchObject({ link_state: "ACTIVE", link_error: "NO_ERROR", source_cluster_id: h.id("src") });
  });

  it("requires the id field that matches link.mode", async () => {
    h = await startHarness(pair());
    const r = await h.rest("dst").post(`${h.base("dst")}/links?link_name=x&validate_link=false`, {
      destination_cluster_id: h.id("src"),
      configs: [{ name: "bootstrap.servers", value: "src.sim.local:9092" }],
    });
    expect(body<ErrorJson>(r, 400).message).toMatch(/source_cluster_id/);
  });

  it("deleting a link with live mirrors needs force; afterwards the topics stay as plain topics", async () => {
    h = await startHarness(pair());
    await h.rest("dst").post(`${h.base("dst")}/links?link_name=b`, destLink(h, jaasFor("src")));
    await h.rest("dst").post(`${h.base("dst")}/links/b/mirrors`, { source_topic_name: "orders" });
    const refused = await h.rest("dst").delete(`${h.base("dst")}/links/b`);
    expect(body<ErrorJson>(refused, 400).message).toMatch(/force=true/);
    expect((await h.rest("dst").delete(`${h.base("dst")}/links/b?force=true`)).status).toBe(204);
    expect((await h.rest("dst").get(`${h.base("dst")}/links/b`)).status).toBe(404);
    expect((await h.rest("dst").get(`${h.base("dst")}/topics/orders`)).status).toBe(200);
  });
});

describe("auto-create mirror topics", () => {
  const filters = JSON.stringify({
    topicFilters: [
      { name: "mirror_me", patternType: "PREFIXED", filterType: "INCLUDE" },
      { name: "no_mirror", patternType: "PREFIXED", filterType: "EXCLUDE" },
    ],
  });

  it("mirrors included topics on the next scan, later-created topics too, and honours the prefix", async () => {
    h = await startHarness(pair());
    const create = await h.rest("dst").post(`${h.base("dst")}/links?link_name=auto`, {
      source_cluster_id: h.id("src"),
      configs: [
        { name: "bootstrap.servers", value: "src.sim.local:9092" },
        { name: "sasl.jaas.config", value: jaasFor("src") },
        { name: "auto.create.mirror.topics.enable", value: "true" },
        { name: "auto.create.mirror.topics.filters", value: filters },
        { name: "cluster.link.prefix", value: "src." },
      ],
    });
    expect(create.status).toBe(204);
    expect((await link(h, "dst", "auto")).topic_names).toEqual([]);
    await h.advance(5_000);
    expect((await link(h, "dst", "auto")).topic_names).toEqual(["src.mirror_me_a"]);
    expect((await mirror(h, "dst", "auto", "src.mirror_me_a")).source_topic_name).toBe("mirror_me_a");

    await h.rest("src").post(`${h.base("src")}/topics`, { topic_name: "mirror_me_later", partitions_count: 2 });
    await h.rest("src").post(`${h.base("src")}/topics`, { topic_name: "no_mirror_later", partitions_count: 2 });
    expect((await link(h, "dst", "auto")).topic_names).toHaveLength(1);
    await h.advance(5_000);
    expect((await link(h, "dst", "auto")).topic_names.sort()).toEqual(["src.mirror_me_a", "src.mirror_me_later"]);
    expect((await mirror(h, "dst", "auto", "src.mirror_me_later")).mirror_status).toBe("PENDING_MIRROR");
    await h.advance(3_000);
    expect((await mirror(h, "dst", "auto", "src.mirror_me_later")).mirror_status).toBe("ACTIVE");

    // Filters changed at run time: * LITERAL includes all, the EXCLUDE still wins.
    const all = JSON.stringify({
      topicFilters: [
        { name: "*", patternType: "LITERAL", filterType: "INCLUDE" },
        { name: "no_mirror", patternType: "PREFIXED", filterType: "EXCLUDE" },
      ],
    });
    await h.rest("dst").put(`${h.base("dst")}/links/auto/configs/auto.create.mirror.topics.filters`, { value: all });
    await h.advance(5_000);
    expect((await link(h, "dst", "auto")).topic_names.sort()).toEqual(["src.mirror_me_a", "src.mirror_me_later", "src.orders", "src.payments"]);
  });

  it("a mirror name that ignores the prefix is refused; renaming without a prefix is unsupported", async () => {
    h = await startHarness(pair());
    await h.rest("dst").post(`${h.base("dst")}/links?link_name=p`, {
      source_cluster_id: h.id("src"),
      configs: [
        { name: "bootstrap.servers", value: "src.sim.local:9092" },
        { name: "sasl.jaas.config", value: jaasFor("src") },
        { name: "cluster.link.prefix", value: "west." },
      ],
    });
    const bad = await h.rest("dst").post(`${h.base("dst")}/links/p/mirrors`, { source_topic_name: "orders", mirror_topic_name: "orders" });
    expect(body<ErrorJson>(bad, 400).message).toMatch(/prefix 'west\.'/);
    expect((await h.rest("dst").post(`${h.base("dst")}/links/p/mirrors`, { source_topic_name: "orders", mirror_topic_name: "west.orders" })).status).toBe(204);
    expect((await h.rest("dst").post(`${h.base("dst")}/links/p/mirrors`, { source_topic_name: "payments" })).status).toBe(204);
    expect((await link(h, "dst", "p")).topic_names).toEqual(["west.orders", "west.payments"]);
    expect((await h.rest("dst").put(`${h.base("dst")}/links/p/configs/cluster.link.prefix`, { value: "east." })).status).toBe(400);
    await h.rest("dst").post(`${h.base("dst")}/links?link_name=q`, {
      source_cluster_id: h.id("src"),
      configs: [{ name: "bootstrap.servers", value: "src.sim.local:9092" }, { name: "sasl.jaas.config", value: jaasFor("src") }],
    });
    const renamed = await h.rest("dst").post(`${h.base("dst")}/links/q/mirrors`, { source_topic_name: "orders", mirror_topic_name: "copy" });
    expect(body<ErrorJson>(renamed, 400).error_code).toBe(40035);
    expect(body<ErrorJson>(await h.rest("dst").post(`${h.base("dst")}/links/q/mirrors`, { source_topic_name: "ghost" }), 404).error_code).toBe(40403);
  });

  it("tasks reflect configs: broken filter JSON puts the task IN_ERROR with MISCONFIGURATION_ERROR", async () => {
    h = await startHarness(pair());
    await h.rest("dst").post(`${h.base("dst")}/links?link_name=t`, {
      source_cluster_id: h.id("src"),
      configs: [
        { name: "bootstrap.servers", value: "src.sim.local:9092" },
        { name: "sasl.jaas.config", value: jaasFor("src") },
        { name: "acl.sync.enable", value: "true" },
        { name: "acl.filters", value: '{"aclFilters": [' },
        { name: "consumer.offset.sync.enable", value: "true" },
        { name: "auto.create.mirror.topics.enable", value: "true" },
        { name: "auto.create.mirror.topics.filters", value: "not json" },
      ],
    });
    const tasks = (await link(h, "dst", "t", "?include_tasks=true")).tasks ?? [];
    const by = Object.fromEntries(tasks.map((t) => [t.task_name, t]));
    expect(by.AclSync).toMatchObject({ state: "IN_ERROR", errors: [{ error_code: "MISCONFIGURATION_ERROR" }] });
    expect(by.AutoCreateMirror).toMatchObject({ state: "IN_ERROR", errors: [{ error_code: "MISCONFIGURATION_ERROR" }] });
    expect(by.ConsumerOffsetSync).toMatchObject({ state: "ACTIVE", errors: [] });
    expect(by.TopicConfigsSync).toMatchObject({ state: "ACTIVE" });
    await h.advance(10_000);
    expect((await link(h, "dst", "t")).topic_names).toEqual([]);
  });
});

wire.declareTest();
