import { mirrorStatusTone, type MirrorStatusTone } from "@/lib/domain/mirrors/mirror-states";

/** How a state looks; every tone has an icon and a word too, never colour alone. */
export type Tone = MirrorStatusTone;

export function linkStateTone(state: string): Tone {
  switch (state) {
    case "ACTIVE":
      return "ok";
    case "DEGRADED":
    case "PAUSED":
      return "warning";
    case "FAILED":
    case "UNAVAILABLE":
    case "NOT_FLOWING":
      return "error";
    case "UNMANAGED_SOURCE":
      return "neutral";
    default:
      return "unknown";
  }
}

export function taskStateTone(state: string): Tone {
  switch (state) {
    case "ACTIVE":
      return "ok";
    case "IN_ERROR":
    case "LINK_FAILED":
    case "LINK_UNAVAILABLE":
      return "error";
    case "LINK_PAUSED":
      return "warning";
    case "NOT_CONFIGURED":
      return "neutral";
    default:
      return "unknown";
  }
}

export { mirrorStatusTone };

/** Class names per tone, from the theme tokens only. */
export const TONE_CLASSES: Record<Tone, string> = {
  ok: "bg-ok-bg text-ok",
  warning: "bg-warn-bg text-warn",
  pending: "bg-info-bg text-info",
  error: "bg-err-bg text-err",
  neutral: "bg-neutral-bg text-neutral",
  unknown: "bg-neutral-bg text-fg outline outline-1 outline-dashed outline-border",
};

/** What each mirror status means (reference §6), for tooltips. */
export const MIRROR_STATUS_MEANING: Record<string, string> = {
  ACTIVE: "Actively mirroring.",
  PAUSED: "Paused by a user; no data moves until it is resumed.",
  LINK_PAUSED: "The whole link is paused.",
  LINK_FAILED: "The whole link has failed.",
  FAILED: "Permanently failed; it will not mirror any more.",
  SOURCE_UNAVAILABLE: "The source cannot be reached.",
  PENDING_STOPPED: "A promote or failover is in progress.",
  STOPPED: "Promoted or failed over: now a regular writable topic.",
  PENDING_MIRROR: "Mirroring is being set up or restarted.",
  PENDING_SYNCHRONIZE: "A promote is waiting for the final offset and config sync.",
  PENDING_SETUP_FOR_RESTORE: "Truncate-and-restore is being prepared.",
  PENDING_RESTORE: "Truncate-and-restore is running.",
};
