import type { LucideIcon } from "lucide-react";
import {
  ArrowLeftRight,
  CircleCheck,
  CircleHelp,
  CirclePause,
  CircleSlash,
  CircleX,
  Globe,
  Hourglass,
  Lock,
  MoveRight,
  Network,
  TriangleAlert,
  Unplug,
} from "lucide-react";
import type { LinkKind, LinkRollupState } from "@/lib/domain/types";
import type { ZoneKey } from "./model/layout";

export type Tone = "ok" | "warn" | "err" | "info" | "neutral";

export interface Look {
  label: string;
  icon: LucideIcon;
  tone: Tone;
}

/** Text, background and border classes per tone: theme tokens only, so light and dark both hold. */
export const TONE_TEXT: Record<Tone, string> = { ok: "text-ok", warn: "text-warn", err: "text-err", info: "text-info", neutral: "text-neutral" };
export const TONE_BADGE: Record<Tone, string> = {
  ok: "bg-ok-bg text-ok",
  warn: "bg-warn-bg text-warn",
  err: "bg-err-bg text-err",
  info: "bg-info-bg text-info",
  neutral: "bg-neutral-bg text-neutral",
};
export const TONE_BORDER: Record<Tone, string> = { ok: "border-ok", warn: "border-warn", err: "border-err", info: "border-info", neutral: "border-border" };
/** For SVG strokes and fills. */
export const TONE_VAR: Record<Tone, string> = { ok: "var(--ok)", warn: "var(--warn)", err: "var(--err)", info: "var(--info)", neutral: "var(--neutral)" };

export const LINK_STATE_LOOK: Record<LinkRollupState, Look> = {
  ACTIVE: { label: "ACTIVE", icon: CircleCheck, tone: "ok" },
  DEGRADED: { label: "DEGRADED", icon: TriangleAlert, tone: "warn" },
  PAUSED: { label: "PAUSED", icon: CirclePause, tone: "warn" },
  UNKNOWN: { label: "UNKNOWN", icon: CircleHelp, tone: "neutral" },
  NOT_FLOWING: { label: "NOT FLOWING", icon: Unplug, tone: "err" },
  FAILED: { label: "FAILED", icon: CircleX, tone: "err" },
};

/** What each rollup state means, in one line, for tooltips and the legend. */
export const LINK_STATE_MEANING: Record<LinkRollupState, string> = {
  ACTIVE: "data flows, no problems",
  DEGRADED: "data flows, but something else is wrong",
  PAUSED: "paused: nothing replicates",
  UNKNOWN: "nothing confirms it runs",
  NOT_FLOWING: "no data moves (outage: source or destination down, network cut); lag shown is at least",
  FAILED: "no data moves until its configuration or credentials are fixed",
};

const PARTITION_LOOK: Record<string, Look> = {
  ACTIVE: { label: "Active", icon: CircleCheck, tone: "ok" },
  PAUSED: { label: "Paused", icon: CirclePause, tone: "warn" },
  PENDING: { label: "Pending", icon: Hourglass, tone: "info" },
  IN_ERROR: { label: "In error", icon: CircleX, tone: "err" },
  NOT_APPLICABLE: { label: "Stopped (promoted or failed over)", icon: CircleSlash, tone: "neutral" },
};

/** A partition state category; a category this code does not know keeps its name. */
export function partitionLook(category: string): Look {
  return PARTITION_LOOK[category] ?? { label: category, icon: CircleHelp, tone: "neutral" };
}

export const KIND_LOOK: Record<LinkKind, { label: string; short: string; icon: LucideIcon; explain: string }> = {
  "destination-initiated": {
    label: "Destination-initiated",
    short: "dest-initiated",
    icon: MoveRight,
    explain: "the destination dials the source; data flows the other way",
  },
  "source-initiated": {
    label: "Source-initiated",
    short: "source-initiated",
    icon: MoveRight,
    explain: "the source dials the destination; data flows the same way",
  },
  bidirectional: { label: "Bidirectional", short: "bidirectional", icon: ArrowLeftRight, explain: "data flows both ways" },
};

export const ZONE_LOOK: Record<ZoneKey, { label: string; icon: LucideIcon }> = {
  public: { label: "public", icon: Globe },
  private: { label: "private", icon: Lock },
  unknown: { label: "zone not set", icon: Network },
};
