import "server-only";
import { errorOrNull } from "./normalize-common";
import type { LinkTaskError, MirrorLag, MirrorTopic } from "./types";

/**
 * One `links/-/mirrors` row straight to a MirrorTopic, or null when the row is not plainly well-formed. The fast path
 * of the mirror lists, the largest answers a refresh reads (every cluster's, every poll period): zod's parse copies
 * each row and each of its lags before toMirrorTopic copies them again, and at fleet scale that garbage was a
 * large part of a refresh's CPU. It accepts only rows MirrorDataSchema accepts and builds what
 * toMirrorTopic(MirrorDataSchema.parse(row)) builds; anything else (null is not a verdict) goes through the schema,
 * which says why a row is unreadable. decode-mirror.test.ts holds the two paths to the same answers.
 */
export function decodeMirrorRow(row: unknown): MirrorTopic | null {
  if (typeof row !== "object" || row === null || Array.isArray(row)) return null;
  const r = row as Record<string, unknown>;
  const linkName = r.link_name;
  const mirrorTopicName = r.mirror_topic_name;
  const sourceTopicName = r.source_topic_name;
  const numPartitions = r.num_partitions;
  const mirrorStatus = r.mirror_status;
  const stateTimeMs = r.state_time_ms;
  const topicError = r.mirror_topic_error;
  if (
    typeof linkName !== "string" ||
    typeof mirrorTopicName !== "string" ||
    typeof sourceTopicName !== "string" ||
    typeof mirrorStatus !== "string" ||
    !Number.isSafeInteger(numPartitions) ||
    !Number.isSafeInteger(stateTimeMs) ||
    !(topicError === undefined || topicError === null || typeof topicError === "string")
  )
    return null;
  const lags = decodeLags(r.mirror_lags);
  if (lags === null) return null;
  const transitionErrors = r.mirror_state_transition_errors;
  let stateTransitionErrors: LinkTaskError[] | null = null;
  if (transitionErrors !== undefined && transitionErrors !== null) {
    stateTransitionErrors = decodeTaskErrors(transitionErrors);
    if (stateTransitionErrors === null) return null;
  }
  return {
    linkName,
    mirrorTopicName,
    sourceTopicName,
    numPartitions: numPartitions as number,
    mirrorStatus,
    mirrorTopicError: errorOrNull(topicError),
    stateTimeMs: stateTimeMs as number,
    lags,
    stateTransitionErrors,
  };
}

/** `mirror_lags` (Go's null is the empty list), sorted by partition as toLags sorts them; null when a lag is not plain. */
function decodeLags(wire: unknown): MirrorLag[] | null {
  if (wire === undefined || wire === null) return [];
  if (!Array.isArray(wire)) return null;
  const lags: MirrorLag[] = new Array(wire.length);
  let sorted = true;
  for (let i = 0; i < wire.length; i++) {
    const l: unknown = wire[i];
    if (typeof l !== "object" || l === null || Array.isArray(l)) return null;
    const { partition, lag, last_source_fetch_offset: offset } = l as Record<string, unknown>;
    if (!Number.isSafeInteger(partition) || !Number.isSafeInteger(lag)) return null;
    if (!(offset === undefined || offset === null || Number.isSafeInteger(offset))) return null;
    lags[i] = { partition: partition as number, lag: lag as number, lastSourceFetchOffset: (offset as number | null | undefined) ?? -1 };
    if (i > 0 && (partition as number) < (lags[i - 1] as MirrorLag).partition) sorted = false;
  }
  return sorted ? lags : lags.sort((a, b) => a.partition - b.partition);
}

function decodeTaskErrors(wire: unknown): LinkTaskError[] | null {
  if (!Array.isArray(wire)) return null;
  const errors: LinkTaskError[] = [];
  for (const e of wire as unknown[]) {
    if (typeof e !== "object" || e === null || Array.isArray(e)) return null;
    const { error_code: code, error_message: message } = e as Record<string, unknown>;
    if (!(typeof code === "string" || (typeof code === "number" && Number.isFinite(code)))) return null;
    if (!(message === undefined || message === null || typeof message === "string")) return null;
    errors.push({ code: String(code), message: message ?? "" });
  }
  return errors;
}
