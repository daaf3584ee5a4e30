import { describe, expect, it, vi } from "vitest";
import { ClusterRefresher } from "./cluster-refresher";
import type { ClusterReading } from "./read-cluster";

vi.mock("server-only", () => ({}));

/** The read started by refreshIfStale has landed (it resolves at once here). */
const landed = () => new Promise((resolve) => setTimeout(resolve, 0));

function reading(status: "ok" | "unreachable", mirrors: ClusterReading["mirrors"]): ClusterReading {
  const observation = {
    name: "dr",
    id: "lkc-dr",
    displayName: "dr",
    network: null,
    region: null,
    status,
    error: null,
    problems: [],
    asOf: null,
    latencyMs: null,
    lastOkAt: null,
  };
  return { observation, halves: [], links: new Map(), mirrors };
}

describe("ClusterRefresher's last good reading", () => {
  it("keeps the last one with a mirror list when the cluster answered but went down before its mirror list", async () => {
    const answers = [reading("ok", []), reading("ok", null), reading("unreachable", null)];
    let now = 1_000;
    const refresher = new ClusterRefresher(
      async () => answers.shift() ?? reading("unreachable", null),
      100,
      () => now,
    );
    for (const at of [1_000, 2_000, 3_000]) {
      now = at;
      refresher.refreshIfStale();
      await landed();
    }
    expect(refresher.current()?.reading.observation.status).toBe("unreachable");
    expect(refresher.lastGood()?.asOf).toBe(1_000);
    expect(refresher.lastGood()?.reading.mirrors).toEqual([]);
  });

  it("takes an answer without a mirror list when no earlier one had one", async () => {
    let now = 1_000;
    const refresher = new ClusterRefresher(
      async () => reading("ok", null),
      100,
      () => now,
    );
    refresher.refreshIfStale();
    await landed();
    now = 2_000;
    refresher.refreshIfStale();
    await landed();
    expect(refresher.lastGood()?.asOf).toBe(2_000);
  });
});

describe("ClusterRefresher's period", () => {
  /** Times (the fake clock's) at which reads started, asking at every `step` ms from `from` to `to`. */
  async function readsWhileAsked(share: number | undefined, from: number, to: number, step: number): Promise<number[]> {
    let now = from;
    const started: number[] = [];
    const read = async () => {
      started.push(now);
      return reading("ok", []);
    };
    const refresher =
      share === undefined ? new ClusterRefresher(read, 1_000, () => now) : new ClusterRefresher(read, 1_000, () => now, share);
    for (; now <= to; now += step) {
      refresher.refreshIfStale();
      await landed();
    }
    return started;
  }

  it("refreshes a reading once per period, counted from when its read started", async () => {
    expect(await readsWhileAsked(undefined, 0, 3_000, 100)).toEqual([0, 1_000, 2_000, 3_000]);
  });

  it("shortens only the first period by the cluster's share, so the fleet's reads spread over the period", async () => {
    expect(await readsWhileAsked(0.25, 0, 3_000, 50)).toEqual([0, 250, 1_250, 2_250]);
    expect(await readsWhileAsked(0.75, 0, 3_000, 50)).toEqual([0, 750, 1_750, 2_750]);
  });
});
