import { describe, expect, it } from "vitest";
import {
  decideAction,
  displayStatus,
  metricsMirrorState,
  stateCategory,
  timedSuccessor,
  wantsToFetch,
  type LinkCondition,
} from "./mirror-state";

const healthy: LinkCondition = { flowing: true, sourceReachable: true, overlay: "none", linkMode: "DESTINATION", problem: null };
const down: LinkCondition = { flowing: false, sourceReachable: false, overlay: "none", linkMode: "DESTINATION", problem: "TIMEOUT_ERROR" };

describe("mirror state machine", () => {
  it("creation passes through PENDING_MIRROR to ACTIVE; restore through both restore phases", () => {
    expect(timedSuccessor("PENDING_MIRROR")).toBe("ACTIVE");
    expect(timedSuccessor("PENDING_SETUP_FOR_RESTORE")).toBe("PENDING_RESTORE");
    expect(timedSuccessor("PENDING_RESTORE")).toBe("ACTIVE");
    expect(timedSuccessor("ACTIVE")).toBeNull();
  });

  it("pause and resume toggle ACTIVE and PAUSED, idempotently", () => {
    expect(decideAction("pause", "t", "l", "ACTIVE", healthy)).toEqual({ ok: true, effect: "pause" });
    expect(decideAction("pause", "t", "l", "PAUSED", healthy)).toEqual({ ok: true, effect: "noop" });
    expect(decideAction("resume", "t", "l", "PAUSED", healthy)).toEqual({ ok: true, effect: "resume" });
    expect(decideAction("resume", "t", "l", "ACTIVE", healthy)).toEqual({ ok: true, effect: "noop" });
  });

  it("promote needs an ACTIVE mirror and a reachable source; failover needs neither", () => {
    expect(decideAction("promote", "t", "l", "ACTIVE", healthy)).toEqual({ ok: true, effect: "begin-stop" });
    const unreachable = decideAction("promote", "t", "l", "ACTIVE", down);
    expect(unreachable.ok).toBe(false);
    if (!unreachable.ok) expect(unreachable.message).toMatch(/failover/);
    expect(decideAction("promote", "t", "l", "PAUSED", healthy).ok).toBe(false);
    expect(decideAction("failover", "t", "l", "ACTIVE", down)).toEqual({ ok: true, effect: "stop-now" });
    expect(decideAction("failover", "t", "l", "FAILED", down)).toEqual({ ok: true, effect: "stop-now" });
  });

  it("a stopped mirror cannot be stopped, paused or resumed again (per-topic 400)", () => {
    for (const a of ["promote", "failover", "pause", "resume"] as const) {
      const d = decideAction(a, "t", "l", "STOPPED", healthy);
      expect(d).toMatchObject({ ok: false, errorCode: 400 });
    }
  });

  it("reverse works only on bidirectional links", () => {
    expect(decideAction("reverse-and-start-mirror", "t", "l", "ACTIVE", healthy)).toMatchObject({ ok: false, errorCode: 400 });
    expect(decideAction("reverse-and-pause-mirror", "t", "l", "ACTIVE", { ...healthy, linkMode: "BIDIRECTIONAL" })).toEqual({
      ok: true,
      effect: "begin-stop",
    });
  });

  it("link overlays replace live statuses but never STOPPED or FAILED", () => {
    expect(displayStatus("ACTIVE", "SOURCE_UNAVAILABLE")).toBe("SOURCE_UNAVAILABLE");
    expect(displayStatus("PENDING_MIRROR", "LINK_FAILED")).toBe("LINK_FAILED");
    expect(displayStatus("ACTIVE", "LINK_PAUSED")).toBe("LINK_PAUSED");
    expect(displayStatus("PAUSED", "SOURCE_UNAVAILABLE")).toBe("PAUSED");
    expect(displayStatus("STOPPED", "LINK_FAILED")).toBe("STOPPED");
    expect(displayStatus("FAILED", "SOURCE_UNAVAILABLE")).toBe("FAILED");
    expect(displayStatus("ACTIVE", "none")).toBe("ACTIVE");
  });

  it("maps statuses to the reference's categories and to JMX state labels", () => {
    expect(stateCategory("ACTIVE")).toBe("ACTIVE");
    expect(stateCategory("LINK_PAUSED")).toBe("PAUSED");
    expect(stateCategory("PENDING_RESTORE")).toBe("PENDING");
    expect(stateCategory("SOURCE_UNAVAILABLE")).toBe("IN_ERROR");
    expect(stateCategory("STOPPED")).toBe("NOT_APPLICABLE");
    expect(metricsMirrorState("SOURCE_UNAVAILABLE")).toBe("Mirror");
    expect(metricsMirrorState("PENDING_STOPPED")).toBe("PendingStoppedMirror");
    expect(metricsMirrorState("LINK_FAILED")).toBe("FailedMirror");
  });

  it("fetches only while ACTIVE, stopping, or restoring", () => {
    expect(wantsToFetch("ACTIVE")).toBe(true);
    expect(wantsToFetch("PENDING_STOPPED")).toBe(true);
    expect(wantsToFetch("PAUSED")).toBe(false);
    expect(wantsToFetch("PENDING_MIRROR")).toBe(false);
  });
});
