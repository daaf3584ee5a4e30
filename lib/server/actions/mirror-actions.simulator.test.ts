import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { createConfluentClient, type ConfluentClient } from "@/lib/confluent/client";
import { LinkscopeConfigSchema } from "@/lib/config/schema";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { AuditLog } from "../audit/audit-log";
import { SqliteStore } from "../store/sqlite-store";
import { MirrorActionService, type MirrorActionCommand } from "./mirror-action-service";

// The action service against the simulator: real sockets, the vendor's state machines, time driven by the admin API.

interface Fleet {
  sim: RunningSimulator;
  service: MirrorActionService;
  clients: Map<string, ConfluentClient>;
  audit: AuditLog;
  store: SqliteStore;
  dir: string;
}

let fleet: Fleet | undefined;

async function startFleet(scenario: string): Promise<Fleet> {
  const sim = await startSimulator({ scenario, basePort: 0, adminPort: 0, clock: "manual" });
  const config = LinkscopeConfigSchema.parse(parseYaml(sim.configYaml()));
  const clients = new Map(config.clusters.map((c) => [c.name, createConfluentClient({ ...c, timeoutMs: 2000 }, { maxRetries: 0 })]));
  const dir = mkdtempSync(path.join(tmpdir(), "linkscope-actions-"));
  const store = new SqliteStore(path.join(dir, "audit.db"));
  const audit = new AuditLog({ store, owner: "test/1", leaseMs: 30_000, emit: () => {} });
  const service = new MirrorActionService({
    isConfigured: (name) => clients.has(name),
    actionsFor: (name) => clients.get(name)!.mirrorActions,
    audit,
    store,
    replica: "test/1",
    invalidate: () => {},
  });
  fleet = { sim, service, clients, audit, store, dir };
  return fleet;
}

afterEach(async () => {
  if (!fleet) return;
  for (const c of fleet.clients.values()) await c.close();
  await fleet.store.close();
  await fleet.sim.stop();
  rmSync(fleet.dir, { recursive: true, force: true });
  fleet = undefined;
});

async function admin(f: Fleet, method: string, p: string, body?: unknown) {
  const res = await fetch(f.sim.adminUrl + p, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });
  if (!res.ok) throw new Error(`admin ${method} ${p}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}
const advance = (f: Fleet, ms: number) => admin(f, "POST", "/clock", { advanceMs: ms });
const mirror = (f: Fleet, cluster: string, link: string, topic: string) => f.clients.get(cluster)!.mirrors.get(link, topic, { includeStateTransitionErrors: true });

const run = (f: Fleet, over: Partial<MirrorActionCommand>) =>
  f.service.run({
    cluster: "jump",
    link: "primary-to-jump",
    action: "promote",
    topics: ["my_test_topic"],
    validateOnly: false,
    idempotencyKey: null,
    actor: { user: "sre", role: "operator" },
    ...over,
  });

describe("mirror actions against the simulated seed chain", () => {
  it("promote waits in PENDING_STOPPED until the lag is zero, then STOPPED", async () => {
    const f = await startFleet("seed-dr-chain");
    // A slow link builds a backlog: 20 msg/s produced, 1 msg/s per partition fetched.
    await admin(f, "PUT", "/clusters/jump/links/primary-to-jump/fetch-rate", { messagesPerSecond: 1 });
    await advance(f, 60_000);
    const before = await mirror(f, "jump", "primary-to-jump", "my_test_topic");
    const lag = before.lags.reduce((s, l) => s + l.lag, 0);
    expect(lag).toBeGreaterThan(0);

    const dry = await run(f, { validateOnly: true });
    expect(dry.response.results[0]).toMatchObject({ ok: true, totalLag: lag });
    expect((await mirror(f, "jump", "primary-to-jump", "my_test_topic")).mirrorStatus).toBe("ACTIVE");

    const { response } = await run(f, {});
    expect(response.results[0]).toMatchObject({ topic: "my_test_topic", ok: true });
    await advance(f, 5_000);
    expect((await mirror(f, "jump", "primary-to-jump", "my_test_topic")).mirrorStatus).toBe("PENDING_STOPPED");

    // Producers stopped, the link freed: it catches up, and only then stops.
    await admin(f, "PUT", "/clusters/primary/topics/my_test_topic/produce-rate", { messagesPerSecond: 0 });
    await admin(f, "PUT", "/clusters/jump/links/primary-to-jump/fetch-rate", { messagesPerSecond: 1000 });
    await advance(f, 10_000);
    const after = await mirror(f, "jump", "primary-to-jump", "my_test_topic");
    expect(after.mirrorStatus).toBe("STOPPED");
    expect(after.lags.every((l) => l.lag === 0)).toBe(true);
    expect((await f.audit.list({ limit: 10 })).map((e) => [e.action, e.validateOnly, e.outcome])).toEqual([
      ["promote", false, "succeeded"],
      ["promote", true, "succeeded"],
    ]);
  });

  it("failover stops at once and abandons the lag, which the result reports", async () => {
    const f = await startFleet("seed-dr-chain");
    await admin(f, "PUT", "/clusters/dr/links/jump-to-dr/fetch-rate", { messagesPerSecond: 1 });
    await advance(f, 60_000);
    const { response } = await run(f, { cluster: "dr", link: "jump-to-dr", action: "failover" });
    expect(response.results[0]?.ok).toBe(true);
    expect(response.results[0]?.totalLag).toBeGreaterThan(0);
    const after = await mirror(f, "dr", "jump-to-dr", "my_test_topic");
    expect(after.mirrorStatus).toBe("STOPPED");
    expect(after.lags.reduce((s, l) => s + l.lag, 0)).toBeGreaterThan(0);
  });

  it("promote with the source cluster stopped fails per topic, in an HTTP 200 answer, and changes nothing", async () => {
    const f = await startFleet("seed-dr-chain");
    await admin(f, "POST", "/clusters/primary/stop");
    const { response } = await run(f, { topics: ["my_test_topic", "mirror_me_orders", "no_such_topic"] });
    expect(response.batches).toBe(1);
    expect(response.outcome).toBe("failed");
    expect(response.results.map((r) => [r.topic, r.ok, r.errorCode])).toEqual([
      ["my_test_topic", false, "rejected"],
      ["mirror_me_orders", false, "rejected"],
      ["no_such_topic", false, "rejected"],
    ]);
    expect(response.results[0]?.message).toMatch(/source cluster cannot be reached.*Use failover instead/);
    expect((await mirror(f, "jump", "primary-to-jump", "my_test_topic")).mirrorStatus).toBe("ACTIVE");
    expect((await f.audit.list({ limit: 1 }))[0]).toMatchObject({ outcome: "failed", results: [{ name: "my_test_topic", ok: false, errorCode: "rejected" }, expect.anything(), expect.anything()] });
  });

  it("a stopped hosting cluster fails the whole batch as cluster-unreachable", async () => {
    const f = await startFleet("seed-dr-chain");
    await admin(f, "POST", "/clusters/jump/stop");
    const { response } = await run(f, { action: "failover", topics: ["my_test_topic", "mirror_me_orders"] });
    expect(response.results.map((r) => r.errorCode)).toEqual(["cluster-unreachable", "cluster-unreachable"]);
  });

  it("pause and resume reach PAUSED and ACTIVE", async () => {
    const f = await startFleet("seed-dr-chain");
    await run(f, { action: "pause" });
    expect((await mirror(f, "jump", "primary-to-jump", "my_test_topic")).mirrorStatus).toBe("PAUSED");
    await run(f, { action: "resume" });
    expect((await mirror(f, "jump", "primary-to-jump", "my_test_topic")).mirrorStatus).toBe("ACTIVE");
  });
});

describe("failback on the active-active pair", () => {
  it("a truncate-and-restore dry run after a failover shows what would be truncated per partition, and truncates nothing", async () => {
    const f = await startFleet("active-active");
    // us-west fails over its mirror of us-east's orders, while us-east keeps taking writes: the two diverge.
    const failover = await run(f, { cluster: "us-west", link: "east-west", action: "failover", topics: ["east.orders"] });
    expect(failover.response.results[0]?.ok).toBe(true);
    await advance(f, 30_000);

    const { response } = await run(f, { cluster: "us-east", link: "east-west", action: "truncate-and-restore", topics: ["orders"], validateOnly: true });
    const result = response.results[0]!;
    expect(result.ok).toBe(true);
    expect(result.messagesTruncated).toBeGreaterThan(0);
    expect(result.partitions?.length).toBeGreaterThan(0);
    expect(result.partitions?.reduce((s, p) => s + p.messagesTruncated, 0)).toBe(result.messagesTruncated);
    for (const p of result.partitions ?? []) expect(p.offsetTruncatedTo).toBeGreaterThan(0);

    // Nothing happened: the local topic is still a plain topic, not a restoring mirror.
    await expect(f.clients.get("us-east")!.mirrors.get("east-west", "orders")).rejects.toMatchObject({ kind: "not-found" });
    const again = await run(f, { cluster: "us-east", link: "east-west", action: "truncate-and-restore", topics: ["orders"], validateOnly: true });
    expect(again.response.results[0]?.messagesTruncated).toBeGreaterThanOrEqual(result.messagesTruncated ?? 0);
  });

  it("reverse-and-start swaps the direction of a bidirectional mirror", async () => {
    const f = await startFleet("active-active");
    const { response } = await run(f, { cluster: "us-west", link: "east-west", action: "reverse-and-start", topics: ["east.orders"] });
    expect(response.results[0]?.ok).toBe(true);
    await advance(f, 5_000);
    expect((await mirror(f, "us-west", "east-west", "east.orders")).mirrorStatus).toBe("STOPPED");
    expect((await mirror(f, "us-east", "east-west", "orders")).mirrorStatus).toBe("ACTIVE");
  });
});
