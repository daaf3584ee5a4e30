import { describe, expect, it } from "vitest";
import {
  assessMirror,
  leadingReasons,
  countVerdicts,
  describeAtRisk,
  overallVerdict,
  recommendAction,
  sourceReachability,
  totalAtRisk,
  type LinkReadinessInput,
  type MirrorReadinessInput,
} from "./readiness";
import type { DataAtRisk } from "./rpo";

const healthyLink = (over: Partial<LinkReadinessInput> = {}): LinkReadinessInput => ({
  cluster: "jump",
  link: "primary-to-jump",
  linkState: "ACTIVE",
  linkError: null,
  sourceCluster: "primary",
  sourceClusterStatus: "ok",
  problems: [],
  flowing: true,
  cause: null,
  causeCode: null,
  offsetSync: { enabled: true, taskState: "ACTIVE", taskErrors: [] },
  aclSync: { enabled: true, taskState: "ACTIVE", taskErrors: [] },
  ...over,
});

const risk = (messages: number | null, seconds: number | null, unknownBecause: string | null = null): DataAtRisk => ({
  messages,
  atLeast: false,
  estimate: null,
  seconds,
  unknownBecause,
  measured: null,
  partitions: [],
});

const mirror = (over: Partial<MirrorReadinessInput> = {}): MirrorReadinessInput => ({
  topic: "orders",
  status: "ACTIVE",
  flowing: true,
  staleSince: null,
  maxLag: 0,
  totalLag: 0,
  atRisk: risk(0, 0),
  ...over,
});

const texts = (reasons: { text: string }[]) => reasons.map((r) => r.text).join("\n");

describe("assessMirror", () => {
  it("calls a caught-up ACTIVE mirror on a healthy link ready for both, and notes that promote is the safe choice", () => {
    const r = assessMirror(healthyLink(), mirror());
    expect(r.promote.verdict).toBe("ready");
    expect(r.failover.verdict).toBe("ready");
    expect(texts(r.failover.reasons)).toMatch(/promote would do the same without any risk/);
  });

  it("warns that promote waits for lag, and that failover loses it in messages and seconds", () => {
    const r = assessMirror(healthyLink(), mirror({ maxLag: 40, totalLag: 1200, atRisk: risk(1200, 40) }));
    expect(r.promote.verdict).toBe("caution");
    expect(texts(r.promote.reasons)).toMatch(/1,200 messages behind: promote waits/);
    expect(r.failover.verdict).toBe("caution");
    expect(texts(r.failover.reasons)).toMatch(/Loses 1,200 messages \(about 40 s of production\)/);
  });

  it("blocks promote when the source is unreachable, and says to fail over", () => {
    const gone = { linkState: "NOT_FLOWING", flowing: false, cause: "primary is down" } as const;
    for (const link of [
      healthyLink({ ...gone, causeCode: "source-down" }),
      healthyLink({ ...gone, causeCode: "link-unavailable", sourceClusterStatus: "unreachable" }),
    ]) {
      const r = assessMirror(link, mirror({ totalLag: 10, atRisk: risk(10, null, "not enough lag history yet") }));
      expect(r.promote.verdict).toBe("blocked");
      expect(texts(r.promote.reasons)).toMatch(/cannot be reached.*Fail over instead/);
      expect(r.failover.verdict).toBe("caution");
      expect(texts(r.failover.reasons)).toMatch(/10 messages \(time unknown: not enough lag history yet\)/);
    }
    expect(assessMirror(healthyLink(), mirror({ status: "SOURCE_UNAVAILABLE", flowing: false, staleSince: 1 })).promote.verdict).toBe(
      "blocked",
    );
  });

  it("is cautious about promote when the link reports an error but nothing says the source is gone", () => {
    const r = assessMirror(healthyLink({ linkError: "TIMEOUT_ERROR" }), mirror());
    expect(r.promote.verdict).toBe("caution");
    expect(texts(r.promote.reasons)).toMatch(/may be unreachable \(link primary-to-jump reports TIMEOUT_ERROR\)/);
    expect(sourceReachability(healthyLink({ linkError: "NO_ERROR" }), "ACTIVE").reachable).toBe(true);
  });

  it("blocks promote of a paused, failed, setting-up or already-stopping mirror; failover still runs", () => {
    for (const status of ["PAUSED", "LINK_PAUSED", "FAILED", "PENDING_MIRROR", "PENDING_STOPPED"]) {
      const r = assessMirror(healthyLink(), mirror({ status }));
      expect(r.promote.verdict, status).toBe("blocked");
      expect(r.failover.verdict, status).not.toBe("blocked");
    }
  });

  it("marks a STOPPED mirror done for both", () => {
    const r = assessMirror(healthyLink(), mirror({ status: "STOPPED" }));
    expect([r.promote.verdict, r.failover.verdict]).toEqual(["done", "done"]);
  });

  it("warns about an unknown status rather than guessing", () => {
    expect(texts(assessMirror(healthyLink(), mirror({ status: "PENDING_TELEPORT" })).promote.reasons)).toMatch(/unknown to Linkscope/);
  });

  it("warns when consumer offsets are not synced or the sync task is broken, and notes ACL sync", () => {
    const off = assessMirror(
      healthyLink({
        offsetSync: { enabled: false, taskState: "NOT_CONFIGURED", taskErrors: [] },
        aclSync: { enabled: false, taskState: null, taskErrors: [] },
      }),
      mirror(),
    );
    expect(off.promote.verdict).toBe("caution");
    expect(texts(off.promote.reasons)).toMatch(/Consumer offset sync is off/);
    expect(texts(off.promote.reasons)).toMatch(/ACL sync is off/);
    const broken = assessMirror(
      healthyLink({ aclSync: { enabled: true, taskState: "IN_ERROR", taskErrors: ["MISCONFIGURATION_ERROR: bad acl.filters"] } }),
      mirror(),
    );
    expect(broken.promote.verdict).toBe("caution");
    expect(texts(broken.promote.reasons)).toMatch(/ACL sync is on but its task is IN_ERROR: MISCONFIGURATION_ERROR/);
    const unknown = assessMirror(healthyLink({ offsetSync: { enabled: null, taskState: null, taskErrors: [] } }), mirror());
    expect(unknown.promote.verdict).toBe("ready");
  });

  it("passes the link's problems on as information", () => {
    expect(
      texts(
        assessMirror(healthyLink({ problems: [{ code: "half-missing", message: "source half missing on primary" }] }), mirror()).promote
          .reasons,
      ),
    ).toMatch(/source half missing/);
  });
});

describe("scope verdicts and the recommendation", () => {
  const ready = assessMirror(healthyLink(), mirror({ topic: "a" }));
  const lagging = assessMirror(healthyLink(), mirror({ topic: "b", totalLag: 50, atRisk: risk(50, 5) }));
  const down = healthyLink({
    linkState: "NOT_FLOWING",
    flowing: false,
    causeCode: "source-down",
    cause: "primary is down",
    sourceClusterStatus: "unreachable",
  });
  const unreachableA = assessMirror(down, mirror({ topic: "c", totalLag: 30, atRisk: risk(30, 12) }));
  const unreachableB = assessMirror(down, mirror({ topic: "d", totalLag: 70, atRisk: risk(70, 3) }));
  const stopped = assessMirror(healthyLink(), mirror({ topic: "e", status: "STOPPED" }));

  it("counts and rolls up per action", () => {
    expect(countVerdicts([ready, lagging, unreachableA, stopped], "promote")).toEqual({ ready: 1, caution: 1, blocked: 1, done: 1 });
    expect(overallVerdict([ready, lagging], "promote")).toBe("caution");
    expect(overallVerdict([ready, unreachableA], "promote")).toBe("blocked");
    expect(overallVerdict([stopped], "failover")).toBe("done");
  });

  it("recommends promote when every pending mirror can be promoted", () => {
    expect(recommendAction([ready, lagging, stopped])).toMatchObject({ action: "promote" });
  });

  it("recommends failover with the cost when the source is down", () => {
    const rec = recommendAction([unreachableA, unreachableB]);
    expect(rec.action).toBe("failover");
    expect(rec.why).toMatch(/Promote cannot run for any mirror in scope/);
    expect(rec.why).toMatch(/loses 100 not-yet-mirrored messages \(about 12 s of production\)/);
    expect(recommendAction([ready, unreachableA]).why).toMatch(/1 of 2 mirrors/);
  });

  it("keeps recommending promote when a mirror is blocked for another reason than the source, and names it", () => {
    const paused = assessMirror(healthyLink(), mirror({ topic: "p", status: "PAUSED", totalLag: 9, atRisk: risk(9, 1) }));
    const rec = recommendAction([ready, lagging, paused]);
    expect(rec.action).toBe("promote");
    expect(rec.why).toMatch(/1 of 3 mirrors cannot be promoted as they are \(p: Mirror is PAUSED/);
  });

  it("says a failover of caught-up mirrors loses nothing", () => {
    expect(recommendAction([assessMirror(down, mirror({ topic: "z" }))]).why).toMatch(
      /Failover stops them now and loses nothing: every mirror had caught up\.$/,
    );
  });

  it("has nothing to recommend when everything already stopped", () => {
    expect(recommendAction([stopped]).action).toBeNull();
  });

  it("sums what a failover loses; unknown seconds make the total unknown", () => {
    expect(totalAtRisk([unreachableA, unreachableB, stopped])).toEqual({ messages: 100, seconds: 12, atLeast: false, estimate: null });
    const unknown = assessMirror(down, mirror({ topic: "x", totalLag: 5, atRisk: risk(5, null, "no history") }));
    expect(totalAtRisk([unreachableA, unknown])).toEqual({ messages: 35, seconds: null, atLeast: false, estimate: null });
  });

  it("describes data at risk in words", () => {
    expect(describeAtRisk(risk(0, 0))).toBe("nothing: the mirror has caught up");
    const measured = { messages: 7_900, asOfMs: Date.UTC(2026, 10, 21, 10, 12, 3), complete: true, groups: ["app-orders"] };
    const stale = { ...risk(7_900, null), atLeast: true, measured, estimate: { messages: 8_100, basis: "last known lag 20 + …" } };
    expect(describeAtRisk(stale)).toBe(
      "at least 7,900 messages (measured at 10:12:03 UTC from the source's end offsets that consumer group app-orders reports); estimate about 8,100 (last known lag 20 + …); time unknown",
    );
    expect(describeAtRisk(risk(1, 0.2))).toBe("1 message (under a second of production)");
    expect(describeAtRisk(risk(9000, 600))).toBe("9,000 messages (about 10 min of production)");
    expect(describeAtRisk(risk(null, null, "the cluster reported no lag for this mirror"))).toMatch(/^unknown/);
  });
});

describe("leadingReasons", () => {
  it("groups the warnings and blockers of a scope, blockers first, with how many mirrors share each", () => {
    const off = { enabled: false, taskState: null, taskErrors: [] };
    const link = healthyLink({
      offsetSync: off,
      linkState: "NOT_FLOWING",
      flowing: false,
      causeCode: "source-down",
      cause: "primary is down",
    });
    const mirrors = ["a", "b", "c"].map((topic) => assessMirror(link, mirror({ topic })));
    const reasons = leadingReasons(mirrors, "promote");
    expect(reasons[0]).toMatchObject({ level: "block", mirrors: 3, text: expect.stringMatching(/cannot be reached/) });
    expect(reasons.find((r) => /Consumer offset sync is off/.test(r.text))?.mirrors).toBe(3);
    expect(leadingReasons([assessMirror(healthyLink(), mirror())], "promote")).toEqual([]);
  });
});

describe("a link that cannot fetch while its source is still there (issue 14)", () => {
  const cut = healthyLink({
    linkState: "NOT_FLOWING",
    flowing: false,
    causeCode: "network",
    cause: "the link on jump cannot reach primary's brokers (TIMEOUT_ERROR) although primary answers Linkscope",
  });
  const staleRisk: DataAtRisk = {
    ...risk(0, 0),
    atLeast: true,
    estimate: { messages: 7_900, basis: "last known lag 0 + 13.2 messages/s produced before it stopped × 600 s since" },
    seconds: 600,
  };
  const stale = (topic: string) =>
    assessMirror(cut, mirror({ topic, flowing: false, staleSince: Date.UTC(2026, 0, 1, 3, 0, 0), atRisk: staleRisk }));

  it("never calls a stale mirror caught up or ready, and shows its lag as at least, as of T", () => {
    const r = stale("orders");
    expect(r.promote.verdict).toBe("blocked");
    expect(r.failover.verdict).not.toBe("ready");
    const all = texts([...r.promote.reasons, ...r.failover.reasons]);
    expect(all).not.toMatch(/Caught up|nothing: the mirror has caught up/);
    expect(all).toMatch(/Lag ≥ 0 messages, as of 03:00:00 UTC/);
    expect(all).toMatch(/Loses at least 0 messages .* estimate about 7,900/);
  });

  it("recommends neither promote nor failover, names the cause and what to fix first, with the data at risk", () => {
    const rec = recommendAction([stale("orders"), stale("inventory")], "network");
    expect(rec.action).toBeNull();
    expect(rec.why).toMatch(/data is not flowing for 2 of 2 mirrors/);
    expect(rec.why).toMatch(/Fix this first: restore the network between the two clusters/);
    expect(rec.why).toMatch(/at least 0 not-yet-mirrored messages as last known \(estimate about 15,800/);
  });

  it("describes stale data at risk as a floor with an estimate, never 'nothing'", () => {
    expect(describeAtRisk(staleRisk)).toMatch(/^at least 0 messages \(the last known lag.*estimate about 7,900/);
  });
});
