import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AuditResponseSchema } from "@/lib/api/audit";
import { MirrorActionResponseSchema } from "@/lib/api/actions";
import type { RunningSimulator } from "@/simulator/index";
import { callRoute, startFleetForRoutes, type Handler } from "@/test/fuzz/route-harness";

// POST …/mirrors/actions and GET /api/audit as Next.js calls them, against the simulated seed chain.

let sim: RunningSimulator;
let post: Handler;
let getAudit: Handler;

beforeAll(async () => {
  sim = await startFleetForRoutes("seed-dr-chain");
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  post = (await import("./route")).POST as Handler;
  getAudit = (await import("@/app/api/audit/route")).GET as Handler;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await sim.stop();
});

const PARAMS = { cluster: "jump", link: "primary-to-jump" };

async function act(body: unknown, opts: { params?: Record<string, string>; headers?: Record<string, string>; raw?: string } = {}) {
  const res = await callRoute(
    post,
    { method: "POST", params: opts.params ?? PARAMS, body: opts.raw ?? JSON.stringify(body), headers: opts.headers },
    15_000,
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: JSON.parse(text) as Record<string, unknown> };
}

async function audit(query = "limit=100") {
  const res = await callRoute(getAudit, { method: "GET", params: {}, query });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function upstreamActionCalls(): Promise<number> {
  const res = await fetch(`${sim.adminUrl}/counters`);
  const { clusters } = (await res.json()) as { clusters: Record<string, { byRoute?: Record<string, number>; total: number }> };
  return Object.values(clusters).reduce(
    (n, c) =>
      n +
      Object.entries(c.byRoute ?? {})
        .filter(([k]) => k.includes("mirrors:"))
        .reduce((s, [, v]) => s + v, 0),
    0,
  );
}

async function mirrorStatus(topic: string): Promise<string> {
  const info = (await (await fetch(`${sim.adminUrl}/clusters/jump/topics/${topic}`)).json()) as {
    mirror?: { status?: string };
    mirrorStatus?: string;
  };
  return info.mirror?.status ?? info.mirrorStatus ?? "unknown";
}

const issues = (json: Record<string, unknown>) =>
  ((json.error as { details?: { issues?: Array<{ path: string; message: string }> } }).details?.issues ?? []).map((i) => i.path);

describe("POST /api/clusters/{cluster}/links/{link}/mirrors/actions", () => {
  it.each([
    ["action", { action: "explode", topics: ["my_test_topic"] }],
    ["topics", { action: "pause", topics: [] }],
    ["topics.0", { action: "pause", topics: ["bad name!"] }],
    ["topics", { action: "pause", topics: ["a", "a"] }],
    ["validateOnly", { action: "pause", topics: ["a"], validateOnly: "yes" }],
    ["", { action: "pause", topics: ["a"], extra: 1 }],
    ["idempotencyKey", { action: "pause", topics: ["a"], idempotencyKey: "has space" }],
  ])("rejects a bad %s with a 400 naming it", async (path, body) => {
    const { status, json } = await act(body);
    expect(status).toBe(400);
    expect((json.error as { code: string }).code).toBe("invalid-request");
    expect(issues(json)).toContain(path);
  });

  it("rejects malformed JSON, a bad link name, a bad header and a header that contradicts the body", async () => {
    expect((await act(null, { raw: "{not json" })).status).toBe(400);
    expect((await act({ action: "pause", topics: ["a"] }, { params: { cluster: "jump", link: "no spaces allowed" } })).status).toBe(400);
    expect((await act({ action: "pause", topics: ["a"] }, { headers: { "idempotency-key": "x y" } })).status).toBe(400);
    const both = await act({ action: "pause", topics: ["a"], idempotencyKey: "one" }, { headers: { "idempotency-key": "two" } });
    expect(both.status).toBe(400);
    expect((both.json.error as { message: string }).message).toMatch(/differ/);
  });

  it("refuses a non-JSON body and a cross-site request", async () => {
    expect((await act({ action: "pause", topics: ["a"] }, { headers: { "content-type": "text/plain" } })).status).toBe(400);
    const cross = await act({ action: "pause", topics: ["a"] }, { headers: { origin: "https://evil.example" } });
    expect(cross.status).toBe(403);
  });

  it("answers 404 for a cluster nobody configured", async () => {
    const { status, json } = await act({ action: "pause", topics: ["a"] }, { params: { cluster: "nowhere", link: "l" } });
    expect(status).toBe(404);
    expect((json.error as { code: string }).code).toBe("not-found");
  });

  it("is a dry run unless validateOnly is false", async () => {
    const { status, json } = await act({ action: "failover", topics: ["my_test_topic"] });
    expect(status).toBe(200);
    const body = MirrorActionResponseSchema.parse(json);
    expect(body).toMatchObject({
      action: "failover",
      validateOnly: true,
      outcome: "succeeded",
      results: [{ topic: "my_test_topic", ok: true }],
    });
    expect(await mirrorStatus("my_test_topic")).toBe("ACTIVE");
  });

  it("pauses and resumes for real, one result per topic in request order, with a per-topic failure for a topic that is not a mirror", async () => {
    const paused = MirrorActionResponseSchema.parse(
      (await act({ action: "pause", topics: ["no_such_topic", "my_test_topic"], validateOnly: false })).json,
    );
    expect(paused.results.map((r) => [r.topic, r.ok, r.errorCode ?? null])).toEqual([
      ["no_such_topic", false, "rejected"],
      ["my_test_topic", true, null],
    ]);
    expect(paused.outcome).toBe("partial");
    expect(await mirrorStatus("my_test_topic")).toBe("PAUSED");
    const resumed = MirrorActionResponseSchema.parse(
      (await act({ action: "resume", topics: ["my_test_topic"], validateOnly: false })).json,
    );
    expect(resumed.outcome).toBe("succeeded");
    expect(await mirrorStatus("my_test_topic")).toBe("ACTIVE");
  });

  it("answers a double submit with the same Idempotency-Key from one upstream call", async () => {
    const before = await upstreamActionCalls();
    const first = await act(
      { action: "pause", topics: ["mirror_me_payments"], validateOnly: true },
      { headers: { "idempotency-key": "drill-1" } },
    );
    const second = await act({ action: "pause", topics: ["mirror_me_payments"], validateOnly: true, idempotencyKey: "drill-1" });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.json).toEqual(first.json);
    expect(await upstreamActionCalls()).toBe(before + 1);
    const reused = await act({ action: "resume", topics: ["mirror_me_payments"] }, { headers: { "idempotency-key": "drill-1" } });
    expect(reused.status).toBe(409);
  });
});

describe("GET /api/audit", () => {
  it("lists every attempt newest first: real changes, dry runs, failures and refusals, without secrets", async () => {
    const { status, json } = await audit();
    expect(status).toBe(200);
    const { entries } = AuditResponseSchema.parse(json);
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
    const outcomes = new Set(entries.map((e) => e.outcome));
    for (const o of ["succeeded", "partial", "denied", "duplicate"]) expect(outcomes).toContain(o);
    const pause = entries.find((e) => e.action === "pause" && !e.validateOnly && e.outcome === "partial")!;
    expect(pause).toMatchObject({ user: "anonymous", target: "jump/primary-to-jump", cluster: "jump", link: "primary-to-jump" });
    expect(pause.results).toEqual([
      { name: "no_such_topic", ok: false, errorCode: "rejected", message: expect.any(String) },
      { name: "my_test_topic", ok: true },
    ]);
    const denied = entries.find((e) => e.outcome === "denied" && e.target === "nowhere/l")!;
    expect(denied.error).toMatch(/No cluster named "nowhere"/);
    const crossSite = entries.find((e) => e.outcome === "denied" && e.error?.includes("another origin"));
    expect(crossSite).toBeDefined();
    expect(JSON.stringify(entries)).not.toMatch(/password|jaas/i);
  });

  it("filters by action and outcome and limits", async () => {
    const dry = AuditResponseSchema.parse((await audit("action=failover")).json);
    expect(dry.entries.every((e) => e.action === "failover")).toBe(true);
    expect(dry.entries[0]?.validateOnly).toBe(true);
    const denied = AuditResponseSchema.parse((await audit("outcome=denied")).json);
    expect(denied.entries.every((e) => e.outcome === "denied")).toBe(true);
    expect(AuditResponseSchema.parse((await audit("limit=2")).json).entries).toHaveLength(2);
  });

  it("rejects a bad query with a 400", async () => {
    for (const q of ["limit=0", "limit=abc", "limit=100000", "outcome=great", "action=DROP%20TABLE", "other=1"]) {
      expect((await audit(q)).status, q).toBe(400);
    }
  });
});
