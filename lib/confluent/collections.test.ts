import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goCollection, goLink, goMirror, goPaths, goUnmanagedSource, goUnmanagedSourceBare } from "@/test/go-style/kafka-rest";
import { clusterConfig } from "@/test/fixture-server/fixtures";
import { startFixtureServer, type FixtureServer } from "@/test/fixture-server/server";
import { createConfluentClient, type ConfluentClient } from "./client";
import { describeUnreadableRows, type UnreadableRows } from "./collections";
import { ConfluentError } from "./errors";

let server: FixtureServer;
let client: ConfluentClient;

beforeAll(async () => {
  server = await startFixtureServer();
  client = createConfluentClient(clusterConfig(server.url, { id: "cluster-1" }), { sleep: async () => undefined });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

function answerLinks(body: unknown) {
  server.route({ method: "GET", path: goPaths.links("cluster-1"), respond: { status: 200, body } });
}

async function listLinks() {
  const reports: UnreadableRows[] = [];
  const links = await client.links.list({ onUnreadableRows: (r) => reports.push(r) });
  return { links, reports };
}

describe("lenient collections", () => {
  it("reads a Go server's link list: null lists are empty, nameless UNMANAGED_SOURCE rows are skipped unread", async () => {
    answerLinks(goCollection([goLink("a"), goUnmanagedSource, goUnmanagedSourceBare, goLink("b", { topic_names: ["t1"] })]));
    const { links, reports } = await listLinks();
    expect(links.map((l) => [l.linkName, l.topicNames])).toEqual([
      ["a", []],
      ["b", ["t1"]],
    ]);
    expect(reports).toEqual([]);
  });

  it("drops blank topic names instead of counting them as mirrors", async () => {
    answerLinks(goCollection([goLink("a", { topic_names: ["", " ", "t1"] })]));
    expect((await listLinks()).links[0]?.topicNames).toEqual(["t1"]);
  });

  it("leaves out a row that does not match its schema, keeps the rest, and reports which and why", async () => {
    const rows = ["a", "b", "c", "d", "e"].map((n) => goLink(n));
    answerLinks(goCollection([...rows, { ...goLink("f"), topic_names: 7 }]));
    const { links, reports } = await listLinks();
    expect(links.map((l) => l.linkName)).toEqual(["a", "b", "c", "d", "e"]);
    expect(reports).toEqual([{ request: "GET …/links", unreadable: 1, total: 6, firstIssue: "data.5.topic_names: expected array, received number" }]);
    expect(describeUnreadableRows(reports[0]!)).toBe("1 of 6 rows of GET …/links could not be read: data.5.topic_names: expected array, received number");
  });

  it("reads `data: null` as an empty collection", async () => {
    answerLinks(goCollection(null));
    expect(await listLinks()).toEqual({ links: [], reports: [] });
  });

  it.each([
    ["not JSON", "<html>gateway</html>"],
    ["not a collection", { error_code: 500, message: "boom" }],
    ["a bare array", [goLink("a")]],
  ])("still fails as a whole on an answer that is %s", async (_what, body) => {
    answerLinks(body);
    await expect(listLinks()).rejects.toSatisfy((e) => e instanceof ConfluentError && e.kind === "malformed");
  });

  it("reads a Go server's mirror list: null lags are no lags, an unreadable mirror is left out and reported", async () => {
    server.route({
      method: "GET",
      path: goPaths.allMirrors("cluster-1"),
      respond: { status: 200, body: goCollection([goMirror("a", "orders"), goMirror("a", "bad", { num_partitions: null })]) },
    });
    const reports: UnreadableRows[] = [];
    const mirrors = await client.mirrors.listAll({ onUnreadableRows: (r) => reports.push(r) });
    expect(mirrors.map((m) => [m.mirrorTopicName, m.lags, m.mirrorTopicError])).toEqual([["orders", [], null]]);
    expect(reports.map(describeUnreadableRows)).toEqual([
      "1 of 2 rows of GET …/links/-/mirrors could not be read: data.1.num_partitions: expected number, received null",
    ]);
  });
});
