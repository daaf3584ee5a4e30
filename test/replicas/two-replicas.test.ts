import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from "undici";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { z } from "zod";
import { REPLAYED_HEADER } from "@/lib/api/actions";
import { AuditResponseSchema } from "@/lib/api/audit";
import { ApiErrorBodySchema } from "@/lib/api/error-body";
import { buildIfNeeded } from "@/scripts/lib/build-if-needed";
import { startDashboard, stopChild } from "@/scripts/lib/start-dashboard";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { freePort, postgresAvailability, startPostgres, type PostgresServer } from "@/test/support/postgres-server";
import { nginxFor, nginxMainConfig, replicasExample } from "./readme-example";

// Two production dashboards (the standalone server, as deployed) on one PostgreSQL and one simulated fleet (the seed
// chain, manual clock). Upstream effects are counted by the simulator (GET /counters), never inferred from answers.
// The simulator's latency fault holds an action open where a test needs one running. README's nginx file (addresses
// and certificate replaced) sits in front of both, as the README tells operators to run them.

const { available } = postgresAvailability();
const root = path.resolve(import.meta.dirname, "../..");
const LEASE_SECONDS = 2;

const CountersSchema = z.object({ clusters: z.record(z.string(), z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()) })) });
const HealthSchema = z.object({ status: z.enum(["ok", "degraded"]), storage: z.object({ backend: z.enum(["sqlite", "postgres"]), reachable: z.boolean() }) });

let dir: string;
let pgServer: PostgresServer;
let sim: RunningSimulator;
const replicas: Record<"a" | "b", { url: string; child: ChildProcess | null }> = { a: { url: "", child: null }, b: { url: "", child: null } };
let output = "";
let nginx: { child: ChildProcess; url: string } | null = null;
const nginxAvailable = spawnSync("sh", ["-c", "command -v nginx && command -v openssl"], { stdio: "ignore" }).status === 0;
if (available && !nginxAvailable) {
  if (process.env.CI === "true") throw new Error("nginx or openssl is not installed; CI must run README's nginx example in front of the replicas");
  console.warn("SKIPPED: nginx or openssl is not installed; the replicas are not tested behind README's nginx file");
}
// The test's own self-signed certificate.
const insecure = new Agent({ connect: { rejectUnauthorized: false } });

/** README's nginx file in front of both replicas, on a free loopback port with a throwaway certificate. */
async function startNginx(): Promise<{ child: ChildProcess; url: string }> {
  const nginxDir = path.join(dir, "nginx");
  mkdirSync(nginxDir);
  // Workers run as nobody and must reach their temp directories.
  chmodSync(dir, 0o755);
  chmodSync(nginxDir, 0o755);
  const cert = path.join(nginxDir, "linkscope.crt");
  const key = path.join(nginxDir, "linkscope.key");
  const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", cert], { stdio: "ignore" });
  if (made.status !== 0) throw new Error("openssl could not make a test certificate");
  const port = await freePort();
  const server = nginxFor(replicasExample(root).nginx, { replicas: [replicas.a.url.replace("http://", ""), replicas.b.url.replace("http://", "")], listen: port, cert, key });
  const conf = path.join(nginxDir, "nginx.conf");
  writeFileSync(conf, nginxMainConfig(nginxDir, server));
  const child = spawn("nginx", ["-c", conf, "-p", nginxDir], { stdio: "ignore" });
  const url = `https://127.0.0.1:${port}`;
  await waitFor("nginx to answer", 15_000, async () => {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}`);
    return undiciFetch(`${url}/api/health`, { dispatcher: insecure }).then((r) => (r.ok ? true : null), () => null);
  });
  return { child, url };
}

async function admin(method: string, p: string, body?: unknown): Promise<unknown> {
  const res = await fetch(sim.adminUrl + p, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });
  if (!res.ok) throw new Error(`admin ${method} ${p}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Upstream requests whose route contains `fragment`, over the whole fleet. */
async function upstream(fragment: string): Promise<number> {
  const { clusters } = CountersSchema.parse(await admin("GET", "/counters"));
  return Object.values(clusters).reduce((n, c) => n + Object.entries(c.byRoute).reduce((m, [route, count]) => m + (route.includes(fragment) ? count : 0), 0), 0);
}

interface ActionInput {
  cluster: string;
  link: string;
  action: string;
  topics: string[];
  validateOnly: boolean;
  key?: string;
}

async function act(replica: "a" | "b", input: ActionInput): Promise<{ status: number; replayed: boolean; body: unknown }> {
  const res = await fetch(`${replicas[replica].url}/api/clusters/${input.cluster}/links/${input.link}/mirrors/actions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(input.key ? { "Idempotency-Key": input.key } : {}) },
    body: JSON.stringify({ action: input.action, topics: input.topics, validateOnly: input.validateOnly }),
  });
  return { status: res.status, replayed: res.headers.get(REPLAYED_HEADER) === "true", body: await res.json() };
}

async function auditOf(replica: "a" | "b", query = "limit=20") {
  const res = await fetch(`${replicas[replica].url}/api/audit?${query}`);
  expect(res.status).toBe(200);
  return AuditResponseSchema.parse(await res.json()).entries;
}

async function health(replica: "a" | "b") {
  const res = await fetch(`${replicas[replica].url}/api/health`);
  return { status: res.status, body: HealthSchema.parse(await res.json()) };
}

/** Polls (a real deadline: leases run on wall-clock time) until `probe` returns a value. */
async function waitFor<T>(what: string, deadlineMs: number, probe: () => Promise<T | null>): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startReplica(name: "a" | "b"): Promise<void> {
  const port = await freePort();
  const configFile = path.join(dir, name, "linkscope.config.yaml");
  replicas[name].child = await startDashboard({ root, configFile, port, onOutput: (chunk) => (output += chunk) });
  replicas[name].url = `http://127.0.0.1:${port}`;
}

describe.skipIf(!available)("two replicas on one PostgreSQL", () => {
  beforeAll(async () => {
    buildIfNeeded(root);
    dir = mkdtempSync(path.join(tmpdir(), "linkscope-replicas-"));
    pgServer = await startPostgres();
    sim = await startSimulator({ scenario: "seed-dr-chain", basePort: 0, adminPort: 0, clock: "manual" });
    // The URL (with its password) reaches the replicas through the environment, as the README tells operators to do.
    process.env.LINKSCOPE_TEST_DATABASE_URL = pgServer.url;
    for (const name of ["a", "b"] as const) {
      mkdirSync(path.join(dir, name));
      const config = parseYaml(sim.configYaml()) as Record<string, unknown>;
      writeFileSync(
        path.join(dir, name, "linkscope.config.yaml"),
        toYaml({
          ...config,
          // The polling below counts as changes; the default 60 a minute is not what is tested here.
          mutationsPerMinute: 10_000,
          storage: { backend: "postgres", url: "${LINKSCOPE_TEST_DATABASE_URL}", leaseSeconds: LEASE_SECONDS },
          history: { backend: "sqlite", allowPerReplica: true },
        }),
      );
    }
    // Both at once: the schema migrations must cope with a second replica starting at the same moment.
    await Promise.all([startReplica("a"), startReplica("b")]);
    if (nginxAvailable) nginx = await startNginx();
  }, 600_000);

  afterAll(async () => {
    if (nginx && nginx.child.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.child.once("exit", resolve));
      nginx.child.kill("SIGQUIT");
      await exited;
    }
    for (const r of Object.values(replicas)) if (r.child) await stopChild(r.child);
    await sim?.stop();
    await pgServer?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reports PostgreSQL, reachable, on both", async () => {
    for (const name of ["a", "b"] as const) expect(await health(name)).toEqual({ status: 200, body: { status: "ok", storage: { backend: "postgres", reachable: true } } });
  });

  it("lists on one replica the entry written through the other", async () => {
    const dry = await act("a", { cluster: "jump", link: "primary-to-jump", action: "pause", topics: ["my_test_topic"], validateOnly: true });
    expect(dry.status).toBe(200);
    const { auditId } = z.object({ auditId: z.number() }).parse(dry.body);
    const [entry] = await auditOf("b", "limit=1");
    expect(entry).toMatchObject({ id: auditId, action: "pause", validateOnly: true, outcome: "succeeded", target: "jump/primary-to-jump" });
  });

  it.skipIf(!nginxAvailable)("serves both replicas behind README's nginx file: a change made through it is listed by each replica", async () => {
    const through = (p: string, init: UndiciRequestInit = {}) => undiciFetch(`${nginx!.url}${p}`, { ...init, dispatcher: insecure });
    for (let i = 0; i < 4; i++) expect((await through("/api/health")).status).toBe(200);
    const res = await through("/api/clusters/jump/links/primary-to-jump/mirrors/actions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "resume", topics: ["my_test_topic"], validateOnly: true }),
    });
    expect(res.status).toBe(200);
    const { auditId } = z.object({ auditId: z.number() }).parse(await res.json());
    for (const name of ["a", "b"] as const) expect((await auditOf(name, "limit=1"))[0]?.id).toBe(auditId);
  });

  it("sends the same failover, given to both at once, to the cluster once; the other replica answers 409 naming who started it; a replay of the winner's key on the other replica gets the first answer", async () => {
    await admin("POST", "/counters/reset");
    // The winner's request sits 1.5 s at the cluster, so the loser's arrives while the link is taken.
    await admin("PUT", "/clusters/dr/faults", { latencyMs: 1500 });
    const failover = { cluster: "dr", link: "jump-to-dr", action: "failover", topics: ["my_test_topic"], validateOnly: false };
    const [fromA, fromB] = await Promise.all([act("a", { ...failover, key: "failover-from-a" }), act("b", { ...failover, key: "failover-from-b" })]);
    await admin("DELETE", "/clusters/dr/faults");

    expect([fromA.status, fromB.status].sort()).toEqual([200, 409]);
    expect(await upstream("failover")).toBe(1);
    const [winner, loser] = fromA.status === 200 ? (["a", "b"] as const) : (["b", "a"] as const);
    const lost = ApiErrorBodySchema.parse((winner === "a" ? fromB : fromA).body);
    expect(lost.error.code).toBe("conflict");
    expect(lost.error.message).toMatch(/^Another action is running on link jump-to-dr of dr \(anonymous started a failover of 1 topic at \d\d:\d\d:\d\d UTC on replica [^)]+\/\d+\)/);
    const won = winner === "a" ? fromA : fromB;
    expect(won.body).toMatchObject({ action: "failover", validateOnly: false, outcome: "succeeded" });

    // The same key on the other replica: the first answer, nothing sent upstream.
    const replay = await act(loser, { ...failover, key: `failover-from-${winner}` });
    expect(replay.status).toBe(200);
    expect(replay.replayed).toBe(true);
    expect(replay.body).toEqual(won.body);
    expect(await upstream("failover")).toBe(1);
    // The same key with a different request is refused wherever it arrives.
    const reused = await act(loser, { ...failover, validateOnly: true, key: `failover-from-${winner}` });
    expect(reused.status).toBe(409);
    expect(ApiErrorBodySchema.parse(reused.body).error.message).toMatch(/already used for a different request/);
    // Newest first: the reused key, the replay, then the winner's entry and the loser's refusal (in either order).
    const outcomes = (await auditOf(winner, "limit=4&action=failover")).map((e) => e.outcome);
    expect(outcomes.slice(0, 2)).toEqual(["denied", "duplicate"]);
    expect(outcomes.slice(2).sort()).toEqual(["denied", "succeeded"]);
  });

  it("frees the link within the lease when a replica dies mid-action, and the entry reads interrupted", async () => {
    // The action sits at the cluster long enough to kill its replica while it runs.
    await admin("PUT", "/clusters/jump/faults", { latencyMs: 20_000 });
    const pause = { cluster: "jump", link: "primary-to-jump", action: "pause", topics: ["my_test_topic"], validateOnly: false };
    void act("a", pause).catch(() => {
      // The replica is killed under this request.
    });
    const pending = await waitFor("the pending entry on replica b", 10_000, async () => (await auditOf("b", "limit=1&outcome=pending"))[0] ?? null);
    expect(pending).toMatchObject({ action: "pause", validateOnly: false, target: "jump/primary-to-jump" });
    const held = await act("b", { ...pause, validateOnly: true });
    expect(held.status).toBe(409);
    expect(ApiErrorBodySchema.parse(held.body).error.message).toMatch(/anonymous started a pause of 1 topic/);

    replicas.a.child!.kill("SIGKILL");
    const killedAt = Date.now();
    await admin("DELETE", "/clusters/jump/faults");
    const freed = await waitFor("the link to be free on replica b", 15_000, async () => {
      const attempt = await act("b", { ...pause, validateOnly: true });
      return attempt.status === 409 ? null : attempt;
    });
    const elapsed = Date.now() - killedAt;
    expect(freed.status).toBe(200);
    // The lease is renewed every third of it, so it runs out at most LEASE_SECONDS after the kill (plus scheduling slack).
    expect(elapsed).toBeLessThan(LEASE_SECONDS * 1000 + 2_000);
    const after = (await auditOf("b", "limit=5&outcome=interrupted")).find((e) => e.id === pending.id);
    expect(after).toMatchObject({ outcome: "interrupted", error: expect.stringMatching(/stopped before the outcome was recorded/) });
  });

  it("refuses every change with 503 audit-unavailable while PostgreSQL is down, keeps reads working, and recovers when it is back", async () => {
    await admin("POST", "/counters/reset");
    await pgServer.halt();
    expect(await health("b")).toEqual({ status: 200, body: { status: "degraded", storage: { backend: "postgres", reachable: false } } });
    const topology = await fetch(`${replicas.b.url}/api/topology`);
    expect(topology.status).toBe(200);
    const refused = [
      await act("b", { cluster: "jump", link: "primary-to-jump", action: "resume", topics: ["my_test_topic"], validateOnly: false }),
      await act("b", { cluster: "jump", link: "primary-to-jump", action: "resume", topics: ["my_test_topic"], validateOnly: true, key: "while-down" }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(503);
      expect(ApiErrorBodySchema.parse(r.body).error.code).toBe("audit-unavailable");
    }
    const deleted = await fetch(`${replicas.b.url}/api/clusters/jump/links/primary-to-jump?validateOnly=true`, { method: "DELETE" });
    expect(deleted.status).toBe(503);
    expect(await upstream(":resume")).toBe(0);

    await pgServer.start();
    const back = await waitFor("replica b to write again", 15_000, async () => {
      const r = await act("b", { cluster: "jump", link: "primary-to-jump", action: "resume", topics: ["my_test_topic"], validateOnly: true, key: "while-down" });
      return r.status === 503 ? null : r;
    });
    expect(back.status).toBe(200);
    expect((await health("b")).body.status).toBe("ok");
  });

  it("never writes the database password to a log", () => {
    expect(output).toContain("shared store ready (postgres, PostgreSQL at 127.0.0.1:");
    expect(output).not.toContain(pgServer.password);
  });
});
