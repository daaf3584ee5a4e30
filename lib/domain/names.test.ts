import { describe, expect, it } from "vitest";
import {
  ClusterIdSchema,
  ClusterLinkIdSchema,
  ClusterLinkPrefixSchema,
  LinkNameSchema,
  TopicNameSchema,
  clusterIdFormatOf,
  validateClusterId,
  validateClusterLinkId,
  validateClusterLinkPrefix,
  validateLinkName,
  validateMirrorTopicName,
  validateTopicName,
} from "./names";

describe("validateTopicName (Kafka's rule)", () => {
  it.each(["orders", "my_test_topic", "dr.orders-v2", "A", "x".repeat(249), "...."])("accepts %s", (name) => {
    expect(validateTopicName(name)).toBeNull();
  });

  it.each([
    ["", "A topic name must not be empty."],
    [".", 'A topic name cannot be "." or "..".'],
    ["..", 'A topic name cannot be "." or "..".'],
    ["x".repeat(250), "A topic name can be at most 249 characters long; this one has 250."],
    ["orders/eu", 'A topic name can only contain letters, digits, ".", "_" and "-"; remove "/".'],
    ["my topic  name", 'A topic name can only contain letters, digits, ".", "_" and "-"; remove spaces.'],
    ["ordérs!é", 'A topic name can only contain letters, digits, ".", "_" and "-"; remove "é", "!".'],
  ])("rejects %j", (name, message) => {
    expect(validateTopicName(name)).toBe(message);
  });
});

describe("validateLinkName (Confluent Server's rule)", () => {
  it.each(["primary-to-jump", "jump-to-dr", "link_1.v2", "x".repeat(200)])("accepts %s", (name) => {
    expect(validateLinkName(name)).toBeNull();
  });

  it.each([
    ["", "A link name must not be empty."],
    ["..", 'A link name cannot be "." or "..".'],
    ["x".repeat(201), "A link name can be at most 200 characters long; this one has 201."],
    ["primary to jump", 'A link name can only contain letters, digits, ".", "_" and "-"; remove spaces.'],
    ["a:b", 'A link name can only contain letters, digits, ".", "_" and "-"; remove ":".'],
  ])("rejects %j", (name, message) => {
    expect(validateLinkName(name)).toBe(message);
  });
});

describe("validateClusterLinkPrefix and validateMirrorTopicName", () => {
  it.each(["dr.", "west-", "4100.", ".", "_"])("accepts the prefix %s", (prefix) => {
    expect(validateClusterLinkPrefix(prefix)).toBeNull();
  });

  it("rejects an empty prefix, illegal characters, and a prefix that leaves no room for a topic", () => {
    expect(validateClusterLinkPrefix("")).toBe("A cluster link prefix must not be empty.");
    expect(validateClusterLinkPrefix("dr/")).toMatch(/remove "\/"/);
    expect(validateClusterLinkPrefix("p".repeat(249))).toBe(
      "A cluster link prefix can be at most 248 characters long; this one has 249.",
    );
  });

  it("checks the combined mirror topic name", () => {
    expect(validateMirrorTopicName("dr.", "orders")).toBeNull();
    expect(validateMirrorTopicName("", ".")).toBe('A topic name cannot be "." or "..".');
    expect(validateMirrorTopicName("dr.", "x".repeat(247))).toBe(
      `The mirror topic "dr." + "${"x".repeat(247)}" would be 250 characters long; Kafka allows 249.`,
    );
  });
});

describe("cluster ids", () => {
  it("recognises Confluent Cloud and Kafka UUID ids", () => {
    expect(clusterIdFormatOf("lkc-abc123")).toBe("confluent-cloud");
    expect(clusterIdFormatOf("Fds7TcT9TTqEXsoRLEKMcQ")).toBe("kafka-uuid");
    expect(clusterIdFormatOf("CIL-69l7S1CwoVNAhoQLug")).toBe("kafka-uuid");
    expect(clusterIdFormatOf("pkc-00000")).toBeNull();
    expect(clusterIdFormatOf("LKC-ABC")).toBeNull();
  });

  it("explains what a cluster id should look like", () => {
    expect(validateClusterId("lkc-12345")).toBeNull();
    expect(validateClusterId("")).toBe("A cluster id must not be empty.");
    expect(validateClusterId("pkc-00000")).toBe(
      '"pkc-00000" is not a Kafka cluster id: expected lkc-… on Confluent Cloud, ' +
        "or a 22-character id such as Fds7TcT9TTqEXsoRLEKMcQ on Confluent Platform.",
    );
  });

  it("accepts 22-character cluster link ids only", () => {
    expect(validateClusterLinkId("QyWLm8aWRqmGqVpiqXLOHA")).toBeNull();
    expect(validateClusterLinkId("nNFxHqTvQ5CjXt_XWNl6gg")).toBeNull();
    expect(validateClusterLinkId("7840644d-f7d8-4844-a577-a10ef3df31df")).toMatch(/is not a cluster link id/);
  });
});

describe("zod schemas built on the validators", () => {
  it("pass valid names through unchanged", () => {
    expect(TopicNameSchema.parse("orders")).toBe("orders");
    expect(LinkNameSchema.parse("primary-to-jump")).toBe("primary-to-jump");
    expect(ClusterLinkPrefixSchema.parse("dr.")).toBe("dr.");
    expect(ClusterIdSchema.parse("lkc-abc123")).toBe("lkc-abc123");
    expect(ClusterLinkIdSchema.parse("QyWLm8aWRqmGqVpiqXLOHA")).toBe("QyWLm8aWRqmGqVpiqXLOHA");
  });

  it("report the validator's sentence as the issue message", () => {
    const result = LinkNameSchema.safeParse("primary to jump");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'A link name can only contain letters, digits, ".", "_" and "-"; remove spaces.',
    ]);
  });

  it("reject non-strings", () => {
    expect(TopicNameSchema.safeParse(42).success).toBe(false);
  });
});
