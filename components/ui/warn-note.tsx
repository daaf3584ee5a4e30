import { TriangleAlert } from "lucide-react";
import clsx from "clsx";
import type { ReactNode } from "react";

/** One sentence of warning beside the figures it qualifies (amber text with a warning icon: colour plus icon). */
export function WarnNote({ testId, className, children }: { testId: string; className?: string; children: ReactNode }) {
  return (
    <p role="note" className={clsx("flex items-start gap-1.5 text-sm text-warn", className)} data-testid={testId}>
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
