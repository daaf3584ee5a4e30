"use client";
import { ServerOff } from "lucide-react";
import { LastKnownLabel } from "@/components/ui/last-known-label";

/**
 * In place of the dry run while the mirrors cannot be read (the cluster hosting them is down, or Linkscope's server
 * cannot be reached; the page's other notices say which): an action would only end in an error, and the selection
 * above is the last known mirror list.
 */
export function ActionsNeedCluster({ cluster, asOf }: { cluster: string; asOf: number }) {
  return (
    <div role="status" data-testid="actions-need-cluster" className="flex gap-2 rounded border border-warn bg-warn-bg p-3 text-sm">
      <ServerOff aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
      <p>
        <strong>Linkscope cannot read {cluster}&apos;s mirrors now, so no action can run on them.</strong> The dry run and the actions come
        back once they can be read again. <LastKnownLabel asOf={asOf} />
      </p>
    </div>
  );
}
