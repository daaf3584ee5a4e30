import { describe, expect, it } from "vitest";
import { HEALTHY, linkView, nextHealth, type ConnectionProblem } from "./link-availability";

const timeout: ConnectionProblem = { kind: "unreachable", error: "TIMEOUT_ERROR", message: "timed out" };
const refused: ConnectionProblem = { kind: "unreachable", error: "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR", message: "refused" };
const auth: ConnectionProblem = { kind: "auth", error: "AUTHENTICATION_ERROR", message: "bad creds" };
const opts = { paused: false, retryTimeoutMs: 300_000 };

describe("link availability", () => {
  it("healthy: ACTIVE, NO_ERROR, data flows", () => {
    expect(linkView(HEALTHY, { ...opts, now: 0 })).toMatchObject({
      linkState: "ACTIVE",
      linkError: "NO_ERROR",
      flowing: true,
      overlay: "none",
    });
  });

  it("unreachable: ACTIVE with the error until the retry timeout, then UNAVAILABLE and SOURCE_UNAVAILABLE mirrors", () => {
    const h = nextHealth(HEALTHY, timeout, 1_000);
    expect(linkView(h, { ...opts, now: 1_000 + 299_999 })).toMatchObject({
      linkState: "ACTIVE",
      linkError: "TIMEOUT_ERROR",
      flowing: false,
      overlay: "none",
    });
    expect(linkView(h, { ...opts, now: 301_000 })).toMatchObject({
      linkState: "UNAVAILABLE",
      overlay: "SOURCE_UNAVAILABLE",
      overlaySince: 301_000,
    });
  });

  it("keeps the streak start when the cause changes, and clears it on recovery", () => {
    const a = nextHealth(HEALTHY, timeout, 1_000);
    const b = nextHealth(a, refused, 50_000);
    expect(b.since).toBe(1_000);
    expect(nextHealth(b, null, 60_000)).toEqual(HEALTHY);
  });

  it("authentication failure: FAILED at once with LINK_FAILED mirrors", () => {
    const h = nextHealth(HEALTHY, auth, 5);
    expect(linkView(h, { ...opts, now: 5 })).toMatchObject({
      linkState: "FAILED",
      linkError: "AUTHENTICATION_ERROR",
      linkErrorMessage: "bad creds",
      overlay: "LINK_FAILED",
    });
  });

  it("cluster.link.paused: PAUSED, no data, reachable", () => {
    expect(linkView(HEALTHY, { ...opts, paused: true, now: 0 })).toMatchObject({
      linkState: "PAUSED",
      flowing: false,
      reachable: true,
      overlay: "LINK_PAUSED",
    });
  });
});
