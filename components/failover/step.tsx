import clsx from "clsx";
import type { ReactNode } from "react";

/** One numbered step of the runbook: a titled region; later steps stay visible but dimmed until they apply. */
export function Step({
  n,
  id,
  title,
  hint,
  children,
  inactive = false,
}: {
  n: number;
  id: string;
  title: string;
  hint?: ReactNode;
  children: ReactNode;
  inactive?: boolean;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={clsx("rounded-lg border border-border bg-surface", inactive && "opacity-60")}>
      <div className="flex items-start gap-3 border-b border-border px-4 py-3">
        <span
          aria-hidden
          className="mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-accent text-xs font-bold text-accent-fg"
        >
          {n}
        </span>
        <div className="min-w-0">
          <h2 id={`${id}-heading`} className="text-base font-semibold">
            <span className="sr-only">Step {n}: </span>
            {title}
          </h2>
          {hint ? <p className="text-sm text-muted">{hint}</p> : null}
        </div>
      </div>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}
