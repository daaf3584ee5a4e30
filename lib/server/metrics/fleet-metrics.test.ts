import { describe, expect, it } from "vitest";
import type { Topology } from "@/lib/domain/types";
import { required } from "@/lib/domain/required";
import { fleetMetrics } from "./fleet-metrics";

const topology: Topology = {
  generatedAt: "2026-11-21T15:00:00.000Z",
  asOf: null,
  coverage: { hostingHalves: 0, unreadHalves: 0, staleHalves: 0, unreadClusters: 0 },
  clusters: [
    {
      name: "jump",
      id: "lkc-j",
      displayName: "JUMP",
      network: "public",
      region: null,
      status: "ok",
      error: null,
      problems: [],
      asOf: null,
      latencyMs: null,
      lastOkAt: null,
    },
    {
      name: "dr",
      id: "lkc-d",
      displayName: "DR",
      network: "private",
      region: null,
      status: "unreachable",
      error: "refused",
      problems: [],
      asOf: null,
      latencyMs: null,
      lastOkAt: null,
    },
  ],
  links: [
    {
      id: "jump-to-dr@abc",
      name: "jump-to-dr",
      clusterLinkId: "abc",
      kind: "destination-initiated",
      source: "jump",
      destination: "dr",
      connections: [{ from: "dr", to: "jump" }],
      flows: [{ from: "jump", to: "dr" }],
      halves: [],
      state: "DEGRADED",
      flowing: true,
      cause: null,
      causeCode: null,
      staleSince: null,
      rpoSeconds: null,
      maxLagSeconds: null,
      problems: [{ code: "link-error", message: 'a "quoted" problem' }],
      mirrorCount: 1,
      partitionStates: { ACTIVE: 2, PAUSED: 1, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 },
      partitionStatesSource: "reported",
      maxLag: 1200,
      totalLag: 1300,
    },
  ],
};

describe("fleetMetrics", () => {
  const text = fleetMetrics(
    topology,
    [{ cluster: "dr", link: "jump-to-dr", mirror: 'or"ders', status: "ACTIVE", maxLag: 1200, staleSince: null }],
    {
      halves: [],
      problems: [],
      nowMs: 0,
    },
  );

  it("exposes cluster reachability, one-hot link state, partitions and lag", () => {
    expect(text).toContain('linkscope_cluster_up{cluster="jump",status="ok"} 1');
    expect(text).toContain('linkscope_cluster_up{cluster="dr",status="unreachable"} 0');
    expect(text).toMatch(/linkscope_link_state\{link="jump-to-dr",.*state="DEGRADED"\} 1/);
    expect(text).toMatch(/linkscope_link_state\{link="jump-to-dr",.*state="ACTIVE"\} 0/);
    expect(text).toMatch(
      /linkscope_link_mirror_partitions\{link="jump-to-dr",.*source="jump",destination="dr",category="PAUSED",counts="reported"\} 1/,
    );
    expect(text).toMatch(/linkscope_link_max_lag_messages\{link="jump-to-dr".*\} 1200/);
  });

  it("says from when a lag figure is only a floor ('≥ N, as of T'), and nothing of the kind while it flows", () => {
    expect(text).not.toMatch(/^linkscope_link_lag_stale_since_timestamp_seconds\{/m);
    expect(text).not.toMatch(/^linkscope_mirror_lag_stale_since_timestamp_seconds\{/m);
    const link = required(topology.links[0], "the link");
    const stale = { ...topology, links: [{ ...link, flowing: false, state: "NOT_FLOWING" as const, staleSince: 1_764_000_000_000 }] };
    const staleText = fleetMetrics(
      stale,
      [{ cluster: "dr", link: "jump-to-dr", mirror: "orders", status: "ACTIVE", maxLag: 1200, staleSince: 1_764_000_000_000 }],
      { halves: [], problems: [], nowMs: 0 },
    );
    expect(staleText).toMatch(/^linkscope_link_lag_stale_since_timestamp_seconds\{link="jump-to-dr",.*\} 1764000000$/m);
    expect(staleText).toContain(
      'linkscope_mirror_lag_stale_since_timestamp_seconds{cluster="dr",link="jump-to-dr",mirror="orders",status="ACTIVE"} 1764000000',
    );
    // The lag series itself keeps its labels: a stopped link must not start a new series that alerts lose track of.
    expect(staleText).toContain('linkscope_mirror_max_lag_messages{cluster="dr",link="jump-to-dr",mirror="orders",status="ACTIVE"} 1200');
  });

  it("escapes label values", () => {
    expect(text).toContain('linkscope_mirror_max_lag_messages{cluster="dr",link="jump-to-dr",mirror="or\\"ders",status="ACTIVE"} 1200');
  });

  it("declares every metric's type and ends with a newline", () => {
    expect(text.match(/^# TYPE \S+ gauge$/gm)).toHaveLength(16);
    expect(text.endsWith("\n")).toBe(true);
  });
});
