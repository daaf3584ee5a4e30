import { z } from "zod";

/*
 * One result per requested topic, in request order, whatever the cluster said (shared/spec/http-api.md). The cluster
 * answers HTTP 200 with per-topic errors, fails a whole call, or leaves a topic out; every case becomes a result here.
 */

/**
 * Why a topic failed:
 * - `rejected`: the cluster answered for this topic with an error (its own code is in `upstreamErrorCode`);
 * - `no-answer`: the cluster answered the call but said nothing about this topic;
 * - `not-sent`: an earlier call failed, so this topic's call was never made;
 * - `cluster-unreachable`, `upstream-timeout`, `upstream-error`, `not-found`: the whole call failed (API error codes).
 */
export const TOPIC_ERROR_CODES = [
  "rejected",
  "no-answer",
  "not-sent",
  "cluster-unreachable",
  "upstream-timeout",
  "upstream-error",
  "not-found",
] as const;
export type TopicErrorCode = (typeof TOPIC_ERROR_CODES)[number];

export const PartitionTruncationSchema = z.object({
  partition: z.number().int(),
  offsetTruncatedTo: z.number(),
  messagesTruncated: z.number(),
});
export type PartitionTruncation = z.infer<typeof PartitionTruncationSchema>;

export const TopicActionResultSchema = z.object({
  topic: z.string(),
  ok: z.boolean(),
  /** A TopicErrorCode; kept open so a code added later never breaks a reader. */
  errorCode: z.string().optional(),
  message: z.string().optional(),
  /** The cluster's own per-topic `error_code` (e.g. 400) when it rejected the topic. */
  upstreamErrorCode: z.number().int().nullable().optional(),
  /** The mirror's lag in messages when the cluster acted (what a failover abandons); null when not reported. */
  totalLag: z.number().nullable().optional(),
  maxLag: z.number().nullable().optional(),
  /** truncate-and-restore: messages truncated (or that would be, on a dry run). */
  messagesTruncated: z.number().nullable().optional(),
  /** truncate-and-restore: per truncated partition (sparse: untouched partitions are absent). */
  partitions: z.array(PartitionTruncationSchema).optional(),
});
export type TopicActionResult = z.infer<typeof TopicActionResultSchema>;

/** What the cluster said about one topic, normalized. */
export interface UpstreamTopicAnswer {
  topic: string;
  accepted: boolean;
  errorCode: number | null;
  errorMessage: string | null;
  lags: readonly { partition: number; lag: number }[];
  messagesTruncated: number | null;
  partitions: readonly PartitionTruncation[];
}

/** One upstream call's fate. */
export type BatchOutcome =
  | { kind: "answered"; topics: readonly string[]; answers: readonly UpstreamTopicAnswer[] }
  | { kind: "failed"; topics: readonly string[]; errorCode: TopicErrorCode; message: string }
  | { kind: "not-sent"; topics: readonly string[]; message: string };

export const NO_ANSWER_MESSAGE = "the cluster did not answer for this topic";

function lagFigures(lags: UpstreamTopicAnswer["lags"]): Pick<TopicActionResult, "maxLag" | "totalLag"> {
  if (lags.length === 0) return { maxLag: null, totalLag: null };
  let max = 0;
  let total = 0;
  for (const { lag } of lags) {
    const value = Math.max(0, lag);
    max = Math.max(max, value);
    total += value;
  }
  return { maxLag: max, totalLag: total };
}

function fromAnswer(answer: UpstreamTopicAnswer): TopicActionResult {
  const common: TopicActionResult = {
    topic: answer.topic,
    ok: answer.accepted,
    ...lagFigures(answer.lags),
    ...(answer.messagesTruncated !== null || answer.partitions.length > 0
      ? { messagesTruncated: answer.messagesTruncated, partitions: [...answer.partitions] }
      : {}),
  };
  if (answer.accepted) return common;
  return {
    ...common,
    errorCode: "rejected",
    upstreamErrorCode: answer.errorCode,
    message: answer.errorMessage ?? `the cluster rejected this topic (error code ${answer.errorCode ?? "unknown"})`,
  };
}

/** Several answers for one topic: a failure among them wins, so nothing that failed is ever reported as done. */
function pickAnswer(answers: readonly UpstreamTopicAnswer[]): UpstreamTopicAnswer | undefined {
  return answers.find((a) => !a.accepted) ?? answers[0];
}

/**
 * Exactly one result per requested topic, in request order. Answers about topics nobody asked for are ignored;
 * a requested topic no batch mentions is a failure (`not-sent`), as is one its batch's answer left out (`no-answer`).
 */
export function alignResults(requested: readonly string[], batches: readonly BatchOutcome[]): TopicActionResult[] {
  const byTopic = new Map<string, TopicActionResult>();
  for (const batch of batches) {
    if (batch.kind === "answered") {
      const answersByTopic = new Map<string, UpstreamTopicAnswer[]>();
      for (const a of batch.answers) answersByTopic.set(a.topic, [...(answersByTopic.get(a.topic) ?? []), a]);
      for (const topic of batch.topics) {
        const answer = pickAnswer(answersByTopic.get(topic) ?? []);
        byTopic.set(topic, answer ? fromAnswer(answer) : { topic, ok: false, errorCode: "no-answer", message: NO_ANSWER_MESSAGE });
      }
    } else {
      const errorCode = batch.kind === "failed" ? batch.errorCode : "not-sent";
      for (const topic of batch.topics) byTopic.set(topic, { topic, ok: false, errorCode, message: batch.message });
    }
  }
  return requested.map(
    (topic) => byTopic.get(topic) ?? { topic, ok: false, errorCode: "not-sent", message: "Linkscope never sent this topic to the cluster" },
  );
}

export interface ResultSummary {
  requested: number;
  succeeded: number;
  failed: number;
}

export function summarizeResults(results: readonly Pick<TopicActionResult, "ok">[]): ResultSummary {
  const succeeded = results.filter((r) => r.ok).length;
  return { requested: results.length, succeeded, failed: results.length - succeeded };
}

export type AttemptOutcome = "succeeded" | "partial" | "failed";

/** The outcome of a whole request: every topic, some, or none went through. */
export function outcomeOf(results: readonly Pick<TopicActionResult, "ok">[]): AttemptOutcome {
  const { succeeded, requested } = summarizeResults(results);
  if (requested > 0 && succeeded === requested) return "succeeded";
  return succeeded === 0 ? "failed" : "partial";
}
