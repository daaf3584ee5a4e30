import clsx from "clsx";
import { formatDuration, formatTimestamp } from "@/components/ui/format";
import { MirrorStatusBadge } from "@/components/ui/state-badge";
import { mirrorStatusTone } from "@/components/ui/state-tones";
import { timelinePercent, type StatusTimeline as Timeline } from "./status-timeline-model";

const FILL: Record<string, string> = {
  ok: "bg-ok",
  warning: "bg-warn",
  pending: "bg-info",
  error: "bg-err",
  neutral: "bg-neutral",
  unknown: "bg-muted",
};

/**
 * A status bar over the chart's window built only from what is known: the current status since
 * state_time_ms (reported), the time before it (unreported, hatched), and changes this page saw (markers).
 */
export function StatusTimeline({ timeline, utc, now }: { timeline: Timeline; utc: boolean; now: number }) {
  const { from, to, segments, observed } = timeline;
  const reported = segments.find((s) => s.kind === "reported");
  const unreported = segments.find((s) => s.kind === "unreported");
  return (
    <div className="space-y-3 text-sm">
      <div aria-hidden className="relative">
        <div className="flex h-5 w-full overflow-hidden rounded bg-surface-2">
          {segments.map((s, i) => (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: segments are recomputed as a whole per window and hold no state
              key={i}
              className={clsx("h-full", s.kind === "reported" ? FILL[mirrorStatusTone(s.status)] : "bg-surface-2")}
              style={{
                width: `${timelinePercent(s.end, from, to) - timelinePercent(s.start, from, to)}%`,
                backgroundImage: s.kind === "unreported" ? "repeating-linear-gradient(135deg, var(--border) 0 6px, transparent 6px 12px)" : undefined,
              }}
            />
          ))}
        </div>
        {observed.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: observed changes only grow at the end and hold no state
          <span key={i} className="absolute -top-1 h-7 w-0.5 bg-fg" style={{ left: `${timelinePercent(o.at, from, to)}%` }} />
        ))}
        <div className="mt-1 flex justify-between text-xs text-muted">
          <span>{formatTimestamp(from, { utc })}</span>
          <span>now</span>
        </div>
      </div>
      <ul className="space-y-1.5">
        {reported && reported.kind === "reported" ? (
          <li className="flex flex-wrap items-center gap-2">
            <MirrorStatusBadge status={reported.status} />
            <span>
              {timeline.startsBeforeWindow ? "for the whole window, " : ""}since {formatTimestamp(timeline.since, { utc })} ({formatDuration(now - timeline.since)}).
            </span>
            <span className="text-xs text-muted">Reported by the cluster (state_time_ms).</span>
          </li>
        ) : null}
        {unreported && unreported.kind === "unreported" ? (
          <li className="text-muted">
            <span className="font-medium text-fg">Before that: status not reported.</span> Confluent keeps only the time of the latest change.
            {unreported.sampled ? " Lag was being sampled then, so the mirror existed." : " No lag samples in that part of the window either."}
          </li>
        ) : null}
        {observed.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: observed changes only grow at the end and hold no state
          <li key={i} className="flex flex-wrap items-center gap-2">
            <MirrorStatusBadge status={o.from} />
            <span aria-hidden>→</span>
            <span className="sr-only">changed to</span>
            <MirrorStatusBadge status={o.to} />
            <span className="text-muted">seen by this page at {formatTimestamp(o.at, { utc })} (between two refreshes).</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
