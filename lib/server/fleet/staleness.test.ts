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
    expect(first.update(topology(true), mirrors, 1_000).get("cloud/onprem-to-cloud/orders")).toMatchObject({
      flowing: true,
      staleSince: null,
    });

    const cut = topology(false);
    const flows = first.update(cut, mirrors, 2_000);
    expect(cut.links[0]?.staleSince).toBe(2_000);
    expect(flows.get("cloud/onprem-to-cloud/orders")).toMatchObject({ flowing: false, staleSince: 2_000, cause: { code: "network" } });
    expect(flows.get("cloud/onprem-to-cloud/old")).toMatchObject({ stopped: true, staleSince: null });

    // A restart: a new tracker on the same store still knows the outage began at 2,000.
    const later = topology(false);
    const afterRestart = new StalenessTracker(store).update(later, mirrors, 9_000);
    expect(later.links[0]?.staleSince).toBe(2_000);
    expect(afterRestart.get("cloud/onprem-to-cloud/orders")?.staleSince).toBe(2_000);

    // The cluster unread for a moment: its mirrors keep their time.
    new StalenessTracker(store).update(topology(false), new Map([["cloud", null]]), 10_000);
    expect(store.rows.get("cloud/onprem-to-cloud/orders")).toBe(2_000);

    const restored = topology(true);
    expect(new StalenessTracker(store).update(restored, mirrors, 12_000).get("cloud/onprem-to-cloud/orders")).toMatchObject({
      flowing: true,
      staleSince: null,
    });
    expect(restored.links[0]?.staleSince).toBeNull();
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
