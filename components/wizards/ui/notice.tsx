import clsx from "clsx";
import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";

const LOOK = {
  ok: { icon: CircleCheck, box: "bg-ok-bg", fg: "text-ok" },
  warn: { icon: TriangleAlert, box: "bg-warn-bg", fg: "text-warn" },
  err: { icon: CircleAlert, box: "bg-err-bg", fg: "text-err" },
  info: { icon: Info, box: "bg-info-bg", fg: "text-info" },
} as const;

/** A short message box in one of the state tones. */
export function Notice({
  tone,
  title,
  children,
  className,
}: {
  tone: keyof typeof LOOK;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const { icon: Icon, box, fg } = LOOK[tone];
  return (
    <div role={tone === "err" ? "alert" : "status"} className={clsx("flex items-start gap-2 rounded-md px-3 py-2 text-sm", box, className)}>
      <Icon aria-hidden className={clsx("mt-0.5 size-4 shrink-0", fg)} />
      <div className="min-w-0 space-y-1">
        {title ? <p className={clsx("font-semibold", fg)}>{title}</p> : null}
        {children ? <div className="text-fg">{children}</div> : null}
      </div>
    </div>
  );
}
