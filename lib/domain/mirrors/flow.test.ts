import { describe, expect, it } from "vitest";
import { halfFlowCause, isStuck, linkFlow, mirrorFlow, nextStaleSince, worstCause, type FlowContext } from "./flow";

const half = (over: Partial<Parameters<typeof halfFlowCause>[0]> = {}): Parameters<typeof halfFlowCause>[0] => ({
  cluster: "cloud",
  state: "ACTIVE",
  error: null,
  errorMessage: null,
  linkMode: "DESTINATION",
  connectionMode: "INBOUND",
  sourceClusterId: "onprem-id",
  destinationClusterId: null,
  remoteClusterId: "onprem-id",
  ...over,
});

const statuses = (s: Record<string, string>): FlowContext => ({ clusterStatus: (name) => s[name] });
const allOk = statuses({ cloud: "ok", onprem: "ok" });

describe("halfFlowCause", () => {
  it("flows only while ACTIVE with no link error", () => {
    expect(halfFlowCause(half(), "onprem", allOk)).toBeNull();
  });

  it("a network cut: ACTIVE with TIMEOUT_ERROR while both clusters answer Linkscope is 'network', not flowing", () => {
    const cause = halfFlowCause(half({ error: "TIMEOUT_ERROR", errorMessage: "Timed out" }), "onprem", allOk);
    expect(cause?.code).toBe("network");
    expect(cause?.text).toMatch(/cannot reach onprem's brokers.*network between them/);
  });

  it("the source down (Linkscope cannot reach it either) is 'source-down', whether refused, timing out or UNAVAILABLE", () => {
    const down = statuses({ cloud: "ok", onprem: "unreachable" });
    expect(halfFlowCause(half({ error: "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR" }), "onprem", down)?.code).toBe("source-down");
    expect(halfFlowCause(half({ error: "TIMEOUT_ERROR" }), "onprem", down)?.code).toBe("source-down");
    expect(halfFlowCause(half({ state: "UNAVAILABLE", error: "TIMEOUT_ERROR" }), "onprem", down)?.code).toBe("source-down");
  });

  it("a hosting half on a cluster Linkscope cannot read is 'destination-unread'; a source half there is left to the destination's report", () => {
    const jumpDown = statuses({ cloud: "unreachable", onprem: "ok" });
    expect(halfFlowCause(half(), "onprem", jumpDown)?.code).toBe("destination-unread");
    expect(halfFlowCause(half({ linkMode: "SOURCE", connectionMode: "OUTBOUND" }), "onprem", jumpDown)).toBeNull();
  });

  it("credentials and bootstrap errors need a configuration change; PAUSED is paused; an unknown state is unknown", () => {
    expect(halfFlowCause(half({ state: "FAILED", error: "AUTHENTICATION_ERROR" }), "onprem", allOk)?.code).toBe("credentials");
    expect(halfFlowCause(half({ error: "UNRESOLVABLE_BOOTSTRAP_ERROR" }), "onprem", allOk)?.code).toBe("configuration");
    expect(halfFlowCause(half({ state: "FAILED" }), "onprem", allOk)?.code).toBe("configuration");
    expect(halfFlowCause(half({ state: "PAUSED" }), "onprem", allOk)?.code).toBe("paused");
    expect(halfFlowCause(half({ state: "SOMETHING_NEW" }), "onprem", allOk)?.code).toBe("unknown-state");
  });

  it("UNAVAILABLE with an unknown other end is 'link-unavailable'", () => {
    expect(halfFlowCause(half({ state: "UNAVAILABLE" }), null, allOk)?.code).toBe("link-unavailable");
  });
});

describe("linkFlow", () => {
  it("any visible half's cause stops the link; the worst cause is named first", () => {
    const flow = linkFlow(
      [half(), half({ cluster: "onprem", linkMode: "SOURCE", connectionMode: "OUTBOUND", error: "AUTHENTICATION_ERROR" })],
      (h) => (h.cluster === "cloud" ? "onprem" : "cloud"),
      allOk,
    );
    expect(flow).toMatchObject({ flowing: false, cause: { code: "credentials" } });
    expect(worstCause([{ code: "paused", text: "" }, { code: "network", text: "" }, null])?.code).toBe("network");
  });
});

describe("mirrorFlow", () => {
  const flowing = { flowing: true, cause: null };
  it("flows while its link flows and it is fetching", () => {
    expect(mirrorFlow(flowing, { status: "ACTIVE" })).toEqual({ flowing: true, stopped: false, cause: null });
    expect(mirrorFlow(flowing, { status: "PENDING_STOPPED" }).flowing).toBe(true);
  });
  it("is stale with its link's cause, even while its own status still says ACTIVE (the first 5 minutes of an outage)", () => {
    const cut = { flowing: false, cause: { code: "network" as const, text: "cut" } };
    expect(mirrorFlow(cut, { status: "ACTIVE" })).toEqual({ flowing: false, stopped: false, cause: cut.cause });
  });
  it("paused, failed and SOURCE_UNAVAILABLE mirrors do not flow; STOPPED ones are done, not stale", () => {
    expect(mirrorFlow(flowing, { status: "PAUSED" }).cause?.code).toBe("paused");
    expect(mirrorFlow(flowing, { status: "FAILED" }).cause?.code).toBe("mirror-failed");
    expect(mirrorFlow(flowing, { status: "SOURCE_UNAVAILABLE" }).flowing).toBe(false);
    expect(mirrorFlow(flowing, { status: "STOPPED" })).toEqual({ flowing: false, stopped: true, cause: null });
  });
  it("is stale when history shows its fetch positions standing still for a minute while it has lag", () => {
    expect(mirrorFlow(flowing, { status: "ACTIVE" }, { fetchedBefore: 100, fetchedNow: 100, lagNow: 5, spanMs: 60_000 }).cause?.code).toBe(
      "not-advancing",
    );
    expect(isStuck({ fetchedBefore: 100, fetchedNow: 100, lagNow: 0, spanMs: 600_000 })).toBe(false);
    expect(isStuck({ fetchedBefore: 100, fetchedNow: 140, lagNow: 5, spanMs: 60_000 })).toBe(false);
    expect(isStuck({ fetchedBefore: 100, fetchedNow: 100, lagNow: 5, spanMs: 10_000 })).toBe(false);
  });
});

describe("nextStaleSince", () => {
  it("is the first reading at which it stopped, kept across readings (and restarts), cleared when it flows", () => {
    expect(nextStaleSince(undefined, true, 1000)).toBeNull();
    expect(nextStaleSince(undefined, false, 1000)).toBe(1000);
    expect(nextStaleSince(1000, false, 5000)).toBe(1000);
    expect(nextStaleSince(1000, true, 9000)).toBeNull();
  });
});
