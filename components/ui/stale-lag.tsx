// Its own module, not readiness.ts: every page with a lag figure loads this, and the failover rules are 2 KB gzip.
import { formatReadingTime } from "@/lib/domain/reading-time";

/**
 * A lag figure that says when it was true: as it is while the link flows, "≥ N" with "as of T" once it stopped
 * (the last reading is a floor; the source may have produced since). `children` is the formatted figure. `compact`
 * is for fixed-height rows: "≥ N" on one line, the time in the tooltip and for screen readers, and the table says
 * "as of T" once above (StaleLagNote).
 */
export function StaleLag({
  staleSince,
  children,
  compact = false,
}: {
  staleSince: number | null;
  children: React.ReactNode;
  compact?: boolean;
}) {
  if (staleSince === null) return <>{children}</>;
  const asOf = `as of ${formatReadingTime(staleSince)}`;
  return (
    <span data-testid="stale-lag" title={compact ? `At least this much: the last known lag, ${asOf}` : undefined}>
      <span className="sr-only">at least </span>
      <span aria-hidden>≥ </span>
      {children}
      {compact ? <span className="sr-only">, {asOf}</span> : <span className="block font-sans text-xs font-normal text-warn">{asOf}</span>}
    </span>
  );
}
