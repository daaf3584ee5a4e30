// Mirror lifecycle: lag arithmetic, pause/resume, promote waits for zero lag, failover abandons lag, reverse, truncate-and-restore.
import { afterEach, describe, expect, it } from "vitest";
import { answerConformance } from "./test-support/contract";
import { startHarness, type Harness } from "./test-support/harness";
import { linkedPair } from "./test-support/scenarios";
import { body, maxLag, totalLag, type ActionItemJson, type ListJson, type MirrorJson } from "./test-support/wire";

let h: Harness;
const wire = answerConformance();
afterEach(async ({ task }) => {
  await h.stop();
  wire.record(task.name, h.exchanges.splice(0));
});

const mirror = async (cluster: string, link: string, topic: string) =>
  body<MirrorJson>(await h.rest(cluster).get(`${h.base(cluster)}/links/${link}/mirrors/${topic}`), 200);
const act = async (cluster: string, link: string, action: string, names: string[], query = "") =>
  body<ListJson<ActionItemJson>>(await h.rest(cluster).post(`${h.base(cluster)}/links/${link}/mirrors:${action}${query}`, { mirror_topic_names: names }), 200);
const endOffsets = async (cluster: string, topic: string) =>
  (await h.admin<{ endOffsets: number[] }>("GET", `/clusters/${cluster}/topics/${topic}`)).body.endOffsets;

describe("lag is real arithmetic", () => {
  it("a capped fetcher falls behind a faster producer by exactly the difference", async () => {
    h = await startHarness(linkedPair({ fetchRate: 5, produceRate: 30 }));
    const start = (await mirror("dst", "d-link", "orders")).mirror_lags.map((l) => l.last_source_fetch_offset);
    await h.advance(100_000);
    const m = await mirror("dst", "d-link", "orders");
    const src = await endOffsets("src", "orders");
    m.mirror_lags.forEach((l, p) => {
      expect(l.partition).toBe(p);
      expect(l.last_source_fetch_offset).toBe((start[p] ?? 0) + 500);
      expect(l.lag).toBe((src[p] ?? 0) - l.last_source_fetch_offset);
    });
    expect(totalLag(m.mirror_lags)).toBeGreaterThan(1400);
    // A faster link catches up and stays caught up.
    expect((await h.admin("PUT", "/clusters/dst/links/d-link/fetch-rate", { messagesPerSecond: 1000 })).status).toBe(200);
    await h.advance(60_000);
    expect(maxLag(await mirror("dst", "d-link", "orders"))).toBe(0);
  });

  it("pause lets lag grow, resume catches up", async () => {
    h = await startHarness(linkedPair({ produceRate: 30 }));
    const paused = await act("dst", "d-link", "pause", ["orders"]);
    expect(paused.kind).toBe("KafkaPromoteMirror");
    expect(paused.data[0]).toMatchObject({ mirror_topic_name: "orders", error_code: null, error_message: null, messages_truncated: null });
    await h.advance(10_000);
    const p = await mirror("dst", "d-link", "orders");
    expect(p.mirror_status).toBe("PAUSED");
    expect(totalLag(p.mirror_lags)).toBeGreaterThanOrEqual(297);
    expect((await act("dst", "d-link", "resume", ["orders"])).data[0]?.error_code).toBeNull();
    await h.advance(5_000);
    const r = await mirror("dst", "d-link", "orders");
    expect(r.mirror_status).toBe("ACTIVE");
    expect(maxLag(r)).toBe(0);
    const only = body<ListJson<MirrorJson>>(await h.rest("dst").get(`${h.base("dst")}/links/-/mirrors?mirror_status=PAUSED`), 200);
    expect(only.data).toEqual([]);
  });
});

describe("promote and failover", () => {
  it("promote stays PENDING_STOPPED until the mirror has caught up, then STOPPED with zero lag", async () => {
    h = await startHarness(linkedPair({ fetchRate: 20, lag: 600, produceRate: 30 }));
    const t0 = (await h.admin<{ now: number }>("GET", "/clock")).body.now;
    const res = await act("dst", "d-link", "promote", ["orders"]);
    expect(res.data[0]).toMatchObject({ error_code: null, error_message: null });
    expect(totalLag(res.data[0]?.mirror_lags ?? [])).toBe(600);
    expect((await mirror("dst", "d-link", "orders")).mirror_status).toBe("PENDING_STOPPED");
    await h.advance(5_000);
    const mid = await mirror("dst", "d-link", "orders");
    expect(mid.mirror_status).toBe("PENDING_STOPPED");
    expect(maxLag(mid)).toBeGreaterThan(0);
    await h.advance(60_000);
    const done = await mirror("dst", "d-link", "orders");
    expect(done.mirror_status).toBe("STOPPED");
    expect(done.mirror_lags.every((l) => l.lag === 0)).toBe(true);
    expect(done.state_time_ms).toBeGreaterThan(t0 + 5_000);
    expect(done.state_time_ms).toBeLessThan(t0 + 65_000);
    // At the moment it stopped, the mirror held every message of the source.
    const stoppedAt = done.mirror_lags.map((l) => l.last_source_fetch_offset);
    const frozen = await endOffsets("dst", "orders");
    expect(frozen).toEqual(stoppedAt);
    // A STOPPED topic is a normal topic: producers may write to it, the source no longer reaches it.
    expect((await h.admin("PUT", "/clusters/dst/topics/orders/produce-rate", { messagesPerSecond: 60 })).status).toBe(200);
    await h.advance(10_000);
    const grown = await endOffsets("dst", "orders");
    expect(grown.reduce((a, b) => a + b, 0) - frozen.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(597);
    const again = await act("dst", "d-link", "promote", ["orders"]);
    expect(again.data[0]).toMatchObject({ error_code: 400 });
    expect(again.data[0]?.error_message).toMatch(/already stopped/);
  });

  it("promote fails per topic when the source is unreachable; failover stops at once and abandons the lag", async () => {
    h = await startHarness(linkedPair({ fetchRate: 1, lag: 900, produceRate: 30 }));
    await h.advance(1_000);
    expect((await h.admin("POST", "/clusters/src/stop")).status).toBe(200);
    const promote = await act("dst", "d-link", "promote", ["orders", "ghost"]);
    expect(promote.data).toHaveLength(2);
    expect(promote.data[0]).toMatchObject({ mirror_topic_name: "orders", error_code: 400 });
    expect(promote.data[0]?.error_message).toMatch(/failover/);
    expect(promote.data[1]).toMatchObject({ mirror_topic_name: "ghost", error_code: 404 });

    const failover = await act("dst", "d-link", "failover", ["orders"]);
    expect(failover.data[0]).toMatchObject({ error_code: null });
    const abandoned = totalLag(failover.data[0]?.mirror_lags ?? []);
    expect(abandoned).toBeGreaterThan(800);
    const m = await mirror("dst", "d-link", "orders");
    expect(m.mirror_status).toBe("STOPPED");
    expect(totalLag(m.mirror_lags)).toBe(abandoned);
    const frozen = await endOffsets("dst", "orders");
    await h.admin("POST", "/clusters/src/start");
    await h.advance(60_000);
    expect(await endOffsets("dst", "orders")).toEqual(frozen);
  });

  it("selects mirrors by regex pattern", async () => {
    h = await startHarness("seed-dr-chain");
    const res = body<ListJson<ActionItemJson>>(
      await h.rest("jump").post(`${h.base("jump")}/links/primary-to-jump/mirrors:pause`, { mirror_topic_name_pattern: "mirror_me_.*" }),
      200,
    );
    expect(res.data.map((d) => d.mirror_topic_name).sort()).toEqual(["mirror_me_orders", "mirror_me_payments"]);
    const paused = body<ListJson<MirrorJson>>(await h.rest("jump").get(`${h.base("jump")}/links/-/mirrors?mirror_status=PAUSED`), 200);
    expect(paused.data.map((m) => m.mirror_topic_name).sort()).toEqual(["mirror_me_orders", "mirror_me_payments"]);
  });

  it("a mirror of a mirror follows the chain: pausing the middle freezes the end", async () => {
    h = await startHarness("seed-dr-chain");
    await act("jump", "primary-to-jump", "pause", ["my_test_topic"]);
    const before = await endOffsets("dr", "my_test_topic");
    await h.advance(30_000);
    const dr = await mirror("dr", "jump-to-dr", "my_test_topic");
    expect(dr.mirror_status).toBe("ACTIVE");
    expect(maxLag(dr)).toBe(0);
    expect(await endOffsets("dr", "my_test_topic")).toEqual(before);
    expect(maxLag(await mirror("jump", "primary-to-jump", "my_test_topic"))).toBeGreaterThan(0);
    await act("jump", "primary-to-jump", "resume", ["my_test_topic"]);
    await h.advance(10_000);
    expect(await endOffsets("dr", "my_test_topic")).toEqual(await endOffsets("primary", "my_test_topic"));
  });
});

describe("bidirectional: reverse and truncate-and-restore", () => {
  it("reverse-and-start turns the remote source into an ACTIVE mirror of the local topic", async () => {
    h = await startHarness("active-active");
    const res = await act("us-west", "east-west", "reverse-and-start-mirror", ["east.orders"]);
    expect(res.data[0]).toMatchObject({ error_code: null });
    expect((await mirror("us-west", "east-west", "east.orders")).mirror_status).toBe("PENDING_STOPPED");
    await h.advance(2_000);
    expect((await mirror("us-west", "east-west", "east.orders")).mirror_status).toBe("STOPPED");
    const reversed = await mirror("us-east", "east-west", "orders");
    expect(reversed).toMatchObject({ mirror_status: "ACTIVE", source_topic_name: "east.orders", link_name: "east-west" });
    // Writes now go to us-west; us-east follows.
    expect((await h.admin("PUT", "/clusters/us-east/topics/orders/produce-rate", { messagesPerSecond: 5 })).status).toBe(400);
    await h.admin("PUT", "/clusters/us-west/topics/east.orders/produce-rate", { messagesPerSecond: 40 });
    await h.advance(30_000);
    expect(await endOffsets("us-east", "orders")).toEqual(await endOffsets("us-west", "east.orders"));

    const paused = await act("us-west", "east-west", "reverse-and-pause-mirror", ["east.payments"]);
    expect(paused.data[0]?.error_code).toBeNull();
    await h.advance(2_000);
    expect((await mirror("us-east", "east-west", "payments")).mirror_status).toBe("PAUSED");
  });

  it("reverse is refused per topic on a link that is not bidirectional", async () => {
    h = await startHarness(linkedPair());
    const res = await act("dst", "d-link", "reverse-and-start-mirror", ["orders"]);
    expect(res.data[0]).toMatchObject({ mirror_topic_name: "orders", error_code: 400 });
    expect(res.data[0]?.error_message).toMatch(/not a bidirectional link/);
    const t = await act("dst", "d-link", "truncate-and-restore", ["orders"]);
    expect(t.data[0]?.error_code).toBe(400);
  });

  it("truncate-and-restore cuts the diverged topic back to the failover point and mirrors it again", async () => {
    h = await startHarness("active-active");
    // us-west fails over while us-east keeps taking writes: the two now disagree.
    await act("us-west", "east-west", "failover", ["east.orders"]);
    const failoverPoint = await endOffsets("us-west", "east.orders");
    await h.admin("PUT", "/clusters/us-west/topics/east.orders/produce-rate", { messagesPerSecond: 12 });
    await h.advance(100_000);
    const diverged = await endOffsets("us-east", "orders");
    const expected = diverged.map((o, p) => o - (failoverPoint[p] ?? 0));
    expect(expected.every((n) => n > 0)).toBe(true);

    const dry = await act("us-east", "east-west", "truncate-and-restore", ["orders"], "?validate_only=true");
    expect(dry.data[0]).toMatchObject({ error_code: null, messages_truncated: expected.reduce((a, b) => a + b, 0) });
    expect(await endOffsets("us-east", "orders")).toEqual(diverged);

    const res = await act("us-east", "east-west", "truncate-and-restore", ["orders"], "?include_partition_level_truncation_data=true");
    const item = res.data[0];
    expect(item).toMatchObject({ mirror_topic_name: "orders", error_code: null, messages_truncated: expected.reduce((a, b) => a + b, 0) });
    for (const t of item?.partition_level_truncation_data ?? []) {
      expect(t.messages_truncated).toBe(expected[t.partition_id]);
      expect(t.offset_truncated_to).toBe(failoverPoint[t.partition_id]);
    }
    expect(await endOffsets("us-east", "orders")).toEqual(failoverPoint);

    expect((await mirror("us-east", "east-west", "orders")).mirror_status).toBe("PENDING_SETUP_FOR_RESTORE");
    await h.advance(2_000);
    expect((await mirror("us-east", "east-west", "orders")).mirror_status).toBe("PENDING_RESTORE");
    await h.advance(3_000);
    const restored = await mirror("us-east", "east-west", "orders");
    expect(restored).toMatchObject({ mirror_status: "ACTIVE", source_topic_name: "east.orders" });
    await h.advance(5_000);
    expect(await endOffsets("us-east", "orders")).toEqual(await endOffsets("us-west", "east.orders"));

    const none = await act("us-east", "east-west", "truncate-and-restore", ["payments"]);
    expect(none.data[0]?.error_message).toMatch(/no stopped mirror counterpart/);
  });
});

wire.declareTest();
