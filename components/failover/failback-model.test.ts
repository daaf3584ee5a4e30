import { describe, expect, it } from "vitest";
import type { MirrorView } from "@/lib/api/links";
import { aCluster, aHalf, aMirror } from "@/lib/domain/testing/observations";
import { deriveTopology } from "@/lib/domain/topology/topology";
import { bidirectionalLinksOf, reverseCandidates, truncateCandidates } from "./failback-model";

const view = (name: string, status: string, sourceTopic = name): MirrorView => ({
  name,
  sourceTopic,
  status,
  partitions: 1,
  maxLag: 0,
  totalLag: 0,
  stateTimeMs: 0,
  error: null,
  flowing: true,
  staleSince: null,
  lagSeconds: null,
  problems: [],
});

describe("failback candidates", () => {
  it("finds the bidirectional links of a cluster and their other end", () => {
    const common = {
      linkName: "east-west",
      clusterLinkId: "EastWestLinkId00000001",
      linkMode: "BIDIRECTIONAL",
      connectionMode: "OUTBOUND",
    };
    const topology = deriveTopology(
      [aCluster("us-east", { id: "lkc-east" }), aCluster("us-west", { id: "lkc-west" })],
      [
        aHalf({ ...common, cluster: "us-east", remoteClusterId: "lkc-west", mirrors: [aMirror("west.orders")] }),
        aHalf({ ...common, cluster: "us-west", remoteClusterId: "lkc-east", mirrors: [aMirror("east.orders")] }),
      ],
      new Date(),
    );
    expect(bidirectionalLinksOf(topology, "us-west").map((x) => [x.link.name, x.remote])).toEqual([["east-west", "us-east"]]);
    expect(bidirectionalLinksOf(topology, "elsewhere")).toEqual([]);
  });

  it("offers only ACTIVE mirrors for a reverse", () => {
    expect(
      reverseCandidates([view("east.orders", "ACTIVE", "orders"), view("east.payments", "PAUSED", "payments")]).map((c) => c.topic),
    ).toEqual(["east.orders"]);
  });

  it("offers the local topics whose remote mirrors stopped, and local stopped mirrors, once each", () => {
    const remote = [view("east.orders", "STOPPED", "orders"), view("east.payments", "ACTIVE", "payments")];
    const local = [view("west.shipments", "STOPPED", "shipments"), view("west.orders", "ACTIVE", "orders")];
    expect(truncateCandidates(local, remote, "us-west")).toEqual([
      { topic: "orders", why: "us-west's mirror east.orders of it was stopped (failed over or promoted)" },
      { topic: "west.shipments", why: "this mirror of shipments was stopped; it can mirror again" },
    ]);
    expect(truncateCandidates(null, null, null)).toEqual([]);
  });
});
