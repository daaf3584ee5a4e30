"use client";
import { useLinkDetail } from "@/lib/client/use-link";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { PartitionStateBar } from "./partition-state-bar";

export function PartitionStatesPanel({ cluster, link }: { cluster: string; link: string }) {
  const { data, error, isPending } = useLinkDetail(cluster, link);
  return (
    <Panel id="partition-states" title="Mirror partition states">
      {data ? (
        data.linkMode === "SOURCE" ? (
          <EmptyState title="No mirror partitions on this half.">
            The mirrors of a source-initiated link live on its destination half.
          </EmptyState>
        ) : (
          <PartitionStateBar
            states={data.partitionStates}
            source={data.partitionStatesSource}
            notFlowing={data.problems.some((p) => p.code === "link-not-flowing")}
          />
        )
      ) : isPending ? (
        <SkeletonBlock label="Loading partition states" lines={5} />
      ) : (
        <ApiErrorNotice compact error={error} cluster={cluster} what="the partition states" />
      )}
    </Panel>
  );
}
