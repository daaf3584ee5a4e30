import { z } from "zod";
import { categoryOfMirrorStatus } from "../mirrors/mirror-states";

/**
 * The mirror actions of Linkscope's API (shared/spec/http-api.md). They are the Confluent CLI's verbs; the REST paths
 * of the two reverse actions end in `-mirror` (`mirrors:reverse-and-start-mirror`), which the server maps.
 */
export const MIRROR_ACTION_NAMES = [
  "pause",
  "resume",
  "promote",
  "failover",
  "reverse-and-start",
  "reverse-and-pause",
  "truncate-and-restore",
] as const;
export const MirrorActionNameSchema = z.enum(MIRROR_ACTION_NAMES, { error: `must be one of ${MIRROR_ACTION_NAMES.join(", ")}` });
export type MirrorActionName = z.infer<typeof MirrorActionNameSchema>;

export interface MirrorActionInfo {
  name: MirrorActionName;
  label: string;
  /** What one topic looks like once the action has completed. */
  targetStatus: "PAUSED" | "ACTIVE" | "STOPPED";
  /** Cannot be undone with one click (or destroys data): the person types the cluster's name to confirm. */
  irreversible: boolean;
  /** Documented for bidirectional links only. */
  bidirectionalOnly: boolean;
  /** One sentence: what it does to each selected topic. */
  effect: string;
}

export const MIRROR_ACTIONS: Record<MirrorActionName, MirrorActionInfo> = {
  pause: {
    name: "pause",
    label: "Pause",
    targetStatus: "PAUSED",
    irreversible: false,
    bidirectionalOnly: false,
    effect: "Stops copying data into the mirror; its lag grows until it is resumed.",
  },
  resume: {
    name: "resume",
    label: "Resume",
    targetStatus: "ACTIVE",
    irreversible: false,
    bidirectionalOnly: false,
    effect: "Starts copying data into a paused mirror again.",
  },
  promote: {
    name: "promote",
    label: "Promote",
    targetStatus: "STOPPED",
    irreversible: true,
    bidirectionalOnly: false,
    effect:
      "Waits until the mirror has caught up (lag 0), syncs offsets one last time, then makes it a regular writable topic; nothing is lost.",
  },
  failover: {
    name: "failover",
    label: "Failover",
    targetStatus: "STOPPED",
    irreversible: true,
    bidirectionalOnly: false,
    effect: "Makes the mirror a regular writable topic at once, without reaching the source; anything not yet mirrored is lost.",
  },
  "reverse-and-start": {
    name: "reverse-and-start",
    label: "Reverse and start",
    targetStatus: "STOPPED",
    irreversible: true,
    bidirectionalOnly: true,
    effect: "Makes the local mirror the writable source and turns the remote topic into a mirror of it that starts copying.",
  },
  "reverse-and-pause": {
    name: "reverse-and-pause",
    label: "Reverse and pause",
    targetStatus: "STOPPED",
    irreversible: true,
    bidirectionalOnly: true,
    effect: "Makes the local mirror the writable source and turns the remote topic into a paused mirror of it.",
  },
  "truncate-and-restore": {
    name: "truncate-and-restore",
    label: "Truncate and restore",
    targetStatus: "ACTIVE",
    irreversible: true,
    bidirectionalOnly: true,
    effect: "Deletes what was written to the local topic after the failover point, then makes it mirror the remote topic again.",
  },
};

export function mirrorActionInfo(name: MirrorActionName): MirrorActionInfo {
  return MIRROR_ACTIONS[name];
}

/** How far one topic has come towards the action's target, judged from its current mirror status. */
export type TopicProgress = "done" | "pending" | "failed";

/**
 * Statuses a topic passes through on its way, or may still show before the cluster has acted: neither is a failure.
 * FAILED is terminal. Anything else (a paused mirror while waiting for STOPPED, an unknown status) keeps waiting
 * until the watch times out, because the cluster may still act on it.
 */
export function topicProgress(action: MirrorActionName, status: string | null): TopicProgress {
  if (status === null) return "pending";
  const target = MIRROR_ACTIONS[action].targetStatus;
  if (status === target) return "done";
  if (status === "FAILED") return "failed";
  // A paused link (LINK_PAUSED) leaves a paused mirror paused: for pause that is the goal reached.
  if (action === "pause" && categoryOfMirrorStatus(status) === "PAUSED") return "done";
  return "pending";
}
