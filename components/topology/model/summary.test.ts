import { describe, expect, it } from "vitest";
import { bidirectionalPair, mixedFleet, orphanHalf, seedChain, unreachableJump } from "../fixtures/topologies";
import { LINK_STATES_WORST_FIRST, clustersByStatus, fleetPartitionStates, linksByState, mainHalfCluster, problemsOf } from "./summary";
import { mirrorHostsForTopLag } from "@/lib/domain/mirrors/top-lag";

describe("counts", () => {
  it("lists every link state, worst first, with its count", () => {
    expect(LINK_STATES_WORST_FIRST).toEqual(["FAILED", "NOT_FLOWING", "DEGRADED", "UNKNOWN", "PAUSED", "ACTIVE"]);
    const counts = Object.fromEntries(linksByState(mixedFleet().links).map((c) => [c.state, c.count]));
    expect(counts).toEqual({ FAILED: 0, NOT_FLOWING: 0, DEGRADED: 1, UNKNOWN: 0, PAUSED: 0, ACTIVE: 3 });
  });

  it("counts clusters by status", () => {
    const counts = Object.fromEntries(clustersByStatus(unreachableJump().clusters).map((c) => [c.status, c.count]));
    expect(counts).toMatchObject({ ok: 2, unreachable: 1, external: 0 });
  });

  it("adds mirror partitions over the fleet by category", () => {
    const states = fleetPartitionStates(mixedFleet().links);
    expect(states.PAUSED).toBe(3);
    expect(states.ACTIVE).toBeGreaterThan(0);
    expect(fleetPartitionStates([])).toEqual({ ACTIVE: 0, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 });
  });

  it("keeps categories it does not know", () => {
    const link = structuredClone(seedChain().links[0]!);
    link.partitionStates = { ...link.partitionStates, MIGRATING: 4 };
    expect(fleetPartitionStates([link]).MIGRATING).toBe(4);
  });
});

describe("problemsOf", () => {
  it("has none for a healthy chain", () => {
    expect(problemsOf(seedChain())).toEqual([]);
  });

  it("puts an unreachable cluster first, pointing at its cluster page, then the links it breaks, pointing at their link pages", () => {
    const problems = problemsOf(unreachableJump());
    expect(problems[0]).toMatchObject({ subject: "JUMP", tone: "error", target: { kind: "cluster", cluster: "jump" } });
    expect(problems[0]!.texts[0]).toMatch(/refused/);
    const links = problems.slice(1);
    expect(links.map((p) => p.subject).sort()).toEqual(["jump-to-dr", "primary-to-jump"]);
    expect(links.every((p) => p.tone === "error")).toBe(true);
    expect(links.find((p) => p.subject === "jump-to-dr")!.target).toMatchObject({ kind: "link", cluster: "dr", link: "jump-to-dr" });
    // Only the SOURCE half on primary is visible: its page is the place to look.
    expect(links.find((p) => p.subject === "primary-to-jump")!.target).toMatchObject({ kind: "link", cluster: "primary" });
  });

  it("lists a cluster that answers but sent rows Linkscope could not read, as a warning pointing at its page", () => {
    const t = seedChain();
    const message = "1 of 6 rows of GET …/links could not be read: data.5.topic_names: expected array, received number.";
    t.clusters[1]!.problems = [{ code: "unreadable-rows", message }];
    expect(problemsOf(t)).toEqual([
      expect.objectContaining({
        subject: t.clusters[1]!.displayName,
        tone: "warning",
        texts: [message],
        target: { kind: "cluster", cluster: t.clusters[1]!.name },
      }),
    ]);
  });

  it("names an orphan half, on the cluster that hosts the half that is there", () => {
    const [problem] = problemsOf(orphanHalf());
    expect(problem).toMatchObject({ subject: "primary-to-jump", tone: "error", target: { kind: "link", cluster: "jump" } });
    expect(problem!.texts).toEqual([
      "No data moves: the source half is missing on primary: create it.",
      "source half missing on primary: no data can flow",
    ]);
  });

  it("gathers a link's sentences in one item", () => {
    const t = seedChain();
    t.links[0]!.state = "DEGRADED";
    t.links[0]!.problems = [
      { code: "link-error", message: "one" },
      { code: "tasks-in-error", message: "two" },
    ];
    expect(problemsOf(t)).toHaveLength(1);
    expect(problemsOf(t)[0]!.texts).toEqual(["one", "two"]);
  });

  it("says what a non-ACTIVE state means when the link carries no problem sentence", () => {
    const t = seedChain();
    t.links[0]!.state = "PAUSED";
    expect(problemsOf(t)[0]!.texts[0]).toMatch(/paused/);
  });
});

describe("lag", () => {
  it("the main half is the one hosting the mirrors", () => {
    const t = seedChain();
    expect(mainHalfCluster(t.links.find((l) => l.name === "primary-to-jump")!)).toBe("jump");
    expect(mainHalfCluster(t.links.find((l) => l.name === "jump-to-dr")!)).toBe("dr");
  });

  it("asks only the mirror-hosting halves of the links with the most lag, worst first", () => {
    const t = mixedFleet();
    const hosts = mirrorHostsForTopLag(t.links, 2);
    // east-west (1500) both halves, then one of the lag-12 links; never a SOURCE half.
    expect(
      hosts
        .slice(0, 2)
        .map((h) => `${h.linkName}@${h.cluster}`)
        .sort(),
    ).toEqual(["east-west@us-east", "east-west@us-west"]);
    expect(hosts).toHaveLength(3);
    expect(mirrorHostsForTopLag(t.links, 10).some((h) => h.cluster === "primary")).toBe(false);
  });

  it("leaves out links without lag or with unknown lag", () => {
    const t = unreachableJump();
    expect(mirrorHostsForTopLag(t.links).map((h) => h.linkName)).toEqual(["jump-to-dr"]);
    const caughtUp = structuredClone(bidirectionalPair());
    caughtUp.links[0]!.maxLag = 0;
    expect(mirrorHostsForTopLag(caughtUp.links)).toEqual([]);
  });
});
