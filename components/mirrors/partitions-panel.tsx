"use client";
import { useMemo } from "react";
import { useHistory } from "@/lib/client/use-history";
import { useMirror } from "@/lib/client/use-mirror";
import { isHistoryMissing } from "@/components/charts/history-status";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { formatCount, formatSeconds } from "@/components/ui/format";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { formatReadingTime } from "@/lib/domain/reading-time";
import { partitionRates, unavailableRates, worstSecondsBehind } from "./partition-rates";
import { PartitionTable } from "./partition-table";

/** Rates need recent, fine-grained samples whatever range the chart shows. */
const RATE_HISTORY_RANGE = "15m";

export function PartitionsPanel({ cluster, link, topic }: { cluster: string; link: string; topic: string }) {
  const mirror = useMirror(cluster, link, topic);
  const history = useHistory({ cluster, link, topic, range: RATE_HISTORY_RANGE });
  const m = mirror.data;
  const rates = useMemo(() => {
    if (!m) return [];
    const partitions = m.lags.map((l) => l.partition);
    // Frozen offsets say nothing about the source: its rate, and so the time behind, are unknown, not 0.
    if (m.staleSince !== null) return unavailableRates(partitions, "no data moves, so the source's produce rate is unknown");
    if (history.data) return partitionRates(topic, partitions, history.data.series, new Map(m.lags.map((l) => [l.partition, l.lag])));
    if (history.isError)
      return unavailableRates(
        partitions,
        isHistoryMissing(history.error) ? "this server keeps no lag history" : "lag history could not be loaded",
      );
    return [];
  }, [m, history.data, history.isError, history.error, topic]);
  const worst = worstSecondsBehind(rates);
  const maxLagPartition = m?.lags.reduce<(typeof m.lags)[number] | null>((w, l) => (w === null || l.lag > w.lag ? l : w), null);

  return (
    <Panel
      id="partitions"
      title="Partitions"
      subtitle={
        m && m.staleSince !== null
          ? `No data moves since ${formatReadingTime(m.staleSince)}: each partition's lag is the last known, at least that now${maxLagPartition && maxLagPartition.lag > 0 ? `; furthest behind then: partition ${maxLagPartition.partition} with ${formatCount(maxLagPartition.lag)} messages` : ""}.`
          : m && maxLagPartition && maxLagPartition.lag > 0
            ? `Furthest behind: partition ${maxLagPartition.partition} with ${formatCount(maxLagPartition.lag)} messages${worst && worst.seconds > 0 ? `; up to ≈ ${formatSeconds(worst.seconds)} of source data not yet mirrored (est., partition ${worst.partition})` : ""}.`
            : m
              ? "Every partition is caught up."
              : undefined
      }
    >
      {m ? (
        m.lags.length === 0 ? (
          <p className="py-2 text-sm text-muted">The cluster reported no per-partition lag for this mirror.</p>
        ) : (
          <PartitionTable lags={m.lags} rates={rates} ratesLoading={m.staleSince === null && history.isPending} staleSince={m.staleSince} />
        )
      ) : mirror.isPending ? (
        <SkeletonBlock label="Loading partitions" lines={4} />
      ) : (
        <ApiErrorNotice compact error={mirror.error} cluster={cluster} what="the partitions" />
      )}
    </Panel>
  );
}
