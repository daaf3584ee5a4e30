import { describe, expect, it } from "vitest";
import { mirrorCliCommand, mirrorNameOf, mirrorNameProblem } from "./mirror-requests";

describe("mirror requests", () => {
  it("applies the link's prefix", () => {
    expect(mirrorNameOf("dr.", "orders")).toBe("dr.orders");
    expect(mirrorNameOf("", "orders")).toBe("orders");
  });

  it("validates the source name and the prefixed name", () => {
    expect(mirrorNameProblem("", "orders")).toBeNull();
    expect(mirrorNameProblem("", "bad topic")).toMatch(/remove spaces/);
    expect(mirrorNameProblem("p".repeat(200), "t".repeat(60))).toMatch(/260 characters/);
  });

  it("builds the CLI command (the seed's form, plus --source-topic when prefixed)", () => {
    expect(mirrorCliCommand({ clusterId: "lkc-j4mp2x", link: "primary-to-jump", sourceTopic: "my_test_topic", prefix: "" })).toBe(
      "confluent kafka mirror create my_test_topic --link primary-to-jump --cluster lkc-j4mp2x",
    );
    expect(
      mirrorCliCommand({
        clusterId: "lkc-1",
        link: "l",
        sourceTopic: "orders",
        prefix: "dr.",
        replicationFactor: 3,
        configs: { "retention.ms": "1000" },
      }),
    ).toBe(
      "confluent kafka mirror create dr.orders --link l --cluster lkc-1 --source-topic orders --replication-factor 3 --config retention.ms=1000",
    );
  });
});
