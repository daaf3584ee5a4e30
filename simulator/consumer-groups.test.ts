// Consumer groups: committed offsets that move with simulated time, and the link's offset sync honouring its configs.
import { afterEach, describe, expect, it } from "vitest";
import { answerConformance } from "./test-support/contract";
import { startHarness, type Harness } from "./test-support/harness";
import { body, type ErrorJson, type ListJson } from "./test-support/wire";

interface GroupJson {
  consumer_group_id: string;
  state: string;
  cluster_id: string;
}
interface ConsumerLagJson {
  topic_name: string;
  partition_id: number;
  current_offset: number;
  log_end_offset: number;
  lag: number;
  consumer_id: string;
}

let h: Harness;
const wire = answerConformance();
afterEach(async ({ task }) => {
  await h.stop();
  wire.record(task.name, h.exchanges.splice(0));
});

const groups = async (cluster: string) =>
  body<ListJson<GroupJson>>(await h.rest(cluster).get(`${h.base(cluster)}/consumer-groups`), 200).data.map((g) => g.consumer_group_id);
const lags = async (cluster: string, group: string) =>
  body<ListJson<ConsumerLagJson>>(await h.rest(cluster).get(`${h.base(cluster)}/consumer-groups/${group}/lags`), 200).data;
const committed = async (cluster: string, group: string, topic: string) =>
  (await lags(cluster, group)).filter((l) => l.topic_name === topic).map((l) => l.current_offset);
const setConfig = async (cluster: string, link: string, name: string, value: string) =>
  expect((await h.rest(cluster).put(`${h.base(cluster)}/links/${link}/configs/${name}`, { value })).status).toBe(204);

describe("consumer groups on the source", () => {
  it("list, describe, members, lags and lag summary as the vendor spec shapes them; offsets advance as members consume", async () => {
    h = await startHarness("seed-dr-chain");
    expect(await groups("primary")).toEqual(["app-billing", "app-orders", "reporting-batch"]);
    const base = `${h.base("primary")}/consumer-groups`;
    expect(body<GroupJson>(await h.rest("primary").get(`${base}/app-orders`), 200)).toMatchObject({
      state: "STABLE",
      cluster_id: h.id("primary"),
    });
    expect(body<GroupJson>(await h.rest("primary").get(`${base}/app-billing`), 200).state).toBe("EMPTY");
    expect(body<ListJson<{ consumer_id: string }>>(await h.rest("primary").get(`${base}/app-orders/consumers`), 200).data).toHaveLength(2);

    const behind = await lags("primary", "reporting-batch");
    expect(behind.reduce((s, l) => s + l.lag, 0)).toBe(300);
    for (const l of behind) expect(l.lag).toBe(l.log_end_offset - l.current_offset);
    const summary = body<{ total_lag: number; max_lag: number }>(await h.rest("primary").get(`${base}/reporting-batch/lag-summary`), 200);
    expect(summary.total_lag).toBe(300);
    expect(summary.max_lag).toBe(Math.max(...behind.map((l) => l.lag)));

    const before = await committed("primary", "app-orders", "mirror_me_orders");
    const idle = await committed("primary", "app-billing", "mirror_me_payments");
    await h.advance(10_000);
    const after = await committed("primary", "app-orders", "mirror_me_orders");
    // 50 messages/s over 6 partitions for 10 s, each partition's share rounded down.
    const consumed = after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0);
    expect(consumed).toBeGreaterThan(494);
    expect(consumed).toBeLessThanOrEqual(500);
    expect(await committed("primary", "app-billing", "mirror_me_payments")).toEqual(idle);
    // A lagging group with members catches up at its consume rate.
    expect((await lags("primary", "reporting-batch")).every((l) => l.lag === 0)).toBe(true);

    const missing = await h.rest("primary").get(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect(body<ErrorJson>(missing).message).toContain("nope");
  });
});

describe("offset sync to the destination", () => {
  it("copies the groups the filters include, every consumer.offset.sync.ms, and nothing on a link with sync off", async () => {
    h = await startHarness("seed-dr-chain");
    // primary-to-jump syncs groups prefixed app-; reporting-batch is outside the filter. jump-to-dr has sync off.
    expect(await groups("jump")).toEqual(["app-billing", "app-orders", "jump-audit"]);
    expect(await groups("dr")).toEqual([]);
    const t0 = await committed("primary", "app-orders", "mirror_me_orders");
    expect(await committed("jump", "app-orders", "mirror_me_orders")).toEqual(t0);

    await h.advance(20_000);
    expect(await committed("jump", "app-orders", "mirror_me_orders")).toEqual(t0);
    await h.advance(10_000);
    const t30 = await committed("primary", "app-orders", "mirror_me_orders");
    expect(t30).not.toEqual(t0);
    expect(await committed("jump", "app-orders", "mirror_me_orders")).toEqual(t30);

    await setConfig("jump", "primary-to-jump", "consumer.offset.sync.ms", "5000");
    await setConfig(
      "jump",
      "primary-to-jump",
      "consumer.offset.group.filters",
      JSON.stringify({ groupFilters: [{ name: "*", patternType: "LITERAL", filterType: "INCLUDE" }] }),
    );
    await h.advance(5_000);
    expect(await groups("jump")).toContain("reporting-batch");
    expect(await committed("jump", "app-orders", "mirror_me_orders")).toEqual(await committed("primary", "app-orders", "mirror_me_orders"));

    await setConfig("jump", "primary-to-jump", "consumer.offset.sync.enable", "false");
    const frozen = await committed("jump", "app-orders", "mirror_me_orders");
    await h.advance(60_000);
    expect(await committed("jump", "app-orders", "mirror_me_orders")).toEqual(frozen);
  });

  it("leaves a group alone while members are connected to it on the destination, and stops at promote", async () => {
    h = await startHarness("seed-dr-chain");
    const connect = await h.admin<{ state: string; members: unknown[] }>("POST", "/clusters/jump/consumer-groups/app-orders/members", {
      clientId: "early-bird",
    });
    expect(connect.status).toBe(201);
    expect(connect.body).toMatchObject({ state: "STABLE" });
    expect(
      body<ListJson<{ client_id: string }>>(await h.rest("jump").get(`${h.base("jump")}/consumer-groups/app-orders/consumers`), 200).data,
    ).toEqual([expect.objectContaining({ client_id: "early-bird" })]);
    // Its own consumer moves it from now on, along the mirror; the sync no longer writes it.
    // The source's consumers stop, so whatever moves the destination's offsets now is the destination's own member.
    expect((await h.admin("DELETE", "/clusters/primary/consumer-groups/app-orders/members")).status).toBe(200);
    const billing = await committed("jump", "app-billing", "mirror_me_payments");
    await h.advance(60_000);
    const source = await committed("primary", "app-orders", "mirror_me_orders");
    const destination = await committed("jump", "app-orders", "mirror_me_orders");
    const mirrorEnd = (await lags("jump", "app-orders")).filter((l) => l.topic_name === "mirror_me_orders").map((l) => l.log_end_offset);
    expect(destination).toEqual(mirrorEnd);
    expect(destination.every((o, p) => o > (source[p] ?? 0))).toBe(true);
    expect(await committed("jump", "app-billing", "mirror_me_payments")).toEqual(billing);

    expect((await h.admin("DELETE", "/clusters/jump/consumer-groups/app-orders/members")).status).toBe(200);
    expect((await h.admin("POST", "/clusters/primary/consumer-groups/app-orders/members", {})).status).toBe(201);
    await h.advance(30_000);
    expect(await committed("jump", "app-orders", "mirror_me_orders")).toEqual(await committed("primary", "app-orders", "mirror_me_orders"));

    const promoted = await h
      .rest("jump")
      .post(`${h.base("jump")}/links/primary-to-jump/mirrors:promote`, { mirror_topic_names: ["mirror_me_orders"] });
    expect(promoted.status).toBe(200);
    await h.advance(5_000);
    const atPromote = await committed("jump", "app-orders", "mirror_me_orders");
    const stillMirrored = await committed("jump", "app-orders", "my_test_topic");
    await h.advance(60_000);
    expect(await committed("jump", "app-orders", "mirror_me_orders")).toEqual(atPromote);
    expect(await committed("jump", "app-orders", "my_test_topic")).not.toEqual(stillMirrored);
  });
});

wire.declareTest();
