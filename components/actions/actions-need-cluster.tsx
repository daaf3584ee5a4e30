"use client";
import { ServerOff } from "lucide-react";
import { LastKnownLabel } from "@/components/ui/last-known-label";

/**
 * In place of the dry run while the cluster hosting the mirrors does not answer: every action is a request to it, so
 * offering one would only end in an error, and the selection above comes from its last known mirror list.
 */
export function ActionsNeedCluster({ cluster, asOf }: { cluster: string; asOf: number }) {
  return (
    <div role="status" data-testid="actions-need-cluster" className="flex gap-2 rounded border border-warn bg-warn-bg p-3 text-sm">
      <ServerOff aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
      <p>
        <strong>{cluster} is not answering, so no action can run on its mirrors now.</strong> The dry run and the actions come back when it
        answers again. <LastKnownLabel asOf={asOf} />
      </p>
    </div>
  );
}
