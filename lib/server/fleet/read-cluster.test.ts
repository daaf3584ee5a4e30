import { describe, expect, it } from "vitest";
import type { ConfluentClient } from "@/lib/confluent/client";
import type { UnreadableRows } from "@/lib/confluent/collections";
import type { LinkHalf, MirrorTopic } from "@/lib/confluent/types";
import { ClusterConfigSchema } from "@/lib/config/schema";
import { readCluster, type ConfigsRead } from "./read-cluster";

const half = (linkName: string): LinkHalf => ({
  linkName,
  clusterLinkId: `id-${linkName}`,
  sourceClusterId: "lkc-src",
  destinationClusterId: null,
  remoteClusterId: "lkc-src",
  linkState: "ACTIVE",
  linkError: null,
  linkErrorMessage: null,
  topicNames: ["orders"],
  tasks: null,
  categoryCounts: null,
});

describe("readCluster", () => {
  it("asks for the cluster's mirror list before the per-link requests (the largest answer must not queue behind them)", async () => {
    const calls: string[] = [];
    const links = ["a", "b", "c"];
    /** Records the call, then answers. */
    const called = <T>(call: string, answer: T): T => {
      calls.push(call);
      return answer;
    };
    const client = {
      clusters: { get: async () => called("cluster", { clusterId: "lkc-1" }), listIds: async () => ["lkc-1"] },
      links: {
        list: async () => called("links", links.map(half)),
        get: async (name: string) => called(`link ${name}`, half(name)),
      },
      linkConfigs: { list: async (name: string) => called(`configs ${name}`, []) },
      mirrors: { listAll: async () => called("mirrors", []) },
    } as unknown as ConfluentClient;
    const cluster = ClusterConfigSchema.parse({ name: "dest", id: "lkc-1", restUrl: "http://127.0.0.1:1" });
    const reading = await readCluster(cluster, client, { lastKnownId: null, configsCache: (_key, load) => load() });
    expect(reading.halves.map((h) => h.linkName)).toEqual(links);
    expect(calls.slice(0, 2).sort()).toEqual(["cluster", "links"]);
    expect(calls[2]).toBe("mirrors");
    expect(calls.slice(3)).toHaveLength(6);
  });
});

describe("readCluster when a link's own answers fail", () => {
  it("keeps the listed half and says which answer is missing and why, instead of passing it off as not reported", async () => {
    const client = {
      clusters: { get: async () => ({ clusterId: "lkc-1" }), listIds: async () => ["lkc-1"] },
      links: {
        list: async () => [half("a"), half("b")],
        get: async (name: string) => {
          if (name === "a") throw new Error("http://dest answered GET …/links/a with application/json that is not JSON.");
          return { ...half(name), tasks: [] };
        },
      },
      linkConfigs: {
        list: async (name: string) => {
          if (name === "b") throw new Error("Timed out after 5 s.");
          return [];
        },
      },
      mirrors: { listAll: async () => [] },
    } as unknown as ConfluentClient;
    const cluster = ClusterConfigSchema.parse({ name: "dest", id: "lkc-1", restUrl: "http://127.0.0.1:1" });
    const reading = await readCluster(cluster, client, { lastKnownId: null, configsCache: (_key, load) => load() });
    const [a, b] = reading.halves;
    expect(a?.tasks).toBeNull();
    expect(a?.readProblems).toEqual([
      {
        code: "link-detail-unread",
        message:
          "could not read this link's details on dest (its tasks are not shown): http://dest answered GET …/links/a with application/json that is not JSON",
      },
    ]);
    expect(b?.tasks).toEqual([]);
    expect(b?.readProblems).toEqual([
      {
        code: "link-configs-unread",
        message: "could not read this link's configs on dest (its link and connection modes may be unknown): Timed out after 5 s",
      },
    ]);
    expect(reading.observation.status).toBe("ok");
  });
});

describe("readCluster against a Go-style server", () => {
  const cluster = ClusterConfigSchema.parse({ name: "dest", id: "lkc-1", restUrl: "http://127.0.0.1:1" });
  const configsCache = (_key: string, load: () => Promise<ConfigsRead>) => load();

  function fakeClient(overrides: { list?: LinkHalf[]; detail?: (name: string) => LinkHalf; mirrors?: () => Promise<MirrorTopic[]> }) {
    const asked: string[] = [];
    const client = {
      clusters: { get: async () => ({ clusterId: "lkc-1" }), listIds: async () => ["lkc-1"] },
      links: {
        list: async (options: { onUnreadableRows?: (r: UnreadableRows) => void }) => {
          options.onUnreadableRows?.({ request: "GET …/links", unreadable: 1, total: 3, firstIssue: "data.2.cluster_link_id: missing" });
          return overrides.list ?? [half("a")];
        },
        get: async (name: string) => overrides.detail?.(name) ?? half(name),
      },
      linkConfigs: { list: async () => [] },
      mirrors: {
        listAll: async () => {
          asked.push("links/-/mirrors");
          return (await overrides.mirrors?.()) ?? [];
        },
      },
    } as unknown as ConfluentClient;
    return { client, asked };
  }

  it("keeps a cluster with an unreadable row ok and says so as an unreadable-rows problem", async () => {
    const { client } = fakeClient({ list: [half("a"), half("b")] });
    const reading = await readCluster(cluster, client, { lastKnownId: null, configsCache });
    expect(reading.observation.status).toBe("ok");
    expect(reading.halves.map((h) => h.linkName)).toEqual(["a", "b"]);
    expect(reading.observation.problems).toEqual([
      { code: "unreadable-rows", message: "1 of 3 rows of GET …/links could not be read: data.2.cluster_link_id: missing." },
    ]);
  });

  it("asks links/-/mirrors although no listed link names a topic (Confluent Cloud lists topic_names: [])", async () => {
    const mirror: MirrorTopic = {
      linkName: "ui-test",
      mirrorTopicName: "orders",
      sourceTopicName: "orders",
      numPartitions: 1,
      mirrorStatus: "ACTIVE",
      mirrorTopicError: null,
      stateTimeMs: 0,
      lags: [{ partition: 0, lag: 3, lastSourceFetchOffset: 10 }],
      stateTransitionErrors: null,
    };
    const { client, asked } = fakeClient({ list: [{ ...half("ui-test"), topicNames: [] }], mirrors: async () => [mirror] });
    const reading = await readCluster(cluster, client, { lastKnownId: null, configsCache });
    expect(asked).toEqual(["links/-/mirrors"]);
    expect(reading.halves[0]?.mirrors?.map((m) => m.name)).toEqual(["orders"]);
  });

  it("does not ask for mirrors on a cluster that hosts only source halves", async () => {
    const source = { ...half("out"), sourceClusterId: null, destinationClusterId: "lkc-dst", remoteClusterId: "lkc-dst", topicNames: [] };
    const { client, asked } = fakeClient({ list: [source] });
    await readCluster(cluster, client, { lastKnownId: null, configsCache });
    expect(asked).toEqual([]);
  });

  it("keeps the listed name when the detail answer names another link, and says so on that half", async () => {
    const { client } = fakeClient({ list: [half("a"), half("b")], detail: () => ({ ...half("link-1"), clusterLinkId: "other" }) });
    const reading = await readCluster(cluster, client, { lastKnownId: null, configsCache });
    expect(reading.halves.map((h) => [h.linkName, h.clusterLinkId])).toEqual([
      ["a", "id-a"],
      ["b", "id-b"],
    ]);
    expect(reading.halves[0]?.readProblems).toEqual([
      { code: "link-name-mismatch", message: 'dest lists the link as "a" but its detail answer names it "link-1": shown as "a"' },
    ]);
  });
});
