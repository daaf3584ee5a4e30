"use client";
import { TriangleAlert, Users } from "lucide-react";
import { ConsumerGroupFixes } from "@/components/consumer-groups/consumer-group-fixes";
import { ConsumerGroupList } from "@/components/consumer-groups/consumer-group-list";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDuration } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useLinkConsumerGroups } from "@/lib/client/use-consumer-groups";
import { useClusterId } from "@/lib/client/use-topology";
import { consumerGroupFixes } from "@/lib/domain/failover/consumer-group-fixes";
import type { LinkConsumerGroupsResponse } from "@/lib/domain/failover/consumer-group-types";

const timeOf = (ms: number) => new Date(ms).toLocaleTimeString("en-GB", { hour12: false });

function summary(data: LinkConsumerGroupsResponse): string {
  const n = (v: string) => data.consumerGroups.filter((g) => g.verdict === v).length;
  const parts = [
    [n("resumes"), "resume in place"],
    [n("rereads"), "re-read messages"],
    [n("resets"), "start from their reset policy"],
    [n("unknown"), "unknown"],
  ].filter(([count]) => Number(count) > 0);
  const text = parts.map(([count, what]) => `${count} ${what}`).join(", ");
  return `${text || "No groups"} · as of ${timeOf(data.asOf)}`;
}

function syncText(data: LinkConsumerGroupsResponse): string {
  const s = data.offsetSync;
  if (s.enabled === null) return "Consumer offset sync: cannot tell (the link's configs could not be read).";
  if (!s.enabled) return "Consumer offset sync: off.";
  const filters = s.filtersProblem
    ? "filters do not parse"
    : s.groupFilters
      ? `filters ${s.groupFilters}`
      : "no group filters (no group is synced)";
  return `Consumer offset sync: on, every ${formatDuration(s.intervalMs)}; ${filters}.`;
}

/** Will the applications reading this link's topics resume on the destination after a failover? */
export function ConsumerGroupsPanel({ cluster, link }: { cluster: string; link: string }) {
  const { data, error, isPending } = useLinkConsumerGroups(cluster, link);
  const clusterId = useClusterId(cluster);
  const source = data?.sourceCluster ?? "the source";
  return (
    <Panel
      id="consumer-groups"
      title="Consumer groups"
      subtitle={data ? summary(data) : "Will the applications resume where they left off after a failover?"}
    >
      {data ? (
        <div className="space-y-2">
          {error ? <ApiErrorNotice compact stale error={error} cluster={cluster} what="the consumer groups" /> : null}
          <p className="text-sm text-muted break-words">{syncText(data)}</p>
          {data.notes.map((note) => (
            <p key={note} role="status" className="flex items-start gap-2 text-sm text-warn">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              {note}
            </p>
          ))}
          {data.consumerGroups.length === 0 ? (
            <EmptyState icon={Users} title={`No consumer group reads this link's mirrored topics on ${source}.`}>
              Nothing to move in a failover as far as committed offsets go. Groups that have never committed an offset do not show here.
            </EmptyState>
          ) : (
            <>
              <ConsumerGroupList groups={data.consumerGroups} source={source} destination={data.destinationCluster} />
              <ConsumerGroupFixes
                fixes={consumerGroupFixes(
                  { link, clusterId, destinationCluster: data.destinationCluster, offsetSync: data.offsetSync },
                  data.consumerGroups,
                )}
              />
            </>
          )}
        </div>
      ) : isPending ? (
        <SkeletonBlock label="Loading consumer groups" lines={4} />
      ) : (
        <ApiErrorNotice error={error} cluster={cluster} what="the consumer groups" />
      )}
    </Panel>
  );
}
