import { describe, expect, it } from "vitest";
import { fixtureCatalog, type FixtureEntry } from "./fixture-catalog";
import { skipVendorRefTests, VENDOR_REFS_TAG } from "./refs-location";
import { validateRequest, validateResponse } from "./vendor-spec";

// Every test here reads Confluent's specs or recorded answers (tag vendor-refs: skipped on a fresh clone, required under CI).
const fixtures = skipVendorRefTests() ? [] : fixtureCatalog();
const vendor = { tags: [VENDOR_REFS_TAG] };
const byFile = (file: string): FixtureEntry => {
  const f = fixtures.find((x) => x.file === file);
  if (!f) throw new Error(`no fixture ${file}`);
  return f;
};
const clone = <T>(value: T): T => structuredClone(value);
const responseOf = (f: FixtureEntry, body: unknown = f.body) =>
  validateResponse({ method: f.method, path: f.path, status: f.status, body, contentType: "application/json" });

describe("vendor spec: fixtures conform", vendor, () => {
  const conforming = fixtures.filter(
    (f) => f.origin === "ccloud" || f.origin === "tf" || f.origin === "synth" || f.operationId.includes("PromoteLocal"),
  );

  it("maps every fixture file to an exchange", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
    expect(conforming.filter((f) => f.origin === "tf")).toHaveLength(7);
  });

  it.each(conforming.filter((f) => f.role === "response").map((f) => [f.file, f] as const))("response %s", (_file, f) => {
    expect(responseOf(f)).toEqual([]);
  });

  it.each(conforming.filter((f) => f.role === "request").map((f) => [f.file, f] as const))("request %s", (_file, f) => {
    expect(validateRequest({ method: f.method, path: f.path, query: f.query, body: f.body })).toEqual([]);
  });

  it("the older CP SDK examples differ from CC only in the ways the reference documents", () => {
    const cpDifferences = fixtures
      .filter((f) => f.origin === "cp-sdk-2024-06" && !f.operationId.includes("PromoteLocal"))
      .flatMap((f) => responseOf(f));
    for (const v of cpDifferences) {
      // trap 8 (default/read_only/sensitive spelling) and §5 (CP action items lack the truncation fields)
      expect(v).toMatch(/required property '(is_default|is_read_only|is_sensitive|messages_truncated|partition_level_truncation_data)'/);
    }
    expect(cpDifferences.length).toBeGreaterThan(0);
  });
});

describe("vendor spec: real-server tolerances (tf.* answers)", vendor, () => {
  it("accepts value null and source DEFAULT_CONFIG on link configs", () => {
    const configs = byFile("tf.cluster_link.read_created_cluster_link_config.json");
    const data = (configs.body as { data: Array<{ name: string; value: unknown; source: string }> }).data;
    expect(data.find((c) => c.name === "sasl.jaas.config")?.value).toBeNull();
    expect(data.some((c) => c.source === "DEFAULT_CONFIG")).toBe(true);
    expect(responseOf(configs)).toEqual([]);
  });

  it("accepts unknown values of extensible enums (link_state UNMANAGED_SOURCE, made-up task state)", () => {
    const link = clone(byFile("synth.getKafkaLink.include_tasks.json"));
    const body = link.body as { link_state: string; tasks: Array<{ state: string }> };
    body.link_state = "SOMETHING_NEW";
    body.tasks[0]!.state = "ALSO_NEW";
    expect(responseOf(link, body)).toEqual([]);
  });

  it("accepts 404 on link operations and 204 on link delete, as real servers send", () => {
    const error = { error_code: 404, message: "Cluster link 'nope' does not exist" };
    expect(validateResponse({ method: "GET", path: "/kafka/v3/clusters/c/links/nope", status: 404, body: error })).toEqual([]);
    expect(validateResponse({ method: "DELETE", path: "/kafka/v3/clusters/c/links/l", status: 204, body: "" })).toEqual([]);
    expect(validateResponse({ method: "POST", path: "/kafka/v3/clusters/c/links", status: 409, body: { error_code: 409, message: "exists" } })).toEqual([]);
  });

  it("knows the CP-only list-clusters and promote-local-and-* operations", () => {
    expect(validateRequest({ method: "GET", path: "/kafka/v3/clusters" })).toEqual([]);
    expect(
      validateRequest({ method: "POST", path: "/kafka/v3/clusters/c/links/l/mirrors:promote-local-and-pause-remote-mirror", body: { mirror_topic_names: ["t"] } }),
    ).toEqual([]);
  });
});

describe("vendor spec: violations are reported", vendor, () => {
  // Read when a test runs: collecting this file must not need the refs.
  const link = () => byFile("ccloud.getKafkaLink.response-200.link_at_destination_cluster.json");
  const mirror = () => byFile("tf.kafka_mirror_topic.regular.read_created_kafka_mirror_topic.json");
  const action = () => byFile("ccloud.updateKafkaMirrorTopicsPromote.response-200.json");

  it("wrong type", () => {
    const body = clone(mirror().body) as { num_partitions: unknown };
    body.num_partitions = "6";
    expect(responseOf(mirror(), body)).toEqual([expect.stringContaining("body.num_partitions must be integer")]);
  });

  it("int32 out of range", () => {
    const body = clone(byFile("synth.getKafkaLink.category_counts.json").body) as { category_counts: Array<{ count: number }> };
    body.category_counts[0]!.count = 2 ** 40;
    expect(validateResponse({ method: "GET", path: "/kafka/v3/clusters/c/links/link-4", status: 200, body })).toEqual([
      expect.stringContaining('body.category_counts[0].count must match format "int32"'),
    ]);
  });

  it("missing required field", () => {
    const body = clone(link().body) as Record<string, unknown>;
    delete body.cluster_link_id;
    expect(responseOf(link(), body)).toEqual([expect.stringContaining("must have required property 'cluster_link_id'")]);
  });

  it("closed enum: mirror_status outside MirrorTopicStatus", () => {
    const body = clone(mirror().body) as { mirror_status: string };
    body.mirror_status = "PROMOTED";
    expect(responseOf(mirror(), body)).toEqual([expect.stringContaining("body.mirror_status must be equal to one of the allowed values")]);
  });

  it("error_code on an action item must be an int, never a string", () => {
    const body = clone(action().body) as { data: Array<{ error_code: unknown }> };
    body.data[1]!.error_code = "400";
    expect(responseOf(action(), body)).toEqual([expect.stringContaining("body.data[1].error_code must be integer,null")]);
  });

  it("mirror_lags wrapped in an SDK-style object", () => {
    const body = clone(mirror().body) as { mirror_lags: unknown };
    body.mirror_lags = { items: body.mirror_lags };
    expect(responseOf(mirror(), body)).toEqual([expect.stringContaining("body.mirror_lags must be array")]);
  });

  it("invented path or method", () => {
    expect(validateResponse({ method: "POST", path: "/kafka/v3/clusters/c/links/l:pause", status: 200, body: {} })).toEqual([
      expect.stringContaining("no such path"),
    ]);
    expect(validateRequest({ method: "POST", path: "/kafka/v3/clusters/c/links/l" })).toEqual([expect.stringContaining("has no POST")]);
    expect(validateRequest({ method: "POST", path: "/kafka/v3/clusters/c/links/l/mirrors:explode", body: {} })).toEqual([
      expect.stringContaining("no such path"),
    ]);
  });

  it("colon action suffixes are literal: `{link_name}` never swallows `:promote`", () => {
    expect(validateRequest({ method: "POST", path: "/kafka/v3/clusters/c/links/my-link/mirrors:promote", body: { mirror_topic_names: ["a"] } })).toEqual([]);
    expect(validateRequest({ method: "GET", path: "/kafka/v3/clusters/c/links/my-link:promote" })).toEqual([expect.stringContaining("no such path")]);
    // An encoded colon is a different path, not the action.
    expect(validateRequest({ method: "POST", path: "/kafka/v3/clusters/c/links/my-link/mirrors%3Apromote", body: {} })).toEqual([
      expect.stringContaining("no such path"),
    ]);
  });

  it("undocumented status", () => {
    expect(validateResponse({ method: "GET", path: "/kafka/v3/clusters/c/links", status: 418, body: { error_code: 418, message: null } })).toEqual([
      expect.stringContaining("status 418 is not documented"),
    ]);
  });

  it("a body on 204", () => {
    expect(validateResponse({ method: "POST", path: "/kafka/v3/clusters/c/links/l/mirrors", status: 204, body: "{}" })).toEqual([
      expect.stringContaining("must have no body"),
    ]);
    expect(validateResponse({ method: "POST", path: "/kafka/v3/clusters/c/links/l/mirrors", status: 204, body: undefined })).toEqual([]);
  });

  it("429 must be text/html; 5XX must be an Error", () => {
    const path = "/kafka/v3/clusters/c/links";
    expect(validateResponse({ method: "GET", path, status: 429, body: "<html>busy</html>", contentType: "text/html" })).toEqual([]);
    expect(validateResponse({ method: "GET", path, status: 429, body: { error_code: 429 }, contentType: "application/json" })).toContainEqual(
      expect.stringContaining("content-type application/json is not documented"),
    );
    expect(validateResponse({ method: "GET", path, status: 503, body: "{\"error_code\":\"x\",\"message\":null}" })).toEqual([
      expect.stringContaining("body.error_code must be integer"),
    ]);
    expect(validateResponse({ method: "GET", path, status: 500, body: "not json" })).toEqual([expect.stringContaining("not valid JSON")]);
  });

  it("request: query parameters and bodies", () => {
    const links = "/kafka/v3/clusters/c/links";
    expect(validateRequest({ method: "POST", path: links, body: { source_cluster_id: "s" } })).toEqual([
      expect.stringContaining("required query parameter link_name is missing"),
    ]);
    expect(validateRequest({ method: "GET", path: `${links}?include_tasks=true` })).toEqual([expect.stringContaining("unknown query parameter include_tasks")]);
    expect(validateRequest({ method: "GET", path: `${links}/l`, query: { include_tasks: "yes" } })).toEqual([expect.stringContaining("must be boolean")]);
    expect(validateRequest({ method: "GET", path: `${links}/-/mirrors`, query: { mirror_status: "active" } })).toHaveLength(1);
    expect(validateRequest({ method: "PUT", path: `${links}/l/configs:alter`, body: { configs: [] } })).toEqual([
      expect.stringContaining("must have required property 'data'"),
    ]);
    expect(validateRequest({ method: "GET", path: links, body: { a: 1 } })).toEqual([expect.stringContaining("must not carry a request body")]);
  });
});
