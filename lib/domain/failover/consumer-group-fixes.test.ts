import { describe, expect, it } from "vitest";
import type { ConsumerGroupFailover, OffsetSyncView } from "./consumer-group-types";
import { consumerGroupFixes, widenedFilters } from "./consumer-group-fixes";

const g = (group: string, over: Partial<ConsumerGroupFailover> = {}): ConsumerGroupFailover => ({
  group,
  destinationGroup: group,
  topics: ["orders"],
  inFilter: true,
  verdict: "resets",
  reason: "",
  behindMessages: null,
  destinationOffsetsAgeMs: null,
  destinationOffsetsAgeAtLeast: false,
  activeMembersOnDestination: 0,
  partitions: [],
  ...over,
});
const TMP_OUT = JSON.stringify({
  groupFilters: [
    { name: "*", patternType: "LITERAL", filterType: "INCLUDE" },
    { name: "tmp-", patternType: "PREFIXED", filterType: "EXCLUDE" },
  ],
});
const sync = (over: Partial<OffsetSyncView> = {}): OffsetSyncView => ({
  enabled: true,
  intervalMs: 30_000,
  groupFilters: TMP_OUT,
  filtersProblem: null,
  ...over,
});
const ctx = (over: Partial<OffsetSyncView> = {}) => ({
  link: "onprem-to-cloud",
  clusterId: "lkc-c10ud7",
  destinationCluster: "cloud",
  offsetSync: sync(over),
});

describe("consumer group fixes", () => {
  it("enables sync with the CLI and REST commands when it is off", () => {
    const [fix] = consumerGroupFixes(ctx({ enabled: false }), [g("a"), g("b", { verdict: "resumes" })]);
    expect(fix).toMatchObject({ kind: "enable-sync", groups: ["a"] });
    if (fix?.kind !== "enable-sync") throw new Error("expected enable-sync");
    expect(fix.commands.cli).toBe(
      "confluent kafka link configuration update onprem-to-cloud --cluster lkc-c10ud7 --config consumer.offset.sync.enable=true",
    );
    expect(fix.commands.rest).toContain("/kafka/v3/clusters/lkc-c10ud7/links/onprem-to-cloud/configs/consumer.offset.sync.enable");
    expect(fix.commands.rest).toContain(`-d '{"value":"true"}'`);
  });

  it("widens the filter for groups left out, dropping the exclude that blocks them, and waits for the others", () => {
    const fixes = consumerGroupFixes(ctx(), [
      g("tmp-debug", { inFilter: false }),
      g("fresh"),
      g("busy", { activeMembersOnDestination: 2 }),
    ]);
    expect(fixes.map((f) => f.kind)).toEqual(["stop-members", "widen-filter", "wait"]);
    const widen = fixes[1]!;
    if (widen.kind !== "widen-filter") throw new Error("expected widen-filter");
    expect(widen.commands.cli).toContain(
      `--config 'consumer.offset.group.filters={"groupFilters":[{"name":"*","patternType":"LITERAL","filterType":"INCLUDE"},{"name":"tmp-debug","patternType":"LITERAL","filterType":"INCLUDE"}]}'`,
    );
    expect(fixes[2]!.sentence).toContain("wait one sync interval (30 s)");
  });

  it("keeps filters that do not block the added groups", () => {
    expect(widenedFilters(TMP_OUT, ["reporting"])).toBe(
      '{"groupFilters":[{"name":"*","patternType":"LITERAL","filterType":"INCLUDE"},{"name":"tmp-","patternType":"PREFIXED","filterType":"EXCLUDE"},{"name":"reporting","patternType":"LITERAL","filterType":"INCLUDE"}]}',
    );
  });

  it("says nothing when every group resumes or re-reads", () => {
    expect(consumerGroupFixes(ctx(), [g("a", { verdict: "resumes" }), g("b", { verdict: "rereads", behindMessages: 5 })])).toEqual([]);
  });
});
