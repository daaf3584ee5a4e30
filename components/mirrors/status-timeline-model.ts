/** A status change this browser tab saw happen between two polls. */
export interface ObservedChange {
  from: string;
  to: string;
  /** When the poll that showed the new status returned (epoch ms). */
  at: number;
}

export type TimelineSegment =
  | { kind: "reported"; status: string; start: number; end: number }
  | { kind: "unreported"; start: number; end: number; sampled: boolean };

export interface StatusTimeline {
  from: number;
  to: number;
  segments: TimelineSegment[];
  /** Observed changes inside the window, oldest first. */
  observed: ObservedChange[];
  /** state_time_ms: when the current status began, unclamped. */
  since: number;
  /** The current status began before the window. */
  startsBeforeWindow: boolean;
}

/**
 * What can honestly be said about a mirror's status over [from, to]. Confluent reports only the current
 * status and the time it began (state_time_ms), so the time before that is "unreported": if lag samples exist
 * there, the mirror was at least being mirrored-and-sampled, but its status then is unknown. Changes this page
 * saw while open are added as markers, labelled as observations.
 */
export function statusTimeline({
  status,
  stateTimeMs,
  from,
  to,
  sampleTimes,
  observed,
}: {
  status: string;
  stateTimeMs: number;
  from: number;
  to: number;
  /** Timestamps of history samples for this mirror (any partition). */
  sampleTimes: readonly number[];
  observed: readonly ObservedChange[];
}): StatusTimeline {
  const since = Math.min(Math.max(stateTimeMs, from), to);
  const segments: TimelineSegment[] = [];
  if (since > from) {
    segments.push({ kind: "unreported", start: from, end: since, sampled: sampleTimes.some((t) => t >= from && t < since) });
  }
  segments.push({ kind: "reported", status, start: since, end: to });
  return {
    from,
    to,
    segments,
    observed: observed.filter((c) => c.at >= from && c.at <= to).sort((a, b) => a.at - b.at),
    since: stateTimeMs,
    startsBeforeWindow: stateTimeMs <= from,
  };
}

/** Position of an instant on the bar, in percent. */
export function timelinePercent(t: number, from: number, to: number): number {
  if (to <= from) return 0;
  return Math.min(100, Math.max(0, ((t - from) / (to - from)) * 100));
}
