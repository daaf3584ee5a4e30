/** Confluent Platform differences: legacy reverse action names, no configs:alter, no category_counts, id discovery. */
import { afterEach, describe, expect, it } from "vitest";
import { requestConformance } from "@/test/contract/conformance";
import { legacyActionResults, linkList, platformLink } from "@/test/fixture-server/bodies";
import { clusterConfig } from "@/test/fixture-server/fixtures";
import { startFixtureServer, type FixtureServer, type Route } from "@/test/fixture-server/server";
import { createConfluentClient } from "./client";
import { ConfluentError } from "./errors";

const LINK = "/kafka/v3/clusters/cluster-1/links/dr-link";
const ACTION_OK = legacyActionResults("dr-link", ["topic-sb", "topic-2"]);
const notFoundRoute = { status: 404, body: "Not Found", contentType: "text/plain" };
const linkNotFound = { status: 404, body: { error_code: 404, message: "Cluster link 'dr-link' does not exist" } };

const open: Array<{ close(): Promise<void> }> = [];
const servers: FixtureServer[] = [];
// Every request the client sent must be one the vendor spec documents (checked by the last test of the file).
const wire = requestConformance();
afterEach(async ({ task }) => {
  while (open.length) await open.pop()?.close();
  for (const s of servers.splice(0)) wire.record(task.name, s.requests);
});

async function setup(routes: Route[], cluster: Record<string, unknown> = {}) {
  const server = await startFixtureServer({ routes });
  servers.push(server);
  const client = createConfluentClient(clusterConfig(server.url, cluster), { sleep: async () => undefined });
  open.push(server, client);
  return { server, client };
}

describe("a Go server's empty answer to a mirror action", () => {
  it("data: null (a pattern that matched no mirror) is no result, not an unreadable answer", async () => {
    const { client } = await setup([
      { method: "POST", path: `${LINK}/mirrors:pause`, respond: { status: 200, body: { kind: "", metadata: { self: "" }, data: null } } },
    ]);
    const outcome = await client.mirrorActions.run("dr-link", "pause", { pattern: "nothing-.*" });
    expect(outcome).toEqual({ action: "pause", endpoint: "pause", validateOnly: false, results: [] });
  });

  it("an answer without data at all is still unreadable", async () => {
    const { client } = await setup([
      { method: "POST", path: `${LINK}/mirrors:pause`, respond: { status: 200, body: { kind: "", metadata: { self: "" } } } },
    ]);
    await expect(client.mirrorActions.run("dr-link", "pause", { pattern: "nothing-.*" })).rejects.toBeInstanceOf(ConfluentError);
  });
});

describe("reverse-* on an older Platform", () => {
  it("falls back to promote-local-and-start-remote-mirror on 404 and remembers it", async () => {
    const { server, client } = await setup([
      { method: "POST", path: `${LINK}/mirrors:reverse-and-start-mirror`, respond: notFoundRoute },
      { method: "POST", path: `${LINK}/mirrors:promote-local-and-start-remote-mirror`, respond: { status: 200, body: ACTION_OK } },
    ]);
    const first = await client.mirrorActions.run(
      "dr-link",
      "reverse-and-start-mirror",
      { topics: ["topic-sb", "topic-2"] },
      { validateOnly: true },
    );
    expect(first).toMatchObject({
      action: "reverse-and-start-mirror",
      endpoint: "promote-local-and-start-remote-mirror",
      validateOnly: true,
    });
    expect(first.results.map((r) => r.accepted)).toEqual([true, false]);
    expect(server.requests.map((r) => [r.path.split(":").pop(), r.query])).toEqual([
      ["reverse-and-start-mirror", { validate_only: "true" }],
      ["promote-local-and-start-remote-mirror", { validate_only: "true" }],
    ]);
    await client.mirrorActions.run("dr-link", "reverse-and-start-mirror", { topics: ["topic-sb"] });
    expect(server.requests).toHaveLength(3);
  });

  it("falls back for reverse-and-pause-mirror too", async () => {
    const { client } = await setup([
      { method: "POST", path: `${LINK}/mirrors:reverse-and-pause-mirror`, respond: notFoundRoute },
      { method: "POST", path: `${LINK}/mirrors:promote-local-and-pause-remote-mirror`, respond: { status: 200, body: ACTION_OK } },
    ]);
    expect((await client.mirrorActions.run("dr-link", "reverse-and-pause-mirror", { topics: ["topic-sb"] })).endpoint).toBe(
      "promote-local-and-pause-remote-mirror",
    );
  });

  it("an unknown link stays not-found; a missing route on both names is unsupported", async () => {
    const { client, server } = await setup([
      { method: "POST", path: `${LINK}/mirrors:reverse-and-start-mirror`, respond: linkNotFound },
      { method: "POST", path: `${LINK}/mirrors:promote-local-and-start-remote-mirror`, respond: linkNotFound },
    ]);
    const err = await client.mirrorActions.run("dr-link", "reverse-and-start-mirror", { topics: ["t"] }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      kind: "not-found",
      errorCode: 404,
      message: expect.stringContaining("Cluster link 'dr-link' does not exist"),
    });

    server.route({ method: "POST", path: `${LINK}/mirrors:reverse-and-start-mirror`, respond: notFoundRoute });
    server.route({ method: "POST", path: `${LINK}/mirrors:promote-local-and-start-remote-mirror`, respond: notFoundRoute });
    expect(await client.mirrorActions.run("dr-link", "reverse-and-start-mirror", { topics: ["t"] }).catch((e: unknown) => e)).toMatchObject(
      { kind: "unsupported", status: 404 },
    );
  });

  it("the legacy name needs explicit topic names", async () => {
    const { server, client } = await setup([{ method: "POST", path: `${LINK}/mirrors:reverse-and-start-mirror`, respond: notFoundRoute }]);
    const err = await client.mirrorActions.run("dr-link", "reverse-and-start-mirror", { pattern: ".*" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "unsupported" });
    expect(server.requests).toHaveLength(1);
  });

  it("truncate-and-restore missing on Platform is unsupported, and other actions never fall back", async () => {
    const { server, client } = await setup([
      { method: "POST", path: `${LINK}/mirrors:truncate-and-restore`, respond: notFoundRoute },
      { method: "POST", path: `${LINK}/mirrors:promote`, respond: { status: 405, body: "Method Not Allowed", contentType: "text/plain" } },
    ]);
    expect(await client.mirrorActions.run("dr-link", "truncate-and-restore", { topics: ["t"] }).catch((e: unknown) => e)).toMatchObject({
      kind: "unsupported",
      message: expect.stringContaining("does not serve the truncate-and-restore mirror action"),
    });
    expect(await client.mirrorActions.run("dr-link", "promote", { topics: ["t"] }).catch((e: unknown) => e)).toMatchObject({
      kind: "unsupported",
      status: 405,
    });
    expect(server.requests).toHaveLength(2);
    // include_partition_level_truncation_data is only sent with truncate-and-restore
    await client.mirrorActions
      .run("dr-link", "promote", { topics: ["t"] }, { includePartitionLevelTruncationData: true })
      .catch(() => undefined);
    expect(server.requests.at(-1)?.query).toEqual({});
  });
});

describe("configs:alter", () => {
  const configs = `${LINK}/configs`;
  const changes = [
    { name: "consumer.offset.sync.ms", operation: "SET", value: "10000" },
    { name: "acl.sync.enable", operation: "DELETE" },
    { name: "sasl.jaas.config", operation: "SET", value: "PlainLoginModule required password='pw-xyz-123';" },
  ] as const;

  it("is one PUT with {data:[{name,value,operation}]} and validate_only as a query parameter", async () => {
    const { server, client } = await setup([{ method: "PUT", path: `${configs}:alter`, respond: { status: 204 } }]);
    expect(await client.linkConfigs.alter("dr-link", changes, { validateOnly: true })).toEqual({
      atomic: true,
      applied: [],
      failed: null,
      notAttempted: [],
    });
    expect(server.requests[0]).toMatchObject({
      method: "PUT",
      query: { validate_only: "true" },
      body: {
        data: [
          { name: "consumer.offset.sync.ms", value: "10000", operation: "SET" },
          { name: "acl.sync.enable", operation: "DELETE" },
          changes[2],
        ],
      },
    });
  });

  it("on 405 falls back to per-config PUT/DELETE and reports what applied", async () => {
    const { server, client } = await setup([
      {
        method: "PUT",
        path: `${configs}:alter`,
        respond: { status: 405, body: { error_code: 405, message: "HTTP 405 Method Not Allowed" } },
      },
      { method: "PUT", path: `${configs}/consumer.offset.sync.ms`, respond: { status: 204 } },
      { method: "DELETE", path: `${configs}/acl.sync.enable`, respond: { status: 204 } },
      { method: "PUT", path: `${configs}/sasl.jaas.config`, respond: { status: 204 } },
    ]);
    expect(await client.linkConfigs.alter("dr-link", changes)).toEqual({
      atomic: false,
      applied: ["consumer.offset.sync.ms", "acl.sync.enable", "sasl.jaas.config"],
      failed: null,
      notAttempted: [],
    });
    expect(server.requests.map((r) => `${r.method} ${r.path.slice(configs.length)}`)).toEqual([
      "PUT :alter",
      "PUT /consumer.offset.sync.ms",
      "DELETE /acl.sync.enable",
      "PUT /sasl.jaas.config",
    ]);
    expect(server.requests[1]?.body).toEqual({ value: "10000" });
  });

  it("the fallback stops at the first failure", async () => {
    const { client } = await setup([
      { method: "PUT", path: `${configs}:alter`, respond: { status: 405, body: "Method Not Allowed", contentType: "text/plain" } },
      { method: "PUT", path: `${configs}/consumer.offset.sync.ms`, respond: { status: 204 } },
      { method: "DELETE", path: `${configs}/acl.sync.enable`, respond: { status: 400, body: { error_code: 400, message: "nope" } } },
    ]);
    const result = await client.linkConfigs.alter("dr-link", changes);
    expect(result).toMatchObject({
      atomic: false,
      applied: ["consumer.offset.sync.ms"],
      failed: { name: "acl.sync.enable" },
      notAttempted: ["sasl.jaas.config"],
    });
    expect(result.failed?.error).toBeInstanceOf(ConfluentError);
  });

  it("cannot validate without configs:alter", async () => {
    const { server, client } = await setup([
      { method: "PUT", path: `${configs}:alter`, respond: { status: 405, body: "Method Not Allowed", contentType: "text/plain" } },
    ]);
    expect(await client.linkConfigs.alter("dr-link", changes, { validateOnly: true }).catch((e: unknown) => e)).toMatchObject({
      kind: "unsupported",
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe("Platform link answers", () => {
  it("category_counts absent → null (the caller derives and labels a fallback)", async () => {
    const { client } = await setup([
      {
        method: "GET",
        path: "/kafka/v3/clusters/cluster-1/links/my-new-link-1",
        respond: { status: 200, body: platformLink("my-new-link-1") },
      },
    ]);
    const link = await client.links.get("my-new-link-1");
    expect(link.categoryCounts).toBeNull();
    expect(link.linkState).toBeNull();
    expect(link.clusterLinkId).toBe("t6Yk4pP3T1dn3Ac4e5f6gD");
  });
});

describe("cluster id", () => {
  const clusters = (ids: string[]) => ({
    kind: "KafkaClusterList",
    metadata: { self: "x", next: null },
    data: ids.map((id) => ({ kind: "KafkaCluster", metadata: { self: "x" }, cluster_id: id })),
  });

  it("is discovered once with GET /kafka/v3/clusters when the config gives none", async () => {
    const { server, client } = await setup(
      [
        { method: "GET", path: "/kafka/v3/clusters", respond: { status: 200, body: clusters(["Fds7TcT9TTqEXsoRLEKMcQ"]) } },
        {
          method: "GET",
          path: "/kafka/v3/clusters/Fds7TcT9TTqEXsoRLEKMcQ/links",
          respond: { status: 200, body: linkList("Fds7TcT9TTqEXsoRLEKMcQ") },
        },
      ],
      { id: undefined },
    );
    await Promise.all([client.links.list(), client.links.list()]);
    expect(await client.clusterId()).toBe("Fds7TcT9TTqEXsoRLEKMcQ");
    expect(server.requests.filter((r) => r.path === "/kafka/v3/clusters")).toHaveLength(1);
  });

  it("explains what to do when discovery cannot pick one", async () => {
    const { server, client } = await setup(
      [{ method: "GET", path: "/kafka/v3/clusters", respond: { status: 200, body: clusters(["a", "b"]) } }],
      { id: undefined },
    );
    expect(await client.clusterId().catch((e: unknown) => e)).toMatchObject({
      kind: "not-found",
      message: expect.stringContaining("serves 2 Kafka clusters (a, b); set id for test in the config"),
    });
    server.route({ method: "GET", path: "/kafka/v3/clusters", respond: notFoundRoute });
    expect(await client.clusterId().catch((e: unknown) => e)).toMatchObject({
      message: expect.stringContaining("Confluent Cloud has no GET /kafka/v3/clusters"),
    });
    server.route({ method: "GET", path: "/kafka/v3/clusters", respond: { status: 200, body: clusters(["c"]) } });
    expect(await client.clusterId()).toBe("c");
    expect(await client.clusters.listIds()).toEqual(["c"]);
  });
});

wire.declareTest();
