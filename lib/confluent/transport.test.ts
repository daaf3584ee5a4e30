import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { requestConformance } from "@/test/contract/conformance";
import { linkList } from "@/test/fixture-server/bodies";
import { clusterConfig } from "@/test/fixture-server/fixtures";
import { startFixtureServer, type FixtureServer, type Route } from "@/test/fixture-server/server";
import { createConfluentClient, type ConfluentClient, type ConfluentClientOptions } from "./client";
import type { ConfluentError } from "./errors";

const LINKS = "/kafka/v3/clusters/cluster-1/links";
const LINK_LIST = linkList();
const noSleep = { sleep: async () => undefined };

const open: Array<{ close(): Promise<void> }> = [];
const servers: FixtureServer[] = [];
// Every request the client sent must be one the vendor spec documents (checked by the last test of the file).
const wire = requestConformance();
afterEach(async ({ task }) => {
  while (open.length) await open.pop()?.close();
  for (const s of servers.splice(0)) wire.record(task.name, s.requests);
});

async function setup(routes: Route[], cluster: Record<string, unknown> = {}, options: ConfluentClientOptions = {}, prefix?: string, validate = true) {
  const server = await startFixtureServer({ routes, ...(prefix ? { prefix } : {}) });
  if (validate) servers.push(server);
  const client = createConfluentClient(clusterConfig(server.url, cluster), options);
  open.push(server, client);
  return { server, client };
}

const fail = (p: Promise<unknown>) => p.then(() => expect.fail("expected a ConfluentError"), (e: unknown) => e as ConfluentError);

describe("auth headers", () => {
  it("basic", async () => {
    const { server, client } = await setup([{ method: "GET", path: LINKS, respond: { status: 200, body: LINK_LIST } }], {
      auth: { type: "basic", username: "KEY", password: "SECRET" },
    });
    await client.links.list();
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from("KEY:SECRET").toString("base64")}`);
  });

  it("bearer", async () => {
    const { server, client } = await setup([{ method: "GET", path: LINKS, respond: { status: 200, body: LINK_LIST } }], {
      auth: { type: "bearer", token: "tok-123" },
    });
    await client.links.list();
    expect(server.requests[0]?.headers.authorization).toBe("Bearer tok-123");
  });

  it("none sends no Authorization header", async () => {
    const { server, client } = await setup([{ method: "GET", path: LINKS, respond: { status: 200, body: LINK_LIST } }]);
    await client.links.list();
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[0]?.headers.accept).toBe("application/json");
  });
});

describe("URLs", () => {
  it("keeps a path prefix in restUrl", async () => {
    const { server, client } = await setup([{ method: "GET", path: LINKS, respond: { status: 200, body: LINK_LIST } }], {}, {}, "/some/prefix");
    expect(server.url).toMatch(/\/some\/prefix$/);
    expect(await client.links.list()).toHaveLength(3);
    expect(server.requests[0]?.path).toBe(LINKS);
  });

  it("encodes names but keeps :action suffixes literal; link_name on create is a query parameter", async () => {
    const { server, client } = await setup([
      { method: "POST", path: "/kafka/v3/clusters/cluster-1/links/a%20b%2Fc/mirrors:pause", respond: { status: 200, body: { kind: "", metadata: { self: "" }, data: [] } } },
      { method: "POST", path: LINKS, respond: { status: 204 } },
      { method: "DELETE", path: "/kafka/v3/clusters/cluster-1/topics/t%231", respond: { status: 204 } },
    ]);
    await client.mirrorActions.run("a b/c", "pause", { topics: ["x"] }, { validateOnly: true });
    expect(server.requests[0]?.query).toEqual({ validate_only: "true" });
    await client.links.create("new.link_1", { sourceClusterId: "src" }, { validateLink: false });
    expect(server.requests[1]).toMatchObject({ path: LINKS, query: { link_name: "new.link_1", validate_link: "false" }, body: { source_cluster_id: "src" } });
    await client.topics.delete("t#1");
  });

  it("follows a non-null metadata.next defensively", async () => {
    const page = (names: string[], next: string | null) => ({
      kind: "KafkaLinkDataList",
      metadata: { self: "x", next },
      data: names.map((n) => ({ kind: "KafkaLinkData", metadata: { self: "x" }, link_name: n, cluster_link_id: `id-${n}`, topic_names: [] })),
    });
    const { client } = await setup([
      { method: "GET", path: LINKS, respond: { status: 200, body: page(["a"], `https://public.example/kafka/v3/clusters/cluster-1/links?page_token=2`) } },
      { method: "GET", path: LINKS, query: { page_token: "2" }, respond: { status: 200, body: page(["b"], `https://public.example/kafka/v3/clusters/cluster-1/links?page_token=2`) } },
    ], {}, {}, undefined, false); // no endpoint paginates today, so the spec knows no page_token
    expect((await client.links.list()).map((l) => l.linkName)).toEqual(["a", "b"]);
  });
});

describe("timeouts, concurrency, retries", () => {
  it("times out after the cluster's timeoutMs and does not retry a timeout", async () => {
    const { server, client } = await setup([{ method: "GET", path: LINKS, respond: { status: 200, body: LINK_LIST, delayMs: 600 } }], { timeoutMs: 150 }, noSleep);
    const started = Date.now();
    const err = await fail(client.links.list());
    expect(err).toMatchObject({ kind: "timeout", retriable: true });
    expect(err.message).toMatch(/^http:\/\/127\.0\.0\.1:\d+ did not answer GET \/kafka\/v3\/clusters\/cluster-1\/links within 150 ms\.$/);
    expect(Date.now() - started).toBeLessThan(500);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps at most maxInFlight requests in flight per cluster", async () => {
    const { server, client } = await setup([{ method: "GET", path: LINKS, respond: { status: 200, body: LINK_LIST, delayMs: 40 } }], {}, { maxInFlight: 3 });
    await Promise.all(Array.from({ length: 10 }, () => client.links.list()));
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight()).toBe(3);
  });

  it("retries a GET after 5xx, 429 and a dropped connection, with growing jittered delays", async () => {
    const delays: number[] = [];
    const answers = [{ status: 503, body: { error_code: 50003, message: "retriable" } }, { status: 429, body: "<html>slow down</html>", contentType: "text/html" }];
    const { server, client } = await setup(
      [{ method: "GET", path: LINKS, respond: (_req, hit) => answers[hit - 1] ?? { status: 200, body: LINK_LIST } }],
      {},
      { sleep: async (ms) => void delays.push(ms), random: () => 1, retryBaseDelayMs: 100 },
    );
    expect(await client.links.list()).toHaveLength(3);
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([100, 200]);

    server.route({ method: "GET", path: "/kafka/v3/clusters/cluster-1/topics", respond: (_r, hit) => (hit === 1 ? { status: 0, destroy: true } : { status: 200, body: { kind: "", metadata: { self: "" }, data: [] } }) });
    expect(await client.topics.list()).toEqual([]);
  });

  it("gives up after two retries", async () => {
    const { server, client } = await setup([{ method: "GET", path: LINKS, respond: { status: 500, body: { error_code: 500, message: "Internal Server Error" } } }], {}, noSleep);
    expect(await fail(client.links.list())).toMatchObject({ kind: "upstream", status: 500, errorCode: 500, retriable: true });
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ["POST", (c: ConfluentClient) => c.mirrorActions.run("l", "promote", { topics: ["t"] }), "/kafka/v3/clusters/cluster-1/links/l/mirrors:promote"],
    ["PUT", (c: ConfluentClient) => c.linkConfigs.set("l", "acl.sync.ms", "5000"), "/kafka/v3/clusters/cluster-1/links/l/configs/acl.sync.ms"],
    ["DELETE", (c: ConfluentClient) => c.links.delete("l"), "/kafka/v3/clusters/cluster-1/links/l"],
  ] as const)("never retries %s", async (method, call, path) => {
    const { server, client } = await setup([{ method, path, respond: { status: 503, body: { error_code: 503, message: "busy" } } }], {}, noSleep);
    expect(await fail(call(client))).toMatchObject({ kind: "upstream", status: 503 });
    server.route({ method, path, respond: { status: 0, destroy: true } });
    expect(await fail(call(client))).toMatchObject({ kind: "unreachable" });
    expect(server.requests).toHaveLength(2);
  });
});

describe("back-off for a cluster that keeps failing", () => {
  it("fails fast with the last error after 3 connection failures, then probes again after the cool-down", async () => {
    let now = 1_000_000;
    let down = true;
    const { server, client } = await setup(
      [{ method: "GET", path: LINKS, respond: () => (down ? { status: 0, destroy: true } : { status: 200, body: LINK_LIST }) }],
      {},
      { ...noSleep, breaker: { failureThreshold: 3, coolDownMs: 5_000, now: () => now } },
    );
    expect(await fail(client.links.list())).toMatchObject({ kind: "unreachable" });
    expect(server.requests).toHaveLength(3); // 1 + 2 retries: the breaker is now open

    const fast = await fail(client.links.list());
    expect(fast).toMatchObject({ kind: "unreachable", retriable: true });
    expect(fast.message).toMatch(/^Could not connect to http:\/\/127\.0\.0\.1:\d+: the connection was closed by the server; not retrying for 5 s after 3 failed attempts in a row\.$/);
    expect(server.requests).toHaveLength(3);

    now += 5_001;
    down = false;
    expect(await client.links.list()).toHaveLength(3);
    expect(server.requests).toHaveLength(4);
  });

  it("a refused connection is named in the message", async () => {
    const port = await freePort();
    const client = createConfluentClient(clusterConfig(`http://127.0.0.1:${port}`), noSleep);
    open.push(client);
    const err = await fail(client.links.list());
    expect(err).toMatchObject({ kind: "unreachable", retriable: true });
    expect(err.message).toBe(`Could not connect to http://127.0.0.1:${port}: connection refused.`);
  });
});

describe("bodies", () => {
  it("non-JSON 429 (text/html) becomes a retriable upstream error", async () => {
    const html = "<!DOCTYPE html><html><head><title>Error 429</title></head><body><h2>HTTP ERROR 429 Too Many Requests</h2></body></html>";
    const { client } = await setup([{ method: "GET", path: LINKS, respond: { status: 429, body: html, contentType: "text/html" } }], {}, noSleep);
    const err = await fail(client.links.list());
    expect(err).toMatchObject({ kind: "upstream", status: 429, retriable: true });
    expect(err.errorCode).toBeUndefined();
    expect(err.message).toMatch(/is rate-limiting requests \(HTTP 429\); try again shortly\.$/);
  });

  it("non-JSON 400 (text/plain, Platform) keeps the server's words", async () => {
    const { client } = await setup([{ method: "POST", path: LINKS, respond: { status: 400, body: "Unrecognized field \"bogus\"", contentType: "text/plain" } }]);
    const err = await fail(client.links.create("l", { sourceClusterId: "s" }));
    expect(err).toMatchObject({ kind: "bad-request", status: 400, retriable: false });
    expect(err.message).toContain('rejected POST /kafka/v3/clusters/cluster-1/links as invalid (HTTP 400: Unrecognized field "bogus").');
  });

  it("204 and empty 200 are success without parsing", async () => {
    const { client } = await setup([
      { method: "DELETE", path: `${LINKS}/a`, respond: { status: 204 } },
      { method: "DELETE", path: `${LINKS}/b`, respond: { status: 200 } },
      { method: "DELETE", path: "/kafka/v3/clusters/cluster-1/links/c/configs/acl.sync.ms", respond: { status: 204 } },
    ]);
    await expect(client.links.delete("a", { force: true })).resolves.toBeUndefined();
    await expect(client.links.delete("b")).resolves.toBeUndefined();
    await expect(client.linkConfigs.reset("c", "acl.sync.ms")).resolves.toBeUndefined();
  });

  it("status codes map to kinds", async () => {
    const body = (code: number) => ({ error_code: code, message: "m" });
    const { client, server } = await setup([]);
    for (const [status, kind, code] of [[401, "unauthorized", 40101], [403, "forbidden", 40301], [404, "not-found", 404], [409, "conflict", 409], [405, "unsupported", 405], [400, "unsupported", 40035], [422, "bad-request", 422]] as const) {
      server.route({ method: "GET", path: `${LINKS}/x`, respond: { status, body: body(code) } });
      expect(await fail(client.links.get("x"))).toMatchObject({ kind, status, errorCode: code, retriable: false });
    }
  });

  it("malformed: not JSON, wrong shape (with the zod path), empty, or too large", async () => {
    const { client, server } = await setup([], {}, { maxBodyBytes: 2_000 });
    server.route({ method: "GET", path: LINKS, respond: { status: 200, body: "<html>login page</html>", contentType: "text/html" } });
    expect((await fail(client.links.list())).message).toMatch(/answered GET \/kafka\/v3\/clusters\/cluster-1\/links with text\/html that is not JSON\.$/);

    // A single resource is read whole (a list is read row by row: collections.test.ts).
    server.route({ method: "GET", path: `${LINKS}/l`, respond: { status: 200, body: { link_name: 7, cluster_link_id: "x", topic_names: [] } } });
    const shape = await fail(client.links.get("l"));
    expect(shape).toMatchObject({ kind: "malformed", status: 200, retriable: false });
    expect(shape.message).toMatch(/does not match the Kafka REST v3 schema at link_name: .*expected string/);

    server.route({ method: "GET", path: LINKS, respond: { status: 200 } });
    expect((await fail(client.links.list())).message).toMatch(/with an empty body where JSON was expected\.$/);

    server.route({ method: "GET", path: LINKS, respond: { status: 200, body: { data: [], padding: "x".repeat(5_000) } } });
    expect(await fail(client.links.list())).toMatchObject({ kind: "malformed", message: expect.stringContaining("with more than 2 KB; Linkscope does not read bodies that large.") });
  });
});

describe("no secrets in messages", () => {
  it("scrubs the password, the token and written credential configs from server-echoed errors", async () => {
    const jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username='K' password='hunter22';";
    const { client, server } = await setup([], { auth: { type: "basic", username: "apikey", password: "s3cr3t-pass" } });
    server.route({ method: "POST", path: LINKS, respond: { status: 400, body: { error_code: 400, message: `bad sasl.jaas.config=${jaas} for s3cr3t-pass` } } });
    const err = await fail(client.links.create("l", { sourceClusterId: "s", configs: [{ name: "sasl.jaas.config", value: jaas }] }));
    expect(err.message).not.toContain("hunter22");
    expect(err.message).not.toContain("s3cr3t-pass");
    expect(err.message).toContain("***");
    expect(JSON.stringify(err)).not.toContain("s3cr3t");
  });

  it("never shows userinfo from restUrl", async () => {
    const port = await freePort();
    const client = createConfluentClient(clusterConfig(`http://user:pw-in-url@127.0.0.1:${port}/p`), noSleep);
    open.push(client);
    const err = await fail(client.links.list());
    expect(err.message).not.toContain("pw-in-url");
    expect(err.message).not.toContain("user");
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

wire.declareTest();
