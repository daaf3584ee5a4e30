import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { refsFile, VENDOR_REFS_TAG } from "@/test/contract/refs-location";
import { decodeMirrorRow } from "./decode-mirror";
import { toMirrorTopic } from "./mirrors";
import { MirrorDataSchema } from "./schemas/mirrors";

/** What the schema path makes of a row: the MirrorTopic, or null when the schema refuses it. */
function bySchema(row: unknown) {
  const parsed = MirrorDataSchema.safeParse(row);
  return parsed.success ? toMirrorTopic(parsed.data) : null;
}

const base = {
  kind: "KafkaMirrorData",
  metadata: { self: "https://x/kafka/v3/clusters/c/links/l/mirrors/t" },
  link_name: "l",
  mirror_topic_name: "t",
  source_topic_name: "t",
  num_partitions: 3,
  mirror_lags: [
    { partition: 0, lag: 5, last_source_fetch_offset: 10 },
    { partition: 1, lag: 0, last_source_fetch_offset: -1 },
    { partition: 2, lag: 7 },
  ],
  mirror_status: "ACTIVE",
  state_time_ms: 1_612_550_939_300,
};

/** One change to one field per case: the shapes servers send, the shapes they should not, and the odd ones between. */
const variants: Array<[string, unknown]> = [
  ["as is", base],
  ["lags out of order", { ...base, mirror_lags: [base.mirror_lags[2], base.mirror_lags[0], base.mirror_lags[1]] }],
  ["Go's null lag list", { ...base, mirror_lags: null }],
  ["no lag list", { ...base, mirror_lags: undefined }],
  ["empty lag list", { ...base, mirror_lags: [] }],
  ["a lag that is not an integer", { ...base, mirror_lags: [{ partition: 0, lag: 1.5 }] }],
  ["a lag beyond the safe integers", { ...base, mirror_lags: [{ partition: 0, lag: 2 ** 60 }] }],
  ["a lag as a string", { ...base, mirror_lags: [{ partition: 0, lag: "5" }] }],
  ["a lag row that is null", { ...base, mirror_lags: [null] }],
  ["a lag row that is an array", { ...base, mirror_lags: [[0, 5]] }],
  ["a null fetch offset", { ...base, mirror_lags: [{ partition: 0, lag: 1, last_source_fetch_offset: null }] }],
  ["a fetch offset as a string", { ...base, mirror_lags: [{ partition: 0, lag: 1, last_source_fetch_offset: "1" }] }],
  ["lags as an object", { ...base, mirror_lags: { Items: [] } }],
  ["NO_ERROR", { ...base, mirror_topic_error: "NO_ERROR" }],
  ["an error", { ...base, mirror_topic_error: "SOURCE_TOPIC_DELETED" }],
  ["a null error", { ...base, mirror_topic_error: null }],
  ["an error as a number", { ...base, mirror_topic_error: 5 }],
  ["partitions as a float", { ...base, num_partitions: 3.5 }],
  ["partitions missing", { ...base, num_partitions: undefined }],
  ["partitions as a string", { ...base, num_partitions: "3" }],
  ["state time missing", { ...base, state_time_ms: undefined }],
  ["status missing", { ...base, mirror_status: undefined }],
  ["an unknown status", { ...base, mirror_status: "PENDING_SOMETHING_NEW" }],
  ["link name null", { ...base, link_name: null }],
  ["topic name a number", { ...base, mirror_topic_name: 7 }],
  ["transition errors", { ...base, mirror_state_transition_errors: [{ error_code: "AUTH", error_message: "no" }] }],
  ["transition error with a numeric code", { ...base, mirror_state_transition_errors: [{ error_code: 42 }] }],
  ["transition error with a null message", { ...base, mirror_state_transition_errors: [{ error_code: "X", error_message: null }] }],
  ["transition error without a code", { ...base, mirror_state_transition_errors: [{ error_message: "?" }] }],
  ["transition errors empty", { ...base, mirror_state_transition_errors: [] }],
  ["transition errors null", { ...base, mirror_state_transition_errors: null }],
  ["transition errors an object", { ...base, mirror_state_transition_errors: {} }],
  ["a row that is null", null],
  ["a row that is an array", [base]],
  ["a row that is a string", "t"],
];

describe("decodeMirrorRow (the mirror lists' fast path)", () => {
  it.each(variants)("answers as the schema does, or leaves the row to it: %s", (_, row) => {
    const fast = decodeMirrorRow(row);
    const schema = bySchema(row);
    if (fast !== null) expect(fast).toEqual(schema);
    // What the schema refuses is never accepted on the fast path.
    if (schema === null) expect(fast).toBeNull();
  });

  it("takes every ordinary row itself, so the schema is the exception, not the rule", () => {
    const ordinary = variants.filter(([, row]) => bySchema(row) !== null);
    expect(ordinary.length).toBeGreaterThanOrEqual(15);
    for (const [name, row] of ordinary) expect({ name, fast: decodeMirrorRow(row) !== null }).toEqual({ name, fast: true });
  });

  it("reads the vendor's recorded mirror lists as the schema does", { tags: [VENDOR_REFS_TAG] }, () => {
    for (const file of ["ccloud.listKafkaMirrorTopics.response-200.json", "ccloud.listKafkaMirrorTopicsUnderLink.response-200.json"]) {
      const { data } = JSON.parse(readFileSync(refsFile(path.join("fixtures", file)), "utf8")) as { data: unknown[] };
      expect(data.length).toBeGreaterThan(0);
      for (const row of data) {
        expect(decodeMirrorRow(row)).not.toBeNull();
        expect(decodeMirrorRow(row)).toEqual(bySchema(row));
      }
    }
  });
});
