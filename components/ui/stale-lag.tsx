import { formatReadingTime } from "@/lib/domain/failover/readiness";

/**
 * A lag figure that says when it was true: as it is while the link flows, "≥ N" with "as of T" once it stopped
 * (the last reading is a floor; the source may have produced since). `children` is the formatted figure.
 */
export function StaleLag({
  staleSince,
  children,
  inline = false,
}: {
  staleSince: number | null;
  children: React.ReactNode;
  inline?: boolean;
}) {
  if (staleSince === null) return <>{children}</>;
  return (
    <span data-testid="stale-lag">
      <span className="sr-only">at least </span>
      <span aria-hidden>≥ </span>
      {children}
      <span className={inline ? "ml-1 font-sans text-xs font-normal text-warn" : "block font-sans text-xs font-normal text-warn"}>
        as of {formatReadingTime(staleSince)}
      </span>
    </span>
  );
}
