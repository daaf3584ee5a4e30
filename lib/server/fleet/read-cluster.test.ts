import { describe, expect, it } from "vitest";
import type { ConfluentClient } from "@/lib/confluent/client";
import type { LinkHalf } from "@/lib/confluent/types";
import { ClusterConfigSchema } from "@/lib/config/schema";
import { readCluster } from "./read-cluster";

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
