import type { ReactNode } from "react";
import clsx from "clsx";

/** A titled card: one widget of a page. The heading names the region for screen readers. */
export function Panel({
  id,
  title,
  subtitle,
  actions,
  children,
  className,
}: {
  id: string;
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={clsx("rounded-lg border border-border bg-surface", className)}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-border px-4 py-3">
        <div className="min-w-0">
          <h2 id={`${id}-heading`} className="text-base font-semibold">
            {title}
          </h2>
          {subtitle ? <p className="text-sm text-muted">{subtitle}</p> : null}
        </div>
        {actions ? <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}
