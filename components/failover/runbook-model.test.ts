import { describe, expect, it } from "vitest";
import type { LinkDetail, MirrorView } from "@/lib/api/links";
import { drChainClusters, drChainHalves } from "@/lib/domain/testing/dr-chain";
import { anUnreachableCluster } from "@/lib/domain/testing/observations";
import { deriveTopology } from "@/lib/domain/topology/topology";
import { linkReadinessInput, mirrorHosts, mirrorReadinessInput, sourceOffsetsFromHistory } from "./runbook-model";

const NOW = new Date("2026-11-21T15:00:00.000Z");
const topology = deriveTopology(drChainClusters(), drChainHalves(), NOW);

const detail = (over: Partial<LinkDetail> = {}): LinkDetail => ({
  id: "primary-to-jump@x",
  name: "primary-to-jump",
  clusterLinkId: "x",
  cluster: "jump",
  kind: "source-initiated",
  linkMode: "DESTINATION",
  connectionMode: "INBOUND",
  remoteCluster: "primary",
  state: "ACTIVE",
  error: null,
  errorMessage: null,
  mirrorCount: 1,
  tasks: [
    { name: "ConsumerOffsetSync", state: "ACTIVE", errors: [] },
    { name: "AclSync", state: "IN_ERROR", errors: [{ code: "MISCONFIGURATION_ERROR", message: "bad filter" }] },
  ],
  tasksReported: true,
  rpoSeconds: 300,
  configs: [
    { name: "consumer.offset.sync.enable", value: "true", isDefault: false, isReadOnly: false, isSensitive: false },
    { name: "acl.sync.enable", value: "true", isDefault: false, isReadOnly: false, isSensitive: false },
  ],
  partitionStates: { ACTIVE: 3, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 },
  partitionStatesSource: "reported",
  problems: [],
  asOf: NOW.getTime(),
  ...over,
});

const mirror = (over: Partial<MirrorView> = {}): MirrorView => ({
  flowing: true,
  staleSince: null,
  name: "my_test_topic",
  sourceTopic: "my_test_topic",
  status: "ACTIVE",
  partitions: 2,
  maxLag: 30,
  totalLag: 40,
  stateTimeMs: 0,
  error: null,
  lags: [
    { partition: 0, lag: 30, lastSourceFetchOffset: 1000 },
    { partition: 1, lag: 10, lastSourceFetchOffset: 500 },
  ],
  ...over,
});

describe("mirrorHosts", () => {
  it("lists the clusters that host mirrors, with their links, never a source half", () => {
    expect(mirrorHosts(topology).map((h) => [h.cluster, h.links.map((l) => l.name)])).toEqual([
      ["jump", ["primary-to-jump"]],
      ["dr", ["jump-to-dr"]],
    ]);
  });
});

describe("linkReadinessInput", () => {
  it("reads the source, its status, offset and ACL sync from topology and link detail", () => {
    expect(linkReadinessInput(topology, "jump", "primary-to-jump", detail())).toEqual({
      cluster: "jump",
      link: "primary-to-jump",
      linkState: "ACTIVE",
      linkError: null,
      sourceCluster: "primary",
      sourceClusterStatus: "ok",
      problems: [],
      flowing: true,
      cause: null,
      causeCode: null,
      offsetSync: { enabled: true, taskState: "ACTIVE", taskErrors: [] },
      aclSync: { enabled: true, taskState: "IN_ERROR", taskErrors: ["MISCONFIGURATION_ERROR: bad filter"] },
    });
  });

  it("knows a default (unset) sync is off, and that nothing is known without the detail", () => {
    const off = linkReadinessInput(topology, "jump", "primary-to-jump", detail({ configs: [], tasksReported: false }));
    expect(off.offsetSync).toEqual({ enabled: false, taskState: null, taskErrors: [] });
    expect(linkReadinessInput(topology, "jump", "primary-to-jump", undefined).offsetSync.enabled).toBeNull();
  });

  it("sees an unreachable source cluster", () => {
    const down = deriveTopology(
      [anUnreachableCluster("primary", { id: "lkc-pr1m4r" }), ...drChainClusters().slice(1)],
      drChainHalves(),
      NOW,
    );
    expect(linkReadinessInput(down, "jump", "primary-to-jump", detail())).toMatchObject({
      sourceClusterStatus: "unreachable",
      linkState: "DEGRADED",
    });
  });
});

describe("history to data at risk", () => {
  const S = 1000;
  const series = [
    {
      key: "my_test_topic/0",
      metric: "lastSourceFetchOffset" as const,
      points: [
        [0, 0],
        [60 * S, 600],
      ] as [number, number][],
    },
    {
      key: "my_test_topic/0",
      metric: "lag" as const,
      points: [
        [0, 0],
        [60 * S, 0],
      ] as [number, number][],
    },
    {
      key: "my_test_topic/1",
      metric: "lastSourceFetchOffset" as const,
      points: [
        [0, 0],
        [60 * S, 60],
      ] as [number, number][],
    },
    {
      key: "my_test_topic/1",
      metric: "lag" as const,
      points: [
        [0, 0],
        [60 * S, 0],
      ] as [number, number][],
    },
    { key: "other/0", metric: "lag" as const, points: [[0, 5]] as [number, number][] },
  ];

  it("pairs lag and fetch offsets per partition of this topic only", () => {
    const map = sourceOffsetsFromHistory("my_test_topic", series);
    expect([...map.keys()].sort()).toEqual([0, 1]);
    expect(map.get(0)).toEqual([
      [0, 0],
      [60 * S, 600],
    ]);
  });

  it("gives seconds when history exists, and says why not otherwise", () => {
    const withHistory = mirrorReadinessInput(mirror(), { kind: "loaded", series });
    // partition 0: 30 behind at 10/s = 3 s; partition 1: 10 behind at 1/s = 10 s → worst 10 s.
    expect(withHistory.atRisk).toMatchObject({ messages: 40, seconds: 10 });
    const without = mirrorReadinessInput(mirror(), { kind: "unavailable", reason: "lag history is off on this server" });
    expect(without.atRisk).toMatchObject({ messages: 40, seconds: null, unknownBecause: "lag history is off on this server" });
  });
});
