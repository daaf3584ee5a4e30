import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, startFleetForRoutes, type Call, type Handler } from "@/test/fuzz/route-harness";
import { kafkaCredentials, type KafkaCreds } from "@/test/support/simulated-fleet-deps";

// The write routes of issue 6 as Next.js calls them: validation 400s that name the field, and no secret in any
// answer or log line.

let sim: RunningSimulator;
const routes: Record<string, Handler> = {};
let cloud: KafkaCreds;
let logged: string[] = [];

beforeAll(async () => {
  sim = await startFleetForRoutes("demo");
  routes.createLink = (await import("@/app/api/links/route")).POST as Handler;
  routes.configs = (await import("@/app/api/clusters/[cluster]/links/[link]/configs/route")).PATCH as Handler;
  routes.deleteLink = (await import("@/app/api/clusters/[cluster]/links/[link]/route")).DELETE as Handler;
  routes.mirrors = (await import("@/app/api/clusters/[cluster]/links/[link]/mirrors/route")).POST as Handler;
  routes.topics = (await import("@/app/api/clusters/[cluster]/topics/route")).GET as Handler;
  routes.audit = (await import("@/app/api/audit/route")).GET as Handler;
  cloud = await kafkaCredentials(sim, "cloud");
});

afterAll(async () => {
  await sim.stop();
});

const capture = () => {
  logged = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
  // The audit log ships one JSON line per attempt on stdout.
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  });
};
afterEach(() => vi.restoreAllMocks());

async function call(route: string, { body, raw, ...c }: Omit<Partial<Call>, "body"> & { body?: unknown; raw?: string }) {
  const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const res = await callRoute(routes[route]!, { method: "POST", params: {}, ...c, ...(text === undefined ? {} : { body: text }) }, 30_000);
  const answer = await res.text();
  return { status: res.status, text: answer, json: JSON.parse(answer) as Record<string, unknown> };
}

const sasl = (c: KafkaCreds) => ({ securityProtocol: "SASL_SSL", saslMechanism: "PLAIN", username: c.username, password: c.password });
const good = () => ({
  name: "route-cloud-to-west",
  kind: "destination-initiated",
  source: "cloud",
  destination: "us-west",
  credentials: sasl(cloud),
});
const issuePaths = (json: Record<string, unknown>) =>
  ((json.error as { details: { issues: Array<{ path: string }> } }).details.issues ?? []).map((i) => i.path);

describe("POST /api/links validation", () => {
  it.each([
    ["name", { name: "bad name!" }],
    ["kind", { kind: "sideways" }],
    ["source.id", { source: { id: "not-an-id", bootstrap: "ext:9092" } }],
    ["source.bootstrap", { source: { id: "lkc-ext99", bootstrap: "no-port" } }],
    ["destination", { destination: "cloud" }],
    ["configs.auto.create.mirror.topics.filters", { configs: { "auto.create.mirror.topics.filters": '{"topic_filters": []}' } }],
    ["configs.cluster.link.prefix", { configs: { "cluster.link.prefix": "has space" } }],
    ["configs.cluster.link.prefix", { configs: { "cluster.link.prefix": "x".repeat(249) } }],
    ["configs.bootstrap.servers", { configs: { "bootstrap.servers": "a:1" } }],
    ["credentials.password", { credentials: { securityProtocol: "SASL_SSL", saslMechanism: "PLAIN", username: "k" } }],
    ["localCredentials", { kind: "source-initiated" }],
    ["destinationCredentials", { kind: "bidirectional" }],
    [
      "source",
      {
        kind: "source-initiated",
        source: { id: "lkc-ext99", bootstrap: "ext:9092" },
        localCredentials: sasl({ username: "a", password: "b" }),
      },
    ],
  ])("names %s", async (field, patch) => {
    const r = await call("createLink", { body: { ...good(), ...patch } });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: "invalid-request" });
    expect(issuePaths(r.json)).toContain(field);
  });

  it("names an unconfigured cluster and a missing bootstrap", async () => {
    const r = await call("createLink", { body: { ...good(), source: "atlantis" } });
    expect(r.status).toBe(400);
    expect((r.json.error as { message: string }).message).toMatch(/source: no cluster named "atlantis"/);
  });

  it("refuses cross-site and non-JSON requests", async () => {
    expect((await call("createLink", { body: good(), headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await call("createLink", { body: good(), headers: { "content-type": "text/plain" } })).status).toBe(400);
    expect((await call("createLink", { raw: "{not json" })).status).toBe(400);
  });

  it("a 400 never echoes a secret, even a malformed one", async () => {
    capture();
    const secret = "S3CRET-with'quote";
    const r = await call("createLink", { body: { ...good(), credentials: { ...sasl(cloud), password: secret } } });
    expect(r.status).toBe(400);
    expect(issuePaths(r.json)).toContain("credentials.password");
    expect(r.text).not.toContain(secret);
    expect(logged.join("\n")).not.toContain(secret);
    // Refused attempts are on record too, without the secret.
    const audit = await call("audit", { method: "GET", query: "limit=5" });
    expect(audit.text).toContain('"outcome":"denied"');
    expect(audit.text).not.toContain(secret);
  });
});

describe("POST /api/links against the fleet", () => {
  it("validates, creates, and neither answer nor log carries the secret", async () => {
    capture();
    const dry = await call("createLink", { body: { ...good(), validateOnly: true } });
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ ok: true, validateOnly: true });
    const made = await call("createLink", { body: good() });
    expect(made.json).toMatchObject({ ok: true, steps: [{ cluster: "us-west", status: "ok" }] });
    expect(JSON.stringify(made.json)).toContain("password='***'");
    const failed = await call("createLink", {
      body: { ...good(), name: "route-bad-creds", credentials: { ...sasl(cloud), password: "wrong-secret-456" } },
    });
    expect(failed.json).toMatchObject({ ok: false });
    for (const text of [dry.text, made.text, failed.text, logged.join("\n")]) {
      expect(text).not.toContain(cloud.password);
      expect(text).not.toContain("wrong-secret-456");
    }
    expect(logged.some((l) => l.includes('"action":"create-link"'))).toBe(true);
    const audit = await call("audit", { method: "GET", query: "limit=20" });
    expect(audit.text).not.toContain(cloud.password);
    expect(audit.text).not.toContain("wrong-secret-456");
    const entries = audit.json.entries as Array<{
      action: string;
      link: string;
      validateOnly: boolean;
      outcome: string;
      results: Array<{ ok: boolean }>;
    }>;
    expect(
      entries.filter((e) => e.action === "create-link" && e.link === "route-cloud-to-west").map((e) => [e.validateOnly, e.outcome]),
    ).toEqual(
      expect.arrayContaining([
        [true, "succeeded"],
        [false, "succeeded"],
      ]),
    );
    expect(entries.find((e) => e.link === "route-bad-creds")).toMatchObject({ outcome: "failed", results: [{ ok: false }] });
  });
});

describe("the other write routes", () => {
  const params = { cluster: "us-west", link: "route-cloud-to-west" };

  it("PATCH configs: read-only configs refused by name; sensitive values never echoed", async () => {
    const ro = await call("configs", { method: "PATCH", params, body: { set: { "link.mode": "SOURCE", "request.timeout.ms": "1" } } });
    expect(ro.status).toBe(400);
    expect(issuePaths(ro.json)).toEqual(expect.arrayContaining(["set.link.mode", "set.request.timeout.ms"]));
    capture();
    const jaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username='${cloud.username}' password='${cloud.password}';`;
    const ok = await call("configs", {
      method: "PATCH",
      params,
      body: { set: { "sasl.jaas.config": jaas, "consumer.offset.sync.ms": "15000" }, validateOnly: true },
    });
    expect(ok.status).toBe(200);
    expect(ok.text).not.toContain(cloud.password);
    expect(logged.join("\n")).not.toContain(cloud.password);
    const bad = await call("configs", { method: "PATCH", params, body: { set: { "consumer.offset.sync.enable": "maybe" } } });
    expect(issuePaths(bad.json)).toEqual(["set.consumer.offset.sync.enable"]);
  });

  it("POST mirrors: bad names are 400s, a dry run is checked locally", async () => {
    expect(issuePaths((await call("mirrors", { params, body: { topics: [{ source: "bad topic" }] } })).json)).toEqual(["topics.0.source"]);
    const dry = await call("mirrors", { params, body: { topics: [{ source: "orders" }], validateOnly: true } });
    expect(dry.json).toMatchObject({ validateOnly: true, checkedBy: "linkscope", results: [{ topic: "orders", ok: false }] });
  });

  it("GET topics lists a cluster's topics", async () => {
    const r = await call("topics", { method: "GET", params: { cluster: "onprem" } });
    expect((r.json.topics as Array<{ name: string }>).map((t) => t.name)).toContain("factory.sensors");
  });

  it("DELETE: bad query is a 400; validateOnly changes nothing; then the link goes", async () => {
    expect((await call("deleteLink", { method: "DELETE", params, query: "validateOnly=yes" })).status).toBe(400);
    const dry = await call("deleteLink", { method: "DELETE", params, query: "validateOnly=true" });
    expect(dry.json).toMatchObject({ validateOnly: true, ok: true });
    const gone = await call("deleteLink", { method: "DELETE", params, query: "force=true" });
    expect(gone.json).toMatchObject({ validateOnly: false, ok: true });
    expect((await call("deleteLink", { method: "DELETE", params })).status).toBe(404);
  });
});
