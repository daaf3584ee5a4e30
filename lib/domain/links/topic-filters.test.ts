import { describe, expect, it } from "vitest";
import {
  aclFiltersJson,
  FILTER_CONFIG_CHECKS,
  groupFiltersJson,
  nameIncluded,
  previewFilters,
  topicFiltersJson,
  type NameFilter,
} from "./topic-filters";

const seedFilters: NameFilter[] = [
  { name: "mirror_me", patternType: "PREFIXED", filterType: "INCLUDE" },
  { name: "no_mirror", patternType: "PREFIXED", filterType: "EXCLUDE" },
];

describe("filter JSON (JSON-in-a-string, camelCase keys)", () => {
  it("serializes topic filters exactly as the seed document writes them", () => {
    expect(JSON.parse(topicFiltersJson(seedFilters))).toEqual({
      topicFilters: [
        { name: "mirror_me", patternType: "PREFIXED", filterType: "INCLUDE" },
        { name: "no_mirror", patternType: "PREFIXED", filterType: "EXCLUDE" },
      ],
    });
    expect(topicFiltersJson([{ name: "*", patternType: "LITERAL", filterType: "INCLUDE" }])).toBe(
      '{"topicFilters":[{"name":"*","patternType":"LITERAL","filterType":"INCLUDE"}]}',
    );
  });

  it("serializes group and ACL filters", () => {
    expect(groupFiltersJson([{ name: "tmp-", patternType: "PREFIXED", filterType: "EXCLUDE" }])).toBe(
      '{"groupFilters":[{"name":"tmp-","patternType":"PREFIXED","filterType":"EXCLUDE"}]}',
    );
    expect(
      JSON.parse(
        aclFiltersJson([
          {
            resourceFilter: { resourceType: "topic", name: "", patternType: "any" },
            accessFilter: { principal: "User:alice", operation: "read", permissionType: "allow" },
          },
        ]),
      ),
    ).toEqual({
      aclFilters: [
        {
          resourceFilter: { resourceType: "topic", patternType: "any" },
          accessFilter: { principal: "User:alice", operation: "read", permissionType: "allow" },
        },
      ],
    });
  });

  it("checks filter JSON: shape, camelCase keys and enum values", () => {
    const topics = FILTER_CONFIG_CHECKS["auto.create.mirror.topics.filters"]!;
    expect(topics(topicFiltersJson(seedFilters))).toEqual({ ok: true });
    expect(topics("{not json")).toEqual({ ok: false, problem: "auto.create.mirror.topics.filters is not valid JSON." });
    expect(topics('{"topic_filters":[]}')).toMatchObject({ ok: false });
    expect(topics('{"topicFilters":[{"name":"a","patternType":"REGEX","filterType":"INCLUDE"}]}')).toMatchObject({
      ok: false,
      problem: expect.stringContaining("topicFilters.0.patternType"),
    });
    expect(FILTER_CONFIG_CHECKS["consumer.offset.group.filters"]!('{"groupFilters":[]}')).toEqual({ ok: true });
    // The demo fleet's deliberately broken acl.filters value:
    expect(
      FILTER_CONFIG_CHECKS["acl.filters"]!('{"aclFilters": [{"resourceFilter": {"resourceType": "topic", "patternType": "literal"}'),
    ).toMatchObject({ ok: false });
  });
});

describe("matching", () => {
  it("includes by prefix, and an exclude always wins", () => {
    expect(nameIncluded(seedFilters, "mirror_me_orders")).toBe(true);
    expect(nameIncluded(seedFilters, "no_mirror_secret")).toBe(false);
    expect(nameIncluded(seedFilters, "other")).toBe(false);
    expect(
      nameIncluded(
        [
          { name: "*", patternType: "LITERAL", filterType: "INCLUDE" },
          { name: "x", patternType: "LITERAL", filterType: "EXCLUDE" },
        ],
        "x",
      ),
    ).toBe(false);
    expect(nameIncluded([{ name: "*", patternType: "LITERAL", filterType: "INCLUDE" }], "anything")).toBe(true);
    expect(nameIncluded([{ name: "orders", patternType: "LITERAL", filterType: "INCLUDE" }], "orders2")).toBe(false);
  });

  it("previews which of the source's topics are mirrored, excluded by an EXCLUDE, or untouched", () => {
    const topics = ["my_test_topic", "mirror_me_payments", "mirror_me_orders", "no_mirror_secret", "internal_metrics"];
    const withOverlap: NameFilter[] = [...seedFilters, { name: "mirror_me_p", patternType: "PREFIXED", filterType: "EXCLUDE" }];
    expect(previewFilters(withOverlap, topics)).toEqual({
      included: ["mirror_me_orders"],
      excluded: ["mirror_me_payments"],
      untouched: ["internal_metrics", "my_test_topic", "no_mirror_secret"],
    });
    expect(previewFilters([], topics).included).toEqual([]);
  });
});
