import { describe, expect, it } from "vitest";
import {
  assessConsumerGroups,
  measuredMessagesAtRisk,
  measuredSourceEndOffsets,
  observeOffsets,
  offsetSyncOf,
  type CommittedOffset,
  type ConsumerGroupsInput,
  type GroupReading,
} from "./consumer-groups";

const rows = (topic: string, offsets: number[], end = offsets): CommittedOffset[] =>
  offsets.map((o, partition) => ({ topic, partition, currentOffset: o, logEndOffset: end[partition] ?? o }));
const reading = (group: string, offsets: CommittedOffset[] | null, activeMembers = 0): GroupReading => ({
  group,
  offsets,
  error: offsets ? null : "timed out",
  activeMembers,
});

const ALL = JSON.stringify({
  groupFilters: [
    { name: "*", patternType: "LITERAL", filterType: "INCLUDE" },
    { name: "tmp-", patternType: "PREFIXED", filterType: "EXCLUDE" },
  ],
});
const configs = (over: Record<string, string> = {}) =>
  new Map(
    Object.entries({
      "consumer.offset.sync.enable": "true",
      "consumer.offset.group.filters": ALL,
      "consumer.offset.sync.ms": "30000",
      ...over,
    }),
  );

function input(over: Partial<ConsumerGroupsInput> & { configs?: Map<string, string> } = {}): ConsumerGroupsInput {
  const { sync, groupPrefix } = offsetSyncOf(over.configs ?? configs());
  return {
    destinationCluster: "cloud",
    sourceCluster: "onprem",
    offsetSync: sync,
    groupPrefix,
    mirrors: [
      { mirror: "orders", source: "orders" },
      { mirror: "inventory", source: "inventory" },
    ],
    sourceGroups: [],
    sourceError: null,
    destinationGroups: new Map(),
    destinationError: null,
    destinationAges: new Map(),
    ...over,
  };
}

const one = (i: ConsumerGroupsInput) => {
  const out = assessConsumerGroups(i);
  expect(out).toHaveLength(1);
  return out[0]!;
};

describe("consumer group verdicts", () => {
  it("resumes in place when the destination's offsets match the source on every partition", () => {
    const g = one(
      input({
        sourceGroups: [reading("billing", rows("orders", [10, 20]))],
        destinationGroups: new Map([["billing", reading("billing", rows("orders", [10, 20]))]]),
      }),
    );
    expect(g).toMatchObject({ verdict: "resumes", behindMessages: 0, inFilter: true, topics: ["orders"], activeMembersOnDestination: 0 });
    expect(g.reason).toMatch(/^Resumes in place/);
  });

  it("re-reads the difference, summed over partitions, and ignores topics the link does not mirror", () => {
    const source = [...rows("orders", [110, 220]), ...rows("not-mirrored", [5])];
    const g = one(
      input({
        sourceGroups: [reading("orders-svc", source)],
        destinationGroups: new Map([["orders-svc", reading("orders-svc", rows("orders", [100, 200]))]]),
      }),
    );
    expect(g).toMatchObject({ verdict: "rereads", behindMessages: 30, topics: ["orders"] });
    expect(g.partitions.map((p) => p.behindMessages)).toEqual([10, 20]);
    expect(g.reason).toContain("Re-reads 30 messages");
    expect(g.reason).toContain("30 s");
  });

  it("resets when the destination has no offsets, saying why: sync off, outside the filter, not synced yet, members on the destination", () => {
    const src = [reading("tmp-debug", rows("orders", [5])), reading("fresh", rows("inventory", [7]))];
    const off = assessConsumerGroups(input({ configs: configs({ "consumer.offset.sync.enable": "false" }), sourceGroups: src }));
    expect(off.map((g) => g.verdict)).toEqual(["resets", "resets"]);
    expect(off[0]!.reason).toContain("enable consumer.offset.sync.enable");

    const on = assessConsumerGroups(input({ sourceGroups: src }));
    const byGroup = Object.fromEntries(on.map((g) => [g.group, g]));
    expect(byGroup["tmp-debug"]).toMatchObject({ verdict: "resets", inFilter: false });
    expect(byGroup["tmp-debug"]!.reason).toContain("widen the filters");
    expect(byGroup.fresh).toMatchObject({ verdict: "resets", inFilter: true });
    expect(byGroup.fresh!.reason).toContain("wait one sync interval (30 s)");

    const busy = one(
      input({ sourceGroups: [reading("inv", rows("inventory", [7]))], destinationGroups: new Map([["inv", reading("inv", [], 2)]]) }),
    );
    expect(busy).toMatchObject({ verdict: "resets", activeMembersOnDestination: 2 });
    expect(busy.reason).toContain("2 members are already connected to inv on cloud");
  });

  it("resets when the destination's offsets are past the mirror's end (data the mirror never received)", () => {
    const g = one(
      input({
        sourceGroups: [reading("fast", rows("orders", [500, 600], [500, 600]))],
        destinationGroups: new Map([["fast", reading("fast", rows("orders", [500, 600], [450, 600]))]]),
      }),
    );
    expect(g).toMatchObject({ verdict: "resets", behindMessages: null });
    expect(g.partitions.map((p) => p.mirrorEndOffset)).toEqual([450, 600]);
    expect(g.reason).toMatch(/^On 1 partition \(first orders-0\) .* lacks 50 messages/);
  });

  it("resets when only some partitions have offsets on the destination", () => {
    const g = one(
      input({
        sourceGroups: [reading("g", rows("orders", [1, 2, 3]))],
        destinationGroups: new Map([["g", reading("g", rows("orders", [1]))]]),
      }),
    );
    expect(g.verdict).toBe("resets");
    expect(g.reason).toMatch(/^2 partitions of 3 \(first orders-1\)/);
  });

  it("is unknown, with why, when either cluster cannot be read; from the destination alone it still lists the groups", () => {
    const dest = one(
      input({
        sourceGroups: [reading("g", rows("orders", [1]))],
        destinationGroups: null,
        destinationError: "cloud did not answer in time",
      }),
    );
    expect(dest).toMatchObject({ verdict: "unknown", behindMessages: null });
    expect(dest.reason).toContain("cloud did not answer in time");

    const src = one(
      input({
        sourceGroups: null,
        sourceError: "onprem is unreachable",
        destinationGroups: new Map([["g", reading("g", rows("orders", [4, 5]))]]),
      }),
    );
    expect(src).toMatchObject({ verdict: "unknown", group: "g", topics: ["orders"] });
    expect(src.partitions.map((p) => [p.sourceOffset, p.destinationOffset])).toEqual([
      [null, 4],
      [null, 5],
    ]);
    expect(src.reason).toContain("onprem is unreachable");
  });

  it("applies the link prefix to group names on the destination with consumer.group.prefix.enable", () => {
    const i = input({
      configs: configs({ "consumer.group.prefix.enable": "true", "cluster.link.prefix": "west." }),
      mirrors: [{ mirror: "west.orders", source: "orders" }],
      sourceGroups: [reading("g", rows("orders", [3]))],
      destinationGroups: new Map([["west.g", reading("west.g", rows("west.orders", [3]))]]),
    });
    expect(one(i)).toMatchObject({ verdict: "resumes", destinationGroup: "west.g", topics: ["west.orders"] });
  });

  it("flags members on the destination first, then the worst verdicts", () => {
    const out = assessConsumerGroups(
      input({
        sourceGroups: [
          reading("a-ok", rows("orders", [1])),
          reading("b-reread", rows("orders", [9])),
          reading("c-busy", rows("orders", [1])),
        ],
        destinationGroups: new Map([
          ["a-ok", reading("a-ok", rows("orders", [1]))],
          ["b-reread", reading("b-reread", rows("orders", [1]))],
          ["c-busy", reading("c-busy", rows("orders", [1]), 1)],
        ]),
      }),
    );
    expect(out.map((g) => [g.group, g.verdict])).toEqual([
      ["c-busy", "resumes"],
      ["b-reread", "rereads"],
      ["a-ok", "resumes"],
    ]);
    expect(out[0]!.reason).toContain("1 member is already connected to it on cloud");
  });

  it("says when the destination's offsets have not moved for more than two sync intervals", () => {
    const g = one(
      input({
        sourceGroups: [reading("g", rows("orders", [50]))],
        destinationGroups: new Map([["g", reading("g", rows("orders", [10]))]]),
        destinationAges: new Map([["g", { ageMs: 300_000, atLeast: true }]]),
      }),
    );
    expect(g).toMatchObject({ verdict: "rereads", destinationOffsetsAgeMs: 300_000, destinationOffsetsAgeAtLeast: true });
    expect(g.reason).toContain("have not moved for at least 5 min");
  });

  it("reads sync settings from configs: unknown without them, default interval, unparseable filters", () => {
    expect(offsetSyncOf(null).sync).toMatchObject({ enabled: null, intervalMs: 30_000 });
    const bad = offsetSyncOf(
      new Map([
        ["consumer.offset.sync.enable", "true"],
        ["consumer.offset.group.filters", "{nope"],
      ]),
    );
    expect(bad.sync.filtersProblem).toContain("not valid JSON");
    const g = one(
      input({
        configs: new Map([
          ["consumer.offset.sync.enable", "true"],
          ["consumer.offset.group.filters", "{nope"],
        ]),
        sourceGroups: [reading("g", rows("orders", [1]))],
      }),
    );
    expect(g).toMatchObject({ verdict: "resets", inFilter: null });
    expect(g.reason).toContain("fix the filters");
  });
});

describe("offsets age", () => {
  it("counts from when Linkscope saw the offsets change, at least since its first look", () => {
    const first = observeOffsets(undefined, rows("orders", [1]), 1_000);
    expect(first).toMatchObject({ ageMs: 0, atLeast: true });
    const same = observeOffsets(first.observation, rows("orders", [1]), 31_000);
    expect(same).toMatchObject({ ageMs: 30_000, atLeast: true });
    const moved = observeOffsets(same.observation, rows("orders", [2]), 41_000);
    expect(moved).toMatchObject({ ageMs: 0, atLeast: false });
    expect(observeOffsets(moved.observation, rows("orders", [2]), 50_000)).toMatchObject({ ageMs: 9_000, atLeast: false });
  });
});

describe("measured source end offsets", () => {
  it("takes the highest log end offset any group reported per partition, labelled with its time, and measures what a mirror lacks", () => {
    const m = measuredSourceEndOffsets(
      [reading("a", rows("orders", [5, 5], [100, 200])), reading("b", rows("orders", [7], [105])), reading("c", rows("other", [1]))],
      "orders",
      42,
    );
    expect(m).toEqual({
      topic: "orders",
      asOfMs: 42,
      endOffsets: new Map([
        [0, 105],
        [1, 200],
      ]),
      groups: ["a", "b"],
    });
    expect(
      measuredMessagesAtRisk(m!, [
        { partition: 0, lastSourceFetchOffset: 100 },
        { partition: 1, lastSourceFetchOffset: -1 },
        { partition: 2, lastSourceFetchOffset: 3 },
      ]),
    ).toEqual({ messages: 205, complete: false, asOfMs: 42 });
    expect(measuredSourceEndOffsets([reading("c", rows("other", [1]))], "orders", 42)).toBeNull();
  });
});
