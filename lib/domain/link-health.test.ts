import { describe, expect, it } from "vitest";
import {
  compareLinkRollupSeverity,
  isFatalLinkError,
  isLinkErrorPresent,
  rollupLinkState,
  type LinkHealthSignals,
} from "./link-health";
import { emptyPartitionStates } from "./mirror-states";
import type { LinkRollupState } from "./types";

function signals(overrides: Partial<LinkHealthSignals> = {}): LinkHealthSignals {
  return {
    halfStates: ["ACTIVE"],
    halfErrors: [null],
    neededClusterUnreachable: false,
    partitionStates: { ...emptyPartitionStates(), ACTIVE: 4 },
    hasProblems: false,
    ...overrides,
  };
}

describe("link_error", () => {
  it("is healthy when absent or NO_ERROR", () => {
    expect(isLinkErrorPresent(null)).toBe(false);
    expect(isLinkErrorPresent(undefined)).toBe(false);
    expect(isLinkErrorPresent("")).toBe(false);
    expect(isLinkErrorPresent("NO_ERROR")).toBe(false);
    expect(isLinkErrorPresent("TIMEOUT_ERROR")).toBe(true);
  });

  it.each([
    ["AUTHENTICATION_ERROR", true],
    ["UNRESOLVABLE_BOOTSTRAP_ERROR", true],
    ["INVALID_BOOTSTRAP_INTERNAL_ENDPOINT_ERROR", true],
    ["BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR", true],
    ["TIMEOUT_ERROR", false],
    ["UNKNOWN", false],
    ["SOMETHING_NEW", false],
    ["NO_ERROR", false],
  ])("%s fatal: %s", (error, fatal) => {
    expect(isFatalLinkError(error)).toBe(fatal);
  });
});

describe("rollupLinkState", () => {
  it("is ACTIVE when every half is ACTIVE and nothing is wrong", () => {
    expect(rollupLinkState(signals())).toBe("ACTIVE");
  });

  it("is DEGRADED when ACTIVE but problems exist", () => {
    expect(rollupLinkState(signals({ hasProblems: true }))).toBe("DEGRADED");
  });

  it("is FAILED when a half is FAILED", () => {
    expect(rollupLinkState(signals({ halfStates: ["ACTIVE", "FAILED"], halfErrors: [null, null] }))).toBe("FAILED");
  });

  it("is FAILED on an authentication or bootstrap error even while the state still says ACTIVE", () => {
    expect(rollupLinkState(signals({ halfErrors: ["AUTHENTICATION_ERROR"] }))).toBe("FAILED");
    expect(rollupLinkState(signals({ halfStates: ["UNAVAILABLE"], halfErrors: ["UNRESOLVABLE_BOOTSTRAP_ERROR"] }))).toBe(
      "FAILED",
    );
  });

  it("judges health by link_error, not by state: an ACTIVE half with a timeout error is DEGRADED", () => {
    expect(rollupLinkState(signals({ halfErrors: ["TIMEOUT_ERROR"], hasProblems: true }))).toBe("DEGRADED");
  });

  it("is UNAVAILABLE when a half is UNAVAILABLE or a needed cluster is unreachable", () => {
    expect(rollupLinkState(signals({ halfStates: ["UNAVAILABLE"] }))).toBe("UNAVAILABLE");
    expect(rollupLinkState(signals({ neededClusterUnreachable: true, hasProblems: true }))).toBe("UNAVAILABLE");
  });

  it("is PAUSED when the link is paused or every mirroring partition is paused", () => {
    expect(rollupLinkState(signals({ halfStates: ["PAUSED"] }))).toBe("PAUSED");
    expect(rollupLinkState(signals({ partitionStates: { ...emptyPartitionStates(), PAUSED: 3, NOT_APPLICABLE: 1 } }))).toBe(
      "PAUSED",
    );
  });

  it("is not PAUSED when only some partitions are paused", () => {
    expect(
      rollupLinkState(signals({ partitionStates: { ...emptyPartitionStates(), PAUSED: 3, ACTIVE: 1 }, hasProblems: true })),
    ).toBe("DEGRADED");
  });

  it("is UNKNOWN when nothing is known or a half is in a state other than ACTIVE", () => {
    expect(rollupLinkState(signals({ halfStates: [], halfErrors: [] }))).toBe("UNKNOWN");
    expect(rollupLinkState(signals({ halfStates: ["UNKNOWN"] }))).toBe("UNKNOWN");
    expect(rollupLinkState(signals({ halfStates: ["ACTIVE", "SOMETHING_NEW"], halfErrors: [null, null] }))).toBe("UNKNOWN");
  });

  it("applies the precedence FAILED > UNAVAILABLE > PAUSED > UNKNOWN > DEGRADED > ACTIVE", () => {
    const all = signals({
      halfStates: ["FAILED", "UNAVAILABLE", "PAUSED", "WHATEVER"],
      halfErrors: [null, null, null, null],
      neededClusterUnreachable: true,
      hasProblems: true,
    });
    expect(rollupLinkState(all)).toBe("FAILED");
    expect(rollupLinkState({ ...all, halfStates: ["UNAVAILABLE", "PAUSED", "WHATEVER"] })).toBe("UNAVAILABLE");
    expect(rollupLinkState({ ...all, halfStates: ["PAUSED", "WHATEVER"], neededClusterUnreachable: false })).toBe("PAUSED");
    expect(rollupLinkState({ ...all, halfStates: ["WHATEVER"], neededClusterUnreachable: false })).toBe("UNKNOWN");
    expect(rollupLinkState({ ...all, halfStates: ["ACTIVE"], neededClusterUnreachable: false })).toBe("DEGRADED");
  });
});

describe("compareLinkRollupSeverity", () => {
  it("sorts worst first", () => {
    const states: LinkRollupState[] = ["ACTIVE", "PAUSED", "UNKNOWN", "DEGRADED", "UNAVAILABLE", "FAILED"];
    expect([...states].sort(compareLinkRollupSeverity)).toEqual([
      "FAILED",
      "UNAVAILABLE",
      "DEGRADED",
      "UNKNOWN",
      "PAUSED",
      "ACTIVE",
    ]);
  });
});
