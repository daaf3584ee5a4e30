import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { refsDir } from "./refs-location";

/** Every file in shared/refs/fixtures, mapped to the HTTP exchange it belongs to. */
export interface FixtureEntry {
  file: string;
  origin: "ccloud" | "cp-sdk-2024-06" | "tf" | "synth";
  role: "request" | "response";
  operationId: string;
  method: string;
  /** Concrete request path (no query). */
  path: string;
  query: Record<string, string>;
  status: number;
  body: unknown;
}

const C = "/kafka/v3/clusters/cluster-1";
const L = `${C}/links/link-1`;

/** operationId → method + concrete path used for fixtures that carry no ids of their own. */
export const OPERATIONS: Record<string, { method: string; path: string; query?: Record<string, string> }> = {
  listKafkaLinks: { method: "GET", path: `${C}/links` },
  createKafkaLink: { method: "POST", path: `${C}/links`, query: { link_name: "link-1" } },
  getKafkaLink: { method: "GET", path: L },
  listKafkaLinkConfigs: { method: "GET", path: `${L}/configs` },
  getKafkaLinkConfigs: { method: "GET", path: `${L}/configs/consumer.offset.sync.ms` },
  updateKafkaLinkConfig: { method: "PUT", path: `${L}/configs/consumer.offset.sync.ms` },
  updateKafkaLinkConfigBatch: { method: "PUT", path: `${L}/configs:alter` },
  listKafkaMirrorTopicsUnderLink: { method: "GET", path: `${L}/mirrors` },
  listKafkaMirrorTopics: { method: "GET", path: `${C}/links/-/mirrors` },
  readKafkaMirrorTopic: { method: "GET", path: `${L}/mirrors/topic-1` },
  createKafkaMirrorTopic: { method: "POST", path: `${L}/mirrors` },
  updateKafkaMirrorTopicsPromote: { method: "POST", path: `${L}/mirrors:promote` },
  updateKafkaMirrorTopicsFailover: { method: "POST", path: `${L}/mirrors:failover` },
  updateKafkaMirrorTopicsPause: { method: "POST", path: `${L}/mirrors:pause` },
  updateKafkaMirrorTopicsResume: { method: "POST", path: `${L}/mirrors:resume` },
  updateKafkaMirrorTopicsReverseAndStartMirror: { method: "POST", path: `${L}/mirrors:reverse-and-start-mirror` },
  updateKafkaMirrorTopicsReverseAndPauseMirror: { method: "POST", path: `${L}/mirrors:reverse-and-pause-mirror` },
  updateKafkaMirrorTopicsTruncateAndRestoreMirror: { method: "POST", path: `${L}/mirrors:truncate-and-restore` },
  updateKafkaMirrorTopicsPromoteLocalAndStartRemoteMirror: { method: "POST", path: `${L}/mirrors:promote-local-and-start-remote-mirror` },
  updateKafkaMirrorTopicsPromoteLocalAndPauseRemoteMirror: { method: "POST", path: `${L}/mirrors:promote-local-and-pause-remote-mirror` },
};

/** The tf.* files are real Confluent Cloud answers; they keep their own cluster, link and topic names. */
const TF = "/kafka/v3/clusters/lkc-81knqq";
const TF_EXCHANGES: Record<string, { operationId: string; path: string }> = {
  "tf.cluster_link.read_created_cluster_link_config.json": { operationId: "listKafkaLinkConfigs", path: `${TF}/links/tf-link/configs` },
  "tf.cluster_link.read_created_cluster_link_destination.json": { operationId: "getKafkaLink", path: `${TF}/links/ui-test` },
  "tf.cluster_link.read_created_cluster_links_destination.json": { operationId: "listKafkaLinks", path: `${TF}/links` },
  "tf.kafka_mirror_topic.regular.read_created_kafka_mirror_topic.json": {
    operationId: "readKafkaMirrorTopic",
    path: `${TF}/links/ui-test/mirrors/orders`,
  },
  "tf.kafka_mirror_topic.regular.read_paused_kafka_mirror_topic.json": {
    operationId: "readKafkaMirrorTopic",
    path: `${TF}/links/ui-test/mirrors/orders`,
  },
  "tf.kafka_mirror_topic.with_prefix.read_created_kafka_mirror_topic.json": {
    operationId: "readKafkaMirrorTopic",
    path: `${TF}/links/ui-test/mirrors/us_orders`,
  },
  "tf.kafka_mirror_topic.with_prefix.read_stopped_kafka_mirror_topic.json": {
    operationId: "readKafkaMirrorTopic",
    path: `${TF}/links/ui-test/mirrors/us_orders`,
  },
};

/** synth.* files exercise query flags; the query is part of the exchange. */
const SYNTH_QUERY: Record<string, Record<string, string>> = {
  "synth.getKafkaLink.include_tasks.json": { include_tasks: "true" },
  "synth.readKafkaMirrorTopic.include_state_transition_errors.json": { include_state_transition_errors: "true" },
  "synth.updateKafkaMirrorTopicsTruncateAndRestoreMirror.include_partition_level_truncation_data.json": {
    include_partition_level_truncation_data: "true",
  },
};

export function fixturesDir(): string {
  return path.join(refsDir(), "fixtures");
}

export function fixtureCatalog(): FixtureEntry[] {
  const dir = fixturesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => describeFixture(file, JSON.parse(readFileSync(path.join(dir, file), "utf8")) as unknown));
}

export function describeFixture(file: string, body: unknown): FixtureEntry {
  const [origin, second, third] = file.replace(/\.json$/, "").split(".");
  if (origin !== "ccloud" && origin !== "cp-sdk-2024-06" && origin !== "tf" && origin !== "synth") {
    throw new Error(`Unmapped fixture ${file}: add it to test/contract/fixture-catalog.ts`);
  }
  if (origin === "tf") {
    const tf = TF_EXCHANGES[file];
    if (!tf) throw new Error(`Unmapped fixture ${file}: add it to TF_EXCHANGES`);
    return { file, origin, role: "response", operationId: tf.operationId, method: "GET", path: tf.path, query: {}, status: 200, body };
  }
  if (second === "error") {
    // The spec's error examples are documented on GET /links (SOURCES.md); `5XX` is served as 500.
    const status = third === "5XX" ? 500 : Number(third);
    return { file, origin, role: "response", operationId: "listKafkaLinks", method: "GET", path: `${C}/links`, query: {}, status, body };
  }
  const op = second ? OPERATIONS[second] : undefined;
  if (!second || !op) throw new Error(`Unmapped fixture ${file}: unknown operation ${second ?? "(none)"}`);
  const role = third === "request" ? "request" : "response";
  const status = role === "response" ? Number(/^response-(\d+)/.exec(third ?? "")?.[1] ?? 200) : 0;
  const query = { ...(op.query ?? {}), ...(SYNTH_QUERY[file] ?? {}) };
  return { file, origin, role, operationId: second, method: op.method, path: op.path, query, status, body };
}
