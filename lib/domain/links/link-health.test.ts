import { describe, expect, it } from "vitest";
import type { FlowCauseCode } from "../mirrors/flow";
import { compareLinkRollupSeverity, isLinkErrorPresent, rollupLinkState, type LinkHealthSignals } from "./link-health";
import { emptyPartitionStates } from "../mirrors/mirror-states";
import type { LinkRollupState } from "../types";

function signals(overrides: Partial<LinkHealthSignals> = {}): LinkHealthSignals {
  return {
    flow: { flowing: true, cause: null },
    partitionStates: { ...emptyPartitionStates(), ACTIVE: 4 },
    hasProblems: false,
    ...overrides,
  };
}

const notFlowing = (code: FlowCauseCode) => ({ flow: { flowing: false, cause: { code, text: code } } });

describe("link_error", () => {
  it("is healthy when absent or NO_ERROR", () => {
    expect(isLinkErrorPresent(null)).toBe(false);
    expect(isLinkErrorPresent(undefined)).toBe(false);
    expect(isLinkErrorPresent("")).toBe(false);
    expect(isLinkErrorPresent("NO_ERROR")).toBe(false);
    expect(isLinkErrorPresent("TIMEOUT_ERROR")).toBe(true);
  });
});

describe("rollupLinkState: one vocabulary", () => {
  it("ACTIVE when data flows and nothing is wrong, DEGRADED when data flows and something else is wrong", () => {
    expect(rollupLinkState(signals())).toBe("ACTIVE");
    expect(rollupLinkState(signals({ hasProblems: true }))).toBe("DEGRADED");
  });

  it.each<[FlowCauseCode, LinkRollupState]>([
    ["network", "NOT_FLOWING"],
    ["source-down", "NOT_FLOWING"],
    ["destination-unread", "NOT_FLOWING"],
    ["link-unavailable", "NOT_FLOWING"],
    ["not-advancing", "NOT_FLOWING"],
    ["credentials", "FAILED"],
    ["configuration", "FAILED"],
    ["paused", "PAUSED"],
    ["unknown-state", "UNKNOWN"],
  ])("not flowing because of %s → %s (never DEGRADED: no data moves)", (code, state) => {
    expect(rollupLinkState(signals({ ...notFlowing(code), hasProblems: true }))).toBe(state);
  });

  it("PAUSED when it flows but every mirror partition that still mirrors is paused", () => {
    expect(rollupLinkState(signals({ partitionStates: { ...emptyPartitionStates(), PAUSED: 3, NOT_APPLICABLE: 1 } }))).toBe("PAUSED");
    expect(rollupLinkState(signals({ partitionStates: { ...emptyPartitionStates(), PAUSED: 3, ACTIVE: 1 }, hasProblems: true }))).toBe(
      "DEGRADED",
    );
  });
});

describe("compareLinkRollupSeverity", () => {
  it("sorts worst first", () => {
    const states: LinkRollupState[] = ["ACTIVE", "PAUSED", "UNKNOWN", "DEGRADED", "NOT_FLOWING", "FAILED"];
    expect([...states].sort(compareLinkRollupSeverity)).toEqual(["FAILED", "NOT_FLOWING", "DEGRADED", "UNKNOWN", "PAUSED", "ACTIVE"]);
  });
});
