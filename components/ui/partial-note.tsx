import { TriangleAlert } from "lucide-react";
import clsx from "clsx";
import { partialText, type FleetCoverage } from "@/lib/domain/topology/coverage";

/**
 * "Partial: N halves not read / stale": said wherever a fleet-wide count or list stands, whenever some mirror-hosting
 * half is unread or stale, so a count that shrank or a list that emptied is never read as an all-clear.
 */
export function PartialNote({ coverage, what, className }: { coverage: FleetCoverage; what: string; className?: string }) {
  const text = partialText(coverage);
  if (text === null) return null;
  return (
    <p role="note" data-testid="partial-note" className={clsx("flex items-start gap-1.5 text-xs text-warn", className)}>
      <TriangleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      <span>
        <span className="font-semibold">{text[0]?.toUpperCase() + text.slice(1)}.</span> {what}
      </span>
    </p>
  );
}
