// A broad tour of every endpoint over the bundled scenarios: it covers every operation, and (with the vendor refs) every
// answer and request matches the vendor OpenAPI spec.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VENDOR_REFS_TAG } from "../test/contract/refs-location";
import { validateRequest, validateResponse } from "../test/contract/vendor-spec";
import { ROUTES, matchRoute } from "./http/rest-router";
import { startHarness, type Harness } from "./test-support/harness";
import type { Exchange } from "./test-support/rest-client";
import { jaasFor, pair } from "./test-support/scenarios";

const requests: Array<{ method: string; path: string; body?: unknown }> = [];
let demo: Harness;
let small: Harness;

let seen: Exchange[] = [];

beforeAll(async () => {
  demo = await startHarness("demo");
  small = await startHarness(pair());
  await tour();
  seen = [...demo.exchanges, ...small.exchanges].filter((e) => e.path.startsWith("/kafka/"));
});
afterAll(async () => {
  await demo.stop();
  await small.stop();
});

async function call(h: Harness, cluster: string, method: string, path: string, payload?: unknown): Promise<Exchange> {
  const full = path.startsWith("/kafka") ? path : `${h.base(cluster)}${path}`;
  requests.push({ method, path: full, ...(payload !== undefined ? { body: payload } : {}) });
  return h.rest(cluster).request(method, full, payload);
}

/** A request that breaks the spec on purpose (to see the 400); its answer is still checked. */
async function callInvalid(h: Harness, cluster: string, method: string, path: string): Promise<Exchange> {
  return h.rest(cluster).request(method, `${h.base(cluster)}${path}`);
}

async function tour(): Promise<void> {
  const d = demo;
  // Clusters and topics.
  await call(d, "jump", "GET", "/kafka/v3/clusters");
  await call(d, "jump", "GET", "");
  await call(d, "jump", "GET", "/topics");
  await call(d, "jump", "GET", "/topics/my_test_topic");
  await call(d, "jump", "GET", "/topics/nope");
  await call(d, "jump", "POST", "/topics", { topic_name: "tour_topic", partitions_count: 2 });
  await call(d, "jump", "POST", "/topics", { topic_name: "tour_topic" });
  await call(d, "jump", "DELETE", "/topics/tour_topic");
  await call(d, "jump", "DELETE", "/topics/tour_topic");
  await call(d, "jump", "GET", "/links").then((ex) => ex);
  await d.rest("jump").withCredentials({ username: "bad", password: "bad" }).get(`${d.base("jump")}/links`);

  // Links of every kind, both halves, with and without tasks; the UNMANAGED_SOURCE record comes later.
  for (const [cluster, link] of [
    ["jump", "primary-to-jump"],
    ["primary", "primary-to-jump"],
    ["dr", "jump-to-dr"],
    ["cloud", "onprem-to-cloud"],
    ["onprem", "onprem-to-cloud"],
    ["us-east", "east-west"],
    ["us-west", "east-west"],
  ] as const) {
    await call(d, cluster, "GET", "/links");
    await call(d, cluster, "GET", `/links/${link}`);
    await call(d, cluster, "GET", `/links/${link}?include_tasks=true`);
    await call(d, cluster, "GET", `/links/${link}/configs`);
    await call(d, cluster, "GET", `/links/${link}/configs/link.mode`);
    await call(d, cluster, "GET", `/links/${link}/configs/sasl.jaas.config`);
    await call(d, cluster, "GET", `/links/${link}/mirrors`);
    await call(d, cluster, "GET", "/links/-/mirrors");
  }
  await call(d, "jump", "GET", "/links/nope");
  await call(d, "jump", "GET", "/links/nope/configs");
  await call(d, "jump", "GET", "/links/primary-to-jump/configs/nope.nope");
  await call(d, "cloud", "GET", "/links/-/mirrors?mirror_status=FAILED");
  await call(d, "cloud", "GET", "/links/onprem-to-cloud/mirrors?mirror_status=ACTIVE");
  await callInvalid(d, "cloud", "GET", "/links/onprem-to-cloud/mirrors?mirror_status=active");
  await call(d, "cloud", "GET", "/links/onprem-to-cloud/mirrors/legacy_audit?include_state_transition_errors=true");
  await call(d, "cloud", "GET", "/links/onprem-to-cloud/mirrors/clickstream");
  await call(d, "cloud", "GET", "/links/onprem-to-cloud/mirrors/nope");

  // Consumer groups: the applications' own on the source, the synced copies on the destination.
  for (const [cluster, group] of [
    ["primary", "app-orders"],
    ["primary", "app-billing"],
    ["jump", "app-orders"],
    ["onprem", "clickstream-analytics"],
    ["cloud", "inventory-sync"],
  ] as const) {
    await call(d, cluster, "GET", "/consumer-groups");
    await call(d, cluster, "GET", `/consumer-groups/${group}`);
    await call(d, cluster, "GET", `/consumer-groups/${group}/consumers`);
    await call(d, cluster, "GET", `/consumer-groups/${group}/lags`);
    await call(d, cluster, "GET", `/consumer-groups/${group}/lag-summary`);
  }
  await call(d, "primary", "GET", "/consumer-groups/nope/lags");

  // Config writes.
  await call(d, "jump", "PUT", "/links/primary-to-jump/configs/consumer.offset.sync.enable", { value: "true" });
  await call(d, "jump", "PUT", "/links/primary-to-jump/configs/consumer.offset.sync.enable", { value: "maybe" });
  await call(d, "jump", "DELETE", "/links/primary-to-jump/configs/consumer.offset.sync.enable");
  await call(d, "jump", "PUT", "/links/primary-to-jump/configs:alter", { data: [{ name: "acl.sync.ms", value: "6000", operation: "SET" }, { name: "topic.config.sync.ms", operation: "DELETE" }] });
  await call(d, "jump", "PUT", "/links/primary-to-jump/configs:alter?validate_only=true", { data: [{ name: "num.cluster.link.fetchers", value: "2" }] });

  // Mirror actions, successes and per-topic errors.
  await call(d, "us-west", "POST", "/links/east-west/mirrors:resume", { mirror_topic_names: ["east.payments", "nope"] });
  await call(d, "us-west", "POST", "/links/east-west/mirrors:pause", { mirror_topic_name_pattern: "east\\..*" });
  await call(d, "us-west", "POST", "/links/east-west/mirrors:resume?validate_only=true", { mirror_topic_name_pattern: ".*" });
  await call(d, "us-west", "POST", "/links/east-west/mirrors:resume", { mirror_topic_name_pattern: ".*" });
  await call(d, "jump", "POST", "/links/primary-to-jump/mirrors:promote", { mirror_topic_names: ["mirror_me_payments"] });
  await call(d, "jump", "POST", "/links/primary-to-jump/mirrors:reverse-and-start-mirror", { mirror_topic_names: ["mirror_me_orders"] });
  await call(d, "jump", "POST", "/links/primary-to-jump/mirrors:reverse-and-pause-mirror", { mirror_topic_names: ["mirror_me_orders"] });
  await call(d, "us-east", "POST", "/links/east-west/mirrors:reverse-and-pause-mirror", { mirror_topic_names: ["west.shipments"] });
  await call(d, "cloud", "POST", "/links/onprem-to-cloud/mirrors:failover", { mirror_topic_names: ["legacy_audit", "inventory"] });
  await call(d, "cloud", "POST", "/links/onprem-to-cloud/mirrors:promote", { mirror_topic_names: ["inventory"] });
  await call(d, "us-west", "POST", "/links/east-west/mirrors:failover", { mirror_topic_names: ["east.orders"] });
  await d.advance(30_000);
  await call(d, "us-east", "POST", "/links/east-west/mirrors:truncate-and-restore?include_partition_level_truncation_data=true", { mirror_topic_names: ["orders"] });
  await call(d, "us-east", "POST", "/links/east-west/mirrors:truncate-and-restore", { mirror_topic_names: ["payments"] });
  await call(d, "us-east", "POST", "/links/east-west/mirrors:truncate-and-restore", {});
  await d.advance(10_000);
  await call(d, "us-east", "GET", "/links/east-west/mirrors/orders");
  await call(d, "us-east", "GET", "/links/east-west/mirrors/west.shipments");
  await call(d, "jump", "GET", "/links/primary-to-jump/mirrors/mirror_me_payments");

  // Link creation and deletion, including the failures a real cluster answers.
  const s = small;
  await call(s, "src", "POST", "/links?link_name=s-link", {
    destination_cluster_id: s.id("dst"),
    configs: [
      { name: "link.mode", value: "SOURCE" },
      { name: "bootstrap.servers", value: "dst.sim.local:9092" },
      { name: "sasl.jaas.config", value: jaasFor("dst") },
      { name: "local.sasl.jaas.config", value: jaasFor("src") },
    ],
  });
  await call(s, "dst", "POST", "/links?link_name=s-link", {
    source_cluster_id: s.id("src"),
    configs: [
      { name: "link.mode", value: "DESTINATION" },
      { name: "connection.mode", value: "INBOUND" },
    ],
  });
  await call(s, "src", "POST", "/links?link_name=s-link", {
    destination_cluster_id: s.id("dst"),
    configs: [
      { name: "link.mode", value: "SOURCE" },
      { name: "bootstrap.servers", value: "dst.sim.local:9092" },
      { name: "sasl.jaas.config", value: jaasFor("dst") },
      { name: "local.sasl.jaas.config", value: jaasFor("src") },
    ],
  });
  await call(s, "dst", "POST", "/links?link_name=s-link", { source_cluster_id: s.id("src"), configs: [{ name: "connection.mode", value: "INBOUND" }] });
  await call(s, "dst", "POST", "/links/s-link/mirrors", { source_topic_name: "orders" });
  await call(s, "dst", "POST", "/links/s-link/mirrors", { source_topic_name: "orders" });
  await call(s, "dst", "POST", "/links/s-link/mirrors", { source_topic_name: "ghost" });
  await call(s, "dst", "POST", "/links/s-link/mirrors", { source_topic_name: "payments", mirror_topic_name: "renamed" });
  await call(s, "dst", "GET", "/links/s-link/mirrors/orders");
  await call(s, "dst", "DELETE", "/links/s-link");
  await call(s, "dst", "DELETE", "/links/s-link?force=true");
  await call(s, "src", "GET", "/links");
  await call(s, "src", "DELETE", "/links/s-link?validate_only=true");
  await call(s, "src", "DELETE", "/links/s-link");
  await call(s, "dst", "POST", "/links?link_name=bi&validate_link=false", {
    remote_cluster_id: s.id("src"),
    configs: [
      { name: "link.mode", value: "BIDIRECTIONAL" },
      { name: "bootstrap.servers", value: "src.sim.local:9092" },
      { name: "sasl.jaas.config", value: jaasFor("nobody") },
    ],
  });
  await call(s, "dst", "GET", "/links/bi?include_tasks=true");
  await call(s, "dst", "POST", "/links?link_name=bad", { source_cluster_id: s.id("src") });
}

describe("the tour", () => {
  it("covers every operation the simulator serves and every status it answers", () => {
    const covered = new Set<string>();
    for (const ex of seen) {
      const m = matchRoute(ex.method, ex.path);
      if (m.kind === "match") covered.add(`${ex.method} ${m.template}`);
    }
    const all = ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${r.template}`));
    expect(all.filter((op) => !covered.has(op))).toEqual([]);
    const statuses = new Set(seen.map((e) => e.status));
    for (const s of [200, 201, 204, 400, 401, 404, 409]) expect(statuses.has(s), `status ${s} exercised`).toBe(true);
  });
});

describe("vendor contract", { tags: [VENDOR_REFS_TAG] }, () => {
  it("every answer of the tour conforms to the vendor OpenAPI spec", () => {
    const violations = seen.flatMap((ex) =>
      validateResponse({ method: ex.method, path: ex.path, status: ex.status, body: ex.body, ...(ex.contentType ? { contentType: ex.contentType } : {}) }).map(
        (v) => `${ex.method} ${ex.path}?${ex.query} → ${v}`,
      ),
    );
    expect(violations).toEqual([]);
  });

  it("the tour's own requests are valid vendor requests", () => {
    const problems = requests.flatMap((r) => validateRequest({ method: r.method, path: r.path, body: r.body }).map((v) => `${r.method} ${r.path} → ${v}`));
    expect(problems).toEqual([]);
  });
});
