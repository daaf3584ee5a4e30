import type { LucideIcon } from "lucide-react";
import { CircleCheck, CirclePause, CircleQuestionMark, CircleStop, CircleX, Hourglass } from "lucide-react";
import clsx from "clsx";
import { linkStateTone, MIRROR_STATUS_MEANING, mirrorStatusTone, taskStateTone, TONE_CLASSES, type Tone } from "./state-tones";

const ICONS: Record<Tone, LucideIcon> = {
  ok: CircleCheck,
  warning: CirclePause,
  pending: Hourglass,
  error: CircleX,
  neutral: CircleStop,
  unknown: CircleQuestionMark,
};

/** A state as icon + word + colour. Unknown values are shown verbatim, never guessed. */
export function StateBadge({ label, tone, title, className }: { label: string; tone: Tone; title?: string; className?: string }) {
  const Icon = ICONS[tone];
  return (
    <span
      title={title}
      className={clsx(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold",
        TONE_CLASSES[tone],
        className,
      )}
    >
      <Icon aria-hidden className="size-3.5 shrink-0" />
      {label}
    </span>
  );
}

export function MirrorStatusBadge({ status }: { status: string }) {
  return (
    <StateBadge
      label={status}
      tone={mirrorStatusTone(status)}
      title={MIRROR_STATUS_MEANING[status] ?? "A status this version of Linkscope does not know; shown as the cluster reported it."}
    />
  );
}

export function LinkStateBadge({ state }: { state: string }) {
  return <StateBadge label={state} tone={linkStateTone(state)} />;
}

export function TaskStateBadge({ state }: { state: string }) {
  return <StateBadge label={state} tone={taskStateTone(state)} />;
}
