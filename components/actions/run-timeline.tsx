import clsx from "clsx";
import type { TimelineEvent } from "@/lib/domain/actions/action-run";
import { formatTimestamp } from "@/components/ui/format";

const LEVEL_CLASS: Record<TimelineEvent["level"], string> = {
  info: "text-fg",
  ok: "text-ok",
  warn: "text-warn",
  error: "text-err",
};

export function RunTimeline({ events }: { events: readonly TimelineEvent[] }) {
  if (events.length === 0) return null;
  return (
    <ol className="space-y-1 text-sm" aria-label="Timeline">
      {events.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only grows at its end and its rows hold no state, so the position is the row's identity
        <li key={i} className="flex gap-3">
          <time dateTime={new Date(e.at).toISOString()} className="shrink-0 font-mono text-xs leading-5 text-muted">
            {formatTimestamp(e.at, { utc: true }).slice(11)}
          </time>
          <span className={clsx(LEVEL_CLASS[e.level], e.level !== "info" && "font-medium")}>{e.text}</span>
        </li>
      ))}
    </ol>
  );
}
