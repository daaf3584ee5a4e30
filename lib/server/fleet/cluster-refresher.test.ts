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
