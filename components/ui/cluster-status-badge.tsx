import { CircleCheck, CircleHelp, CircleX, Globe, KeyRound, TriangleAlert, Unplug } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import clsx from "clsx";
import type { ClusterStatus } from "@/lib/api/clusters";

const LOOK: Record<ClusterStatus, { label: string; icon: LucideIcon; className: string }> = {
  ok: { label: "OK", icon: CircleCheck, className: "bg-ok-bg text-ok" },
  unreachable: { label: "Unreachable", icon: Unplug, className: "bg-err-bg text-err" },
  unauthorized: { label: "Unauthorized", icon: KeyRound, className: "bg-err-bg text-err" },
  error: { label: "Error", icon: TriangleAlert, className: "bg-warn-bg text-warn" },
  external: { label: "External", icon: Globe, className: "bg-neutral-bg text-neutral" },
};

/** A cluster's status as icon + word + colour, so it never depends on colour alone. */
export function ClusterStatusBadge({ status }: { status: ClusterStatus }) {
  const look = LOOK[status] ?? { label: status, icon: CircleHelp, className: "bg-neutral-bg text-neutral" };
  const Icon = look.icon ?? CircleX;
  return (
    <span className={clsx("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold", look.className)}>
      <Icon aria-hidden className="size-3.5" />
      {look.label}
    </span>
  );
}
