/**
 * The mirror topic lifecycle as a pure state machine, separate from time, offsets and HTTP.
 *
 * A mirror has a stored status (what the mirror itself is doing). What REST shows is the display
 * status: the stored status overlaid with the link's condition (LINK_FAILED, LINK_PAUSED,
 * SOURCE_UNAVAILABLE are never stored; they appear and vanish with the link).
 */

export const MIRROR_TOPIC_STATUSES = [
  "ACTIVE",
  "FAILED",
  "LINK_FAILED",
  "LINK_PAUSED",
  "PAUSED",
  "PENDING_STOPPED",
  "SOURCE_UNAVAILABLE",
  "STOPPED",
  "PENDING_MIRROR",
  "PENDING_SYNCHRONIZE",
  "PENDING_SETUP_FOR_RESTORE",
  "PENDING_RESTORE",
] as const;
export type MirrorTopicStatus = (typeof MIRROR_TOPIC_STATUSES)[number];

export function isMirrorTopicStatus(value: string): value is MirrorTopicStatus {
  return (MIRROR_TOPIC_STATUSES as readonly string[]).includes(value);
}

export type StoredMirrorStatus =
  | "PENDING_MIRROR"
  | "ACTIVE"
  | "PAUSED"
  | "PENDING_STOPPED"
  | "STOPPED"
  | "FAILED"
  | "PENDING_SETUP_FOR_RESTORE"
  | "PENDING_RESTORE";

export type MirrorAction =
  | "pause"
  | "resume"
  | "promote"
  | "failover"
  | "reverse-and-start-mirror"
  | "reverse-and-pause-mirror"
  | "truncate-and-restore";

export const MIRROR_ACTIONS: readonly MirrorAction[] = [
  "pause",
  "resume",
  "promote",
  "failover",
  "reverse-and-start-mirror",
  "reverse-and-pause-mirror",
  "truncate-and-restore",
];

/** What a promote/failover/reverse is waiting to finish as. */
export type StopKind = "promote" | "failover" | "reverse-and-start" | "reverse-and-pause";

/** The link's condition as a mirror sees it. */
export type LinkOverlay = "none" | "LINK_FAILED" | "LINK_PAUSED" | "SOURCE_UNAVAILABLE";

export interface LinkCondition {
  /** Data can move right now (connection up, credentials accepted, link not paused). */
  flowing: boolean;
  /** The source can be reached for a final sync (promote, reverse). */
  sourceReachable: boolean;
  overlay: LinkOverlay;
  linkMode: "DESTINATION" | "SOURCE" | "BIDIRECTIONAL";
  /** Short reason the link is not flowing, for error messages. */
  problem: string | null;
}

/** Statuses in which the mirror's fetcher would run if the link lets data through. */
export function wantsToFetch(status: StoredMirrorStatus): boolean {
  return status === "ACTIVE" || status === "PENDING_STOPPED" || status === "PENDING_RESTORE";
}

/** A STOPPED mirror is a normal topic: producers may write to it. */
export function isWritable(status: StoredMirrorStatus): boolean {
  return status === "STOPPED";
}

export function displayStatus(status: StoredMirrorStatus, overlay: LinkOverlay): MirrorTopicStatus {
  if (overlay === "none") return status;
  switch (status) {
    case "ACTIVE":
    case "PENDING_MIRROR":
    case "PENDING_RESTORE":
    case "PENDING_SETUP_FOR_RESTORE":
      return overlay;
    case "PAUSED":
      return overlay === "LINK_FAILED" ? "LINK_FAILED" : "PAUSED";
    default:
      return status;
  }
}

/** Timed phases: where the mirror goes when its phase ends (null: no timed exit). */
export function timedSuccessor(status: StoredMirrorStatus): StoredMirrorStatus | null {
  switch (status) {
    case "PENDING_MIRROR":
      return "ACTIVE";
    case "PENDING_SETUP_FOR_RESTORE":
      return "PENDING_RESTORE";
    case "PENDING_RESTORE":
      return "ACTIVE";
    default:
      return null;
  }
}

export type ActionDecision =
  | { ok: true; effect: "noop" | "pause" | "resume" | "begin-stop" | "stop-now" }
  | { ok: false; errorCode: number; message: string };

const fail = (errorCode: number, message: string): ActionDecision => ({ ok: false, errorCode, message });

/**
 * Whether an action may run on one mirror, and what it does. truncate-and-restore is decided
 * elsewhere: it acts on a local topic that is usually not a mirror at all.
 */
export function decideAction(
  action: Exclude<MirrorAction, "truncate-and-restore">,
  topic: string,
  link: string,
  status: StoredMirrorStatus,
  cond: LinkCondition,
): ActionDecision {
  const stopped = () => fail(400, `Topic '${topic}' has already stopped its mirror from '${link}'`);
  switch (action) {
    case "pause":
      if (status === "PAUSED") return { ok: true, effect: "noop" };
      if (status === "ACTIVE" || status === "PENDING_MIRROR") return { ok: true, effect: "pause" };
      if (status === "STOPPED") return stopped();
      return fail(400, `Cannot pause mirror topic '${topic}' while it is ${status}.`);
    case "resume":
      if (status === "ACTIVE" || status === "PENDING_MIRROR") return { ok: true, effect: "noop" };
      if (status === "PAUSED") return { ok: true, effect: "resume" };
      if (status === "STOPPED") return stopped();
      return fail(400, `Cannot resume mirror topic '${topic}' while it is ${status}.`);
    case "promote":
      if (status === "STOPPED") return stopped();
      if (status === "PENDING_STOPPED") return fail(400, `Mirror topic '${topic}' is already being stopped.`);
      if (status !== "ACTIVE") {
        return fail(
          400,
          `Cannot promote mirror topic '${topic}' while it is ${status}; promote needs an ACTIVE mirror (use failover to force).`,
        );
      }
      if (!cond.sourceReachable) {
        return fail(
          400,
          `Cannot promote mirror topic '${topic}': the source cluster cannot be reached over link '${link}'${cond.problem ? ` (${cond.problem})` : ""}. Use failover instead.`,
        );
      }
      return { ok: true, effect: "begin-stop" };
    case "failover":
      if (status === "STOPPED") return stopped();
      return { ok: true, effect: "stop-now" };
    case "reverse-and-start-mirror":
    case "reverse-and-pause-mirror":
      if (cond.linkMode !== "BIDIRECTIONAL") {
        return fail(400, `Cannot reverse mirror topic '${topic}': link '${link}' is not a bidirectional link.`);
      }
      if (status === "STOPPED") return stopped();
      if (status !== "ACTIVE") return fail(400, `Cannot reverse mirror topic '${topic}' while it is ${status}; it must be ACTIVE.`);
      if (!cond.sourceReachable) {
        return fail(
          400,
          `Cannot reverse mirror topic '${topic}': the remote cluster cannot be reached over link '${link}'${cond.problem ? ` (${cond.problem})` : ""}.`,
        );
      }
      return { ok: true, effect: "begin-stop" };
  }
}

export function stopKindOf(action: "promote" | "failover" | "reverse-and-start-mirror" | "reverse-and-pause-mirror"): StopKind {
  if (action === "reverse-and-start-mirror") return "reverse-and-start";
  if (action === "reverse-and-pause-mirror") return "reverse-and-pause";
  return action;
}

/** The reference's §7 mapping from mirror status to partition state category. */
export type StateCategory = "ACTIVE" | "PAUSED" | "PENDING" | "IN_ERROR" | "NOT_APPLICABLE";
export const STATE_CATEGORIES: readonly StateCategory[] = ["ACTIVE", "PAUSED", "PENDING", "IN_ERROR", "NOT_APPLICABLE"];

export function stateCategory(status: MirrorTopicStatus): StateCategory {
  switch (status) {
    case "ACTIVE":
      return "ACTIVE";
    case "PAUSED":
    case "LINK_PAUSED":
      return "PAUSED";
    case "FAILED":
    case "LINK_FAILED":
    case "SOURCE_UNAVAILABLE":
      return "IN_ERROR";
    case "STOPPED":
      return "NOT_APPLICABLE";
    default:
      return "PENDING";
  }
}

/** The `state` label of the JMX mirror-topic-count metric (Mirror also counts SOURCE_UNAVAILABLE, as on the real broker). */
export function metricsMirrorState(status: MirrorTopicStatus): string {
  switch (status) {
    case "PAUSED":
    case "LINK_PAUSED":
      return "PausedMirror";
    case "PENDING_STOPPED":
    case "PENDING_SYNCHRONIZE":
      return "PendingStoppedMirror";
    case "STOPPED":
      return "StoppedMirror";
    case "FAILED":
    case "LINK_FAILED":
      return "FailedMirror";
    default:
      return "Mirror";
  }
}
