"use client";
import { useState } from "react";
import { ConsumerGroupFixes } from "@/components/consumer-groups/consumer-group-fixes";
import { ConsumerGroupList } from "@/components/consumer-groups/consumer-group-list";
import { VerdictBadge } from "@/components/consumer-groups/verdict-badge";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { consumerGroupFixes } from "@/lib/domain/failover/consumer-group-fixes";
import type { LinkGroupsState } from "./consumer-report";

const timeOf = (ms: number) => new Date(ms).toLocaleTimeString("en-GB", { hour12: false });

/** After the mirrors stopped: the applications to point at the cluster that took over, ticked off one by one. */
function MoveChecklist({ cluster, states }: { cluster: string; states: readonly LinkGroupsState[] }) {
  const [done, setDone] = useState<Set<string>>(new Set());
  const groups = states.flatMap((s) => (s.data?.consumerGroups ?? []).map((g) => ({ link: s.link, g })));
  if (groups.length === 0) return null;
  return (
    <section aria-label="Groups to move" className="mt-3 rounded-md border border-border bg-surface-2 p-3">
      <h3 className="text-sm font-semibold">Groups to move to {cluster}</h3>
      <p className="text-sm text-muted">
        Stop each application on the old cluster, then start it against {cluster} with the same group id; tick it off here ({done.size} of{" "}
        {groups.length} done).
      </p>
      <ul className="mt-2 space-y-1">
        {groups.map(({ link, g }) => {
          const key = `${link}/${g.group}`;
          return (
            <li key={key} className="flex flex-wrap items-center gap-2 text-sm">
              <label className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={done.has(key)}
                  onChange={() =>
                    setDone((prev) => {
                      const next = new Set(prev);
                      if (next.has(key)) next.delete(key);
                      else next.add(key);
                      return next;
                    })
                  }
                />
                <span className="font-mono">{g.destinationGroup}</span>
              </label>
              <VerdictBadge group={g} />
              <span className="text-xs text-muted">({link})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The runbook's Consumers step: per link in scope, whether each consumer group would resume on this cluster, what to
 * fix first, and once the run has finished, the checklist of groups to move.
 */
export function ConsumersStep({
  cluster,
  clusterId,
  states,
  finished,
}: {
  cluster: string;
  clusterId: string | null;
  states: readonly LinkGroupsState[];
  finished: boolean;
}) {
  return (
    <div className="space-y-4">
      {states.map((s) => (
        <div key={s.link} data-testid={`consumers-${s.link}`}>
          {states.length > 1 ? <h3 className="text-sm font-semibold">{s.link}</h3> : null}
          {s.data ? (
            <>
              <p className="text-xs text-muted">
                As of {timeOf(s.data.asOf)}; offsets read on {s.data.sourceCluster ?? "the source"} and {s.data.destinationCluster}.
              </p>
              {s.data.notes.map((n) => (
                <p key={n} role="status" className="text-sm text-warn">
                  {n}
                </p>
              ))}
              {s.data.consumerGroups.length === 0 ? (
                <EmptyState title={`No consumer group reads ${s.link}'s mirrored topics on ${s.data.sourceCluster ?? "the source"}.`}>
                  No committed offsets to carry over for this link.
                </EmptyState>
              ) : (
                <>
                  <ConsumerGroupList groups={s.data.consumerGroups} source={s.data.sourceCluster ?? "the source"} destination={cluster} />
                  <ConsumerGroupFixes
                    fixes={consumerGroupFixes(
                      { link: s.link, clusterId, destinationCluster: cluster, offsetSync: s.data.offsetSync },
                      s.data.consumerGroups,
                    )}
                  />
                </>
              )}
            </>
          ) : s.pending ? (
            <SkeletonBlock label={`Reading the consumer groups of ${s.link}`} lines={3} />
          ) : (
            <ApiErrorNotice error={s.error} cluster={cluster} what={`the consumer groups of ${s.link}`} />
          )}
        </div>
      ))}
      {finished ? <MoveChecklist cluster={cluster} states={states} /> : null}
    </div>
  );
}
