import { describe, expect, it } from "vitest";
import {
  alignResults,
  NO_ANSWER_MESSAGE,
  outcomeOf,
  summarizeResults,
  TopicActionResultSchema,
  type BatchOutcome,
  type UpstreamTopicAnswer,
} from "./action-results";
import { chunk, firstDuplicate, MAX_TOPICS_PER_UPSTREAM_CALL } from "./batching";

const ok = (topic: string, lags: { partition: number; lag: number }[] = []): UpstreamTopicAnswer => ({
  topic,
  accepted: true,
  errorCode: null,
  errorMessage: null,
  lags,
  messagesTruncated: null,
  partitions: [],
});
const rejected = (topic: string, code: number | null, message: string | null): UpstreamTopicAnswer => ({
  ...ok(topic),
  accepted: false,
  errorCode: code,
  errorMessage: message,
});

describe("chunk", () => {
  it("splits in order into pieces of at most the size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 100)).toEqual([]);
    const topics = Array.from({ length: 250 }, (_, i) => `t${i}`);
    const batches = chunk(topics, MAX_TOPICS_PER_UPSTREAM_CALL);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(topics);
  });

  it("refuses a size that would loop forever", () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
    expect(() => chunk([1], 1.5)).toThrow(RangeError);
  });

  it("finds the first duplicate", () => {
    expect(firstDuplicate(["a", "b", "a", "b"])).toBe("a");
    expect(firstDuplicate(["a", "b"])).toBeNull();
  });
});

describe("alignResults", () => {
  it("answers in request order, whatever order the cluster used", () => {
    const batches: BatchOutcome[] = [{ kind: "answered", topics: ["a", "b", "c"], answers: [ok("c"), ok("a"), ok("b")] }];
    expect(alignResults(["a", "b", "c"], batches).map((r) => r.topic)).toEqual(["a", "b", "c"]);
  });

  it("turns a per-topic error of an HTTP 200 answer into a rejected result with the cluster's code and words", () => {
    const [a, b] = alignResults(
      ["a", "b"],
      [{ kind: "answered", topics: ["a", "b"], answers: [ok("a"), rejected("b", 400, "Topic 'b' is not a mirror")] }],
    );
    expect(a).toMatchObject({ topic: "a", ok: true });
    expect(a?.errorCode).toBeUndefined();
    expect(b).toEqual({
      topic: "b",
      ok: false,
      errorCode: "rejected",
      upstreamErrorCode: 400,
      message: "Topic 'b' is not a mirror",
      maxLag: null,
      totalLag: null,
    });
  });

  it("treats an error message without a code as a failure too", () => {
    const [r] = alignResults(["a"], [{ kind: "answered", topics: ["a"], answers: [rejected("a", null, "broken")] }]);
    expect(r).toMatchObject({ ok: false, errorCode: "rejected", upstreamErrorCode: null, message: "broken" });
  });

  it("fails a topic the cluster left out instead of dropping it", () => {
    const results = alignResults(["a", "b", "c"], [{ kind: "answered", topics: ["a", "b", "c"], answers: [ok("a"), ok("c")] }]);
    expect(results).toHaveLength(3);
    expect(results[1]).toEqual({ topic: "b", ok: false, errorCode: "no-answer", message: NO_ANSWER_MESSAGE });
  });

  it("ignores answers about topics nobody asked for", () => {
    const results = alignResults(["a"], [{ kind: "answered", topics: ["a"], answers: [ok("zzz"), ok("a")] }]);
    expect(results.map((r) => r.topic)).toEqual(["a"]);
  });

  it("lets a failure win when the cluster answers twice for one topic", () => {
    const [r] = alignResults(["a"], [{ kind: "answered", topics: ["a"], answers: [ok("a"), rejected("a", 500, "boom")] }]);
    expect(r?.ok).toBe(false);
  });

  it("fails every topic of a failed batch with its error, and of batches never sent, while other batches keep their answers", () => {
    const requested = ["a", "b", "c", "d", "e"];
    const batches: BatchOutcome[] = [
      { kind: "answered", topics: ["a", "b"], answers: [ok("a"), ok("b")] },
      { kind: "failed", topics: ["c", "d"], errorCode: "upstream-error", message: "HTTP 500" },
      { kind: "not-sent", topics: ["e"], message: "not sent: an earlier batch failed" },
    ];
    const results = alignResults(requested, batches);
    expect(results.map((r) => [r.topic, r.ok, r.errorCode ?? null])).toEqual([
      ["a", true, null],
      ["b", true, null],
      ["c", false, "upstream-error"],
      ["d", false, "upstream-error"],
      ["e", false, "not-sent"],
    ]);
    expect(results[2]?.message).toBe("HTTP 500");
  });

  it("fails a requested topic that no batch mentions", () => {
    expect(alignResults(["a", "b"], [{ kind: "answered", topics: ["a"], answers: [ok("a")] }])[1]).toMatchObject({
      topic: "b",
      ok: false,
      errorCode: "not-sent",
    });
  });

  it("keeps the lag when the cluster acted (what a failover abandons) and the truncation detail", () => {
    const answer: UpstreamTopicAnswer = {
      ...ok("orders", [
        { partition: 0, lag: 5 },
        { partition: 1, lag: 7 },
        { partition: 2, lag: -1 },
      ]),
      messagesTruncated: 12,
      partitions: [{ partition: 1, offsetTruncatedTo: 100, messagesTruncated: 12 }],
    };
    const [r] = alignResults(["orders"], [{ kind: "answered", topics: ["orders"], answers: [answer] }]);
    expect(r).toMatchObject({
      maxLag: 7,
      totalLag: 12,
      messagesTruncated: 12,
      partitions: [{ partition: 1, offsetTruncatedTo: 100, messagesTruncated: 12 }],
    });
    expect(TopicActionResultSchema.safeParse(r).success).toBe(true);
  });

  it("summarizes and names the outcome", () => {
    const all = [{ ok: true }, { ok: true }];
    expect(summarizeResults([{ ok: true }, { ok: false }])).toEqual({ requested: 2, succeeded: 1, failed: 1 });
    expect(outcomeOf(all)).toBe("succeeded");
    expect(outcomeOf([{ ok: true }, { ok: false }])).toBe("partial");
    expect(outcomeOf([{ ok: false }])).toBe("failed");
    expect(outcomeOf([])).toBe("failed");
  });
});
