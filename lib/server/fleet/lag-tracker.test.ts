import { describe, expect, it, vi } from "vitest";
import type { MirrorTopic } from "@/lib/confluent/types";
import { LagTracker } from "./lag-tracker";
import { halfKey, MirrorIndex } from "./mirror-index";
import type { MirrorFlowState } from "./staleness";

vi.mock("server-only", () => ({}));

const FLOWING: MirrorFlowState = { flowing: true, stopped: false, cause: null, staleSince: null };

/** One mirror of link "l" whose source produced `perSecond` messages a second since t = 0 and which is `lag` behind. */
function mirror(topic: string, atMs: number, perSecond: number, lag: number): MirrorTopic {
  const end = (atMs / 1000) * perSecond;
  return {
    linkName: "l",
    mirrorTopicName: topic,
    sourceTopicName: topic,
    numPartitions: 1,
    mirrorStatus: "ACTIVE",
    mirrorTopicError: null,
    stateTimeMs: 0,
    lags: [{ partition: 0, lag, lastSourceFetchOffset: end - lag }],
    stateTransitionErrors: null,
  };
}

function flows(states: ReadonlyMap<string, MirrorFlowState>): MirrorIndex<MirrorFlowState> {
  return new MirrorIndex(new Map([[halfKey("dr", "l"), states]]));
}

/** Readings every 10 s for a minute, so that the produce rate is known (minSpanMs 30 s). */
function warmed(tracker: LagTracker, flowing: MirrorIndex<MirrorFlowState>): { at: number; list: MirrorTopic[] } {
  let list: MirrorTopic[] = [];
  let at = 0;
  for (at = 10_000; at <= 60_000; at += 10_000) {
    list = [mirror("orders", at, 100, 500), mirror("audit", at, 10, 0)];
    tracker.update([{ cluster: "dr", asOf: at, mirrors: list }], flowing, at);
  }
  return { at: at - 10_000, list };
}

describe("LagTracker", () => {
  it("gives a cluster's estimates again, unchanged, while its reading and flows are those of the last derivation", () => {
    const tracker = new LagTracker(10 * 60_000);
    const states = new Map([
      ["orders", FLOWING],
      ["audit", FLOWING],
    ]);
    const { at, list } = warmed(tracker, flows(states));
    const first = tracker.update([{ cluster: "dr", asOf: at, mirrors: list }], flows(states), at + 1_000);
    expect(first.get("dr", "l", "orders")).toMatchObject({ seconds: 5, atLeast: false });
    const again = tracker.update([{ cluster: "dr", asOf: at, mirrors: list }], flows(states), at + 2_000);
    expect(again.half("dr", "l")).toBe(first.half("dr", "l"));
    // A new reading is estimated anew, even one whose list is the very same array.
    const next = tracker.update([{ cluster: "dr", asOf: at + 10_000, mirrors: list }], flows(states), at + 10_000);
    expect(next.half("dr", "l")).not.toBe(first.half("dr", "l"));
  });

  it("estimates again when a flow changed, and ages a stale mirror's floor with every derivation", () => {
    const tracker = new LagTracker(10 * 60_000);
    const { at, list } = warmed(tracker, flows(new Map([["orders", FLOWING]])));
    const stale = new Map([["orders", { flowing: false, stopped: false, cause: null, staleSince: at }]]);
    const cut = tracker.update([{ cluster: "dr", asOf: at, mirrors: list }], flows(stale), at + 10_000);
    expect(cut.get("dr", "l", "orders")).toMatchObject({ seconds: 15, atLeast: true });
    // The same reading and the same flows ten seconds later: the floor has grown by ten seconds.
    const later = tracker.update([{ cluster: "dr", asOf: at, mirrors: list }], flows(stale), at + 20_000);
    expect(later.get("dr", "l", "orders")).toMatchObject({ seconds: 25, atLeast: true });
  });

  it("with an aging step, ages a stale floor once a step, to the step's start, and gives the same half within it", () => {
    const tracker = new LagTracker(10 * 60_000, { agingStepMs: 5_000 });
    const { at, list } = warmed(tracker, flows(new Map([["orders", FLOWING]])));
    const stale = new Map([["orders", { flowing: false, stopped: false, cause: null, staleSince: at }]]);
    const cut = tracker.update([{ cluster: "dr", asOf: at, mirrors: list }], flows(stale), at + 11_000);
    // Aged to at + 10 s, the step's start: 5 s of lag plus 10 s stale. A floor aged to a moment past is still a floor.
    expect(cut.get("dr", "l", "orders")).toMatchObject({ seconds: 15, atLeast: true });
    const sameStep = tracker.update([{ cluster: "dr", asOf: at, mirrors: list }], flows(stale), at + 14_999);
    expect(sameStep.half("dr", "l")).toBe(cut.half("dr", "l"));
    const nextStep = tracker.update([{ cluster: "dr", asOf: at, mirrors: list }], flows(stale), at + 15_000);
    expect(nextStep.get("dr", "l", "orders")).toMatchObject({ seconds: 20, atLeast: true });
  });

  it("forgets the mirrors gone from a cluster's new reading, and only that cluster's", () => {
    const tracker = new LagTracker(10 * 60_000);
    const states = flows(
      new Map([
        ["orders", FLOWING],
        ["audit", FLOWING],
      ]),
    );
    const { at } = warmed(tracker, states);
    const next = at + 10_000;
    const onlyOrders = tracker.update([{ cluster: "dr", asOf: next, mirrors: [mirror("orders", next, 100, 500)] }], states, next);
    expect(onlyOrders.get("dr", "l", "audit")).toBeUndefined();
    // Back again: its rate was forgotten, so its seconds are unknown rather than guessed from the old readings.
    const back = next + 10_000;
    const both = tracker.update(
      [{ cluster: "dr", asOf: back, mirrors: [mirror("orders", back, 100, 500), mirror("audit", back, 10, 20)] }],
      states,
      back,
    );
    expect(both.get("dr", "l", "audit")?.seconds).toBeNull();
    expect(both.get("dr", "l", "orders")?.seconds).toBe(5);
  });
});
