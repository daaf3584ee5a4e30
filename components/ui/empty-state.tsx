import type { LucideIcon } from "lucide-react";
import { Inbox } from "lucide-react";
import type { ReactNode } from "react";

/** "Nothing here", said plainly, with what it means or what to do next. */
export function EmptyState({ icon: Icon = Inbox, title, children }: { icon?: LucideIcon; title: string; children?: ReactNode }) {
  return (
    <div className="flex items-start gap-3 py-4 text-sm">
      <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-muted" />
      <div>
        <p className="font-medium text-fg">{title}</p>
        {children ? <div className="mt-1 text-muted">{children}</div> : null}
      </div>
    </div>
  );
}
