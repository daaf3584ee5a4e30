import { describe, expect, it, vi } from "vitest";
import type { MirrorTopic } from "@/lib/confluent/types";
import type { Topology, TopologyLink } from "@/lib/domain/types";
import { StalenessTracker, type StaleSinceStore } from "./staleness";

vi.mock("server-only", () => ({}));

function memoryStore(): StaleSinceStore & { rows: Map<string, number> } {
  const rows = new Map<string, number>();
  return {
    rows,
    loadStaleSince: () => new Map(rows),
    saveStaleSince: (changes) => {
      for (const [k, v] of changes) v === null ? rows.delete(k) : rows.set(k, v);
    },
  };
}

function topology(flowing: boolean): Topology {
  const link = {
    id: "onprem-to-cloud@x",
    name: "onprem-to-cloud",
    halves: [
      {
        cluster: "cloud",
        linkMode: "DESTINATION",
        connectionMode: "INBOUND",
        state: "ACTIVE",
        error: flowing ? null : "TIMEOUT_ERROR",
        errorMessage: null,
      },
    ],
    flowing,
    cause: flowing ? null : "the network between them is cut",
    causeCode: flowing ? null : "network",
    staleSince: null,
  } as unknown as TopologyLink;
  return {
    generatedAt: "",
    asOf: null,
    clusters: [],
    links: [link],
    coverage: { hostingHalves: 1, unreadHalves: 1, staleHalves: 0, unreadClusters: 0 },
  };
}

const mirror = (name: string, status = "ACTIVE"): MirrorTopic => ({
  linkName: "onprem-to-cloud",
  mirrorTopicName: name,
  sourceTopicName: name,
  numPartitions: 1,
  mirrorStatus: status,
  mirrorTopicError: null,
  stateTimeMs: 0,
  lags: [{ partition: 0, lag: 0, lastSourceFetchOffset: 10 }],
  stateTransitionErrors: null,
});

describe("StalenessTracker", () => {
  it("keeps the first reading at which a link and its mirrors stopped flowing, across readings and restarts, and clears it when they flow", () => {
    const store = memoryStore();
    const mirrors = new Map([["cloud", [mirror("orders"), mirror("old", "STOPPED")]]]);
    const first = new StalenessTracker(store);
    expect(first.update(topology(true), mirrors, 1_000).get("cloud", "onprem-to-cloud", "orders")).toMatchObject({
      flowing: true,
      staleSince: null,
    });

    const cut = topology(false);
    const flows = first.update(cut, mirrors, 2_000);
    expect(cut.links[0]?.staleSince).toBe(2_000);
    expect(flows.get("cloud", "onprem-to-cloud", "orders")).toMatchObject({
      flowing: false,
      staleSince: 2_000,
      cause: { code: "network" },
    });
    expect(flows.get("cloud", "onprem-to-cloud", "old")).toMatchObject({ stopped: true, staleSince: null });

    // A restart: a new tracker on the same store still knows the outage began at 2,000.
    const later = topology(false);
    const afterRestart = new StalenessTracker(store).update(later, mirrors, 9_000);
    expect(later.links[0]?.staleSince).toBe(2_000);
    expect(afterRestart.get("cloud", "onprem-to-cloud", "orders")?.staleSince).toBe(2_000);

    // The cluster unread for a moment: its mirrors keep their time.
    new StalenessTracker(store).update(topology(false), new Map([["cloud", null]]), 10_000);
    expect(store.rows.get("cloud/onprem-to-cloud/orders")).toBe(2_000);

    const restored = topology(true);
    expect(new StalenessTracker(store).update(restored, mirrors, 12_000).get("cloud", "onprem-to-cloud", "orders")).toMatchObject({
      flowing: true,
      staleSince: null,
    });
    expect(restored.links[0]?.staleSince).toBeNull();
    expect(store.rows.size).toBe(0);
  });

  it("reuses a half's flows while its mirror list and link flow are unchanged, and judges it again when either changes", () => {
    const tracker = new StalenessTracker(null);
    const list = [mirror("orders"), mirror("paused", "PAUSED")];
    const mirrors = new Map([["cloud", list]]);
    const first = tracker.update(topology(true), mirrors, 1_000);
    const again = tracker.update(topology(true), mirrors, 2_000);
    expect(again.get("cloud", "onprem-to-cloud", "orders")).toBe(first.get("cloud", "onprem-to-cloud", "orders"));
    // The paused mirror is stale since the first reading; reusing its flow must not forget that.
    expect(again.get("cloud", "onprem-to-cloud", "paused")).toMatchObject({ flowing: false, staleSince: 1_000 });

    // The link stops flowing with the same list: every mirror is judged against the new flow.
    const cut = tracker.update(topology(false), mirrors, 3_000);
    expect(cut.get("cloud", "onprem-to-cloud", "orders")).toMatchObject({ flowing: false, staleSince: 3_000, cause: { code: "network" } });
    expect(cut.get("cloud", "onprem-to-cloud", "paused")).toMatchObject({ staleSince: 1_000 });

    // A new reading (a new list) in which the paused mirror resumed, while the link flows again.
    const resumed = tracker.update(topology(true), new Map([["cloud", [mirror("orders"), mirror("paused")]]]), 4_000);
    expect(resumed.get("cloud", "onprem-to-cloud", "paused")).toMatchObject({ flowing: true, staleSince: null });
    expect(resumed.get("cloud", "onprem-to-cloud", "orders")).toMatchObject({ flowing: true, staleSince: null });

    // A stale half reused as it was keeps its time (the cleanup of vanished mirrors must count it as seen).
    const stale = tracker.update(topology(false), new Map([["cloud", list]]), 5_000);
    const reused = tracker.update(topology(false), new Map([["cloud", list]]), 6_000);
    expect(reused.get("cloud", "onprem-to-cloud", "orders")).toBe(stale.get("cloud", "onprem-to-cloud", "orders"));
    expect(reused.get("cloud", "onprem-to-cloud", "orders")?.staleSince).toBe(5_000);
  });

  it("forgets a stale mirror gone from a new reading, and a deleted link, but nothing while every half is as it was", () => {
    const store = memoryStore();
    const tracker = new StalenessTracker(store);
    const list = [mirror("orders"), mirror("audit")];
    tracker.update(topology(false), new Map([["cloud", list]]), 1_000);
    tracker.update(topology(false), new Map([["cloud", list]]), 2_000);
    expect([...store.rows.keys()].sort()).toEqual([
      "cloud/onprem-to-cloud/audit",
      "cloud/onprem-to-cloud/orders",
      "link:onprem-to-cloud@x",
    ]);

    tracker.update(topology(false), new Map([["cloud", [mirror("orders")]]]), 3_000);
    expect(store.rows.has("cloud/onprem-to-cloud/audit")).toBe(false);
    expect(store.rows.get("cloud/onprem-to-cloud/orders")).toBe(1_000);

    const noLinks = { ...topology(false), links: [] };
    tracker.update(noLinks, new Map([["cloud", [mirror("orders")]]]), 4_000);
    expect(store.rows.size).toBe(0);
  });

  it("carries on in memory when the store fails", () => {
    const log = vi.fn();
    const broken: StaleSinceStore = {
      loadStaleSince: () => {
        throw new Error("disk");
      },
      saveStaleSince: () => {
        throw new Error("disk");
      },
    };
    const t = topology(false);
    new StalenessTracker(broken, log).update(t, new Map(), 5_000);
    expect(t.links[0]?.staleSince).toBe(5_000);
    expect(log).toHaveBeenCalledTimes(2);
  });
});
