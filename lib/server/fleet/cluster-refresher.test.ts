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
  /** Times (the fake clock's) at which reads started, asking at each of `asks`. */
  async function readsWhenAsked(phaseMs: number, asks: readonly number[]): Promise<number[]> {
    let now = 0;
    const started: number[] = [];
    const read = async () => {
      started.push(now);
      return reading("ok", []);
    };
    const refresher = new ClusterRefresher(read, 1_000, () => now, { phaseMs });
    for (const at of asks) {
      now = at;
      refresher.refreshIfStale();
      await landed();
    }
    return started;
  }
  const every = (step: number, from: number, to: number) => Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

  it("with many viewers, reads once per period just after the cluster's own moment", async () => {
    // The moment after the first read is within half a period of it, so that read is kept until 500.
    expect(await readsWhenAsked(250, every(50, 0, 3_000))).toEqual([0, 500, 1_250, 2_250]);
    expect(await readsWhenAsked(750, every(50, 0, 3_000))).toEqual([0, 750, 1_750, 2_750]);
  });

  it("reads on every poll of a lone viewer polling once a period, whatever the phase", async () => {
    expect(await readsWhenAsked(250, every(1_000, 0, 4_000))).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(await readsWhenAsked(0, every(1_000, 600, 3_600))).toEqual([600, 1_600, 2_600, 3_600]);
  });

  it("goes back to its own moment when many viewers follow a lone one, instead of keeping the reads in step", async () => {
    const asks = [...every(1_000, 0, 2_000), ...every(50, 2_050, 5_000)];
    expect(await readsWhenAsked(250, asks)).toEqual([0, 1_000, 2_000, 2_500, 3_250, 4_250]);
  });

  it("never asks a cluster again within half a period of its last answer", async () => {
    let now = 0;
    const started: number[] = [];
    const refresher = new ClusterRefresher(
      async () => {
        started.push(now);
        now += 900;
        return reading("ok", []);
      },
      1_000,
      () => now,
    );
    for (const at of every(50, 0, 2_000)) {
      now = Math.max(now, at);
      refresher.refreshIfStale();
      await landed();
    }
    // The read started at 0 lands at 900; the moment at 1,000 passes, but the next read waits until 1,400, half a
    // period after that answer.
    expect(started).toEqual([0, 1_400]);
  });
});
