import { describe, expect, it } from "vitest";
import { anUnreachableCluster } from "@/lib/domain/testing/observations";
import { linkSamplesFromSnapshot } from "./snapshot-samples";
import { aCluster, aMirrorTopic, aReading, aSnapshot } from "./testing/fleet-snapshots";

const T = Date.UTC(2026, 10, 21, 12, 0, 0);

describe("samples from a fleet snapshot", () => {
  it("samples every mirror-hosting half of every reachable cluster whose mirrors were read, and nothing else", () => {
    const snapshot = aSnapshot(T, [
      aReading(
        aCluster("dr"),
        [
          { linkName: "primary-to-dr" },
          { linkName: "dr-to-cloud", linkMode: "SOURCE", connectionMode: "OUTBOUND" },
          { linkName: "empty-link" },
        ],
        [
          aMirrorTopic("primary-to-dr", "orders", [5, 7]),
          aMirrorTopic("primary-to-dr", "payments", [1]),
          aMirrorTopic("dr-to-cloud", "stray", [99]),
        ],
      ),
      aReading(aCluster("primary"), [{ linkName: "primary-to-dr", linkMode: "SOURCE" }], []),
      aReading(anUnreachableCluster("down"), [], null),
      aReading(aCluster("flaky"), [{ linkName: "flaky-link" }], null),
      aReading(aCluster("east"), [{ linkName: "east-west", linkMode: "BIDIRECTIONAL" }], [aMirrorTopic("east-west", "clicks", [3])]),
    ]);
    const samples = linkSamplesFromSnapshot(snapshot);
    expect(samples.map((s) => [s.cluster, s.link, s.mirrors.map((m) => m.topic)])).toEqual([
      ["dr", "primary-to-dr", ["orders", "payments"]],
      ["dr", "empty-link", []],
      ["east", "east-west", ["clicks"]],
    ]);
    expect(samples[0]?.mirrors[0]?.partitions).toEqual([
      { partition: 0, lag: 5, lastSourceFetchOffset: 1000 },
      { partition: 1, lag: 7, lastSourceFetchOffset: 1001 },
    ]);
  });

  it("skips a cluster that answered but is not ok (unauthorized, error)", () => {
    const snapshot = aSnapshot(T, [
      aReading(
        aCluster("locked", { status: "unauthorized", error: "bad credentials" }),
        [{ linkName: "l" }],
        [aMirrorTopic("l", "t", [1])],
      ),
    ]);
    expect(linkSamplesFromSnapshot(snapshot)).toEqual([]);
  });
});
