"use client";
import { Clock } from "lucide-react";
import { useMemo } from "react";
import { historyRange, useHistory, type HistoryRangeId } from "@/lib/client/use-history";
import { lagSecondsSeries } from "@/lib/domain/mirrors/lag-seconds-history";
import { describeSeconds } from "@/lib/domain/failover/rpo-budget";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPoints } from "./chart-data";
import { ChartSkeleton, HistoryProblem } from "./history-status";
import { TimeSeriesChart, type TimeSeries } from "./lazy-time-series-chart";

/**
 * One mirror's estimated lag in seconds over the chosen range (worst partition: lag ÷ its source's trailing produce
 * rate, worked out from the stored lag and last fetch offsets), with the link's RPO budget as a labelled line.
 */
export function LagSecondsChart({
  cluster,
  link,
  topic,
  range,
  utc,
  rpoSeconds,
  height = 200,
}: {
  cluster: string;
  link: string;
  topic: string;
  range: HistoryRangeId;
  utc: boolean;
  rpoSeconds: number | undefined;
  height?: number;
}) {
  const preset = historyRange(range);
  const history = useHistory({ cluster, link, topic, range });
  const data = history.data;
  const series: TimeSeries[] = useMemo(
    () => [
      {
        id: "lagSeconds",
        label: `${topic}, worst partition`,
        token: "chart-2",
        points: data ? lagSecondsSeries(topic, data.series) : [],
      },
    ],
    [data, topic],
  );
  if (history.isPending) return <ChartSkeleton height={height} label={`Loading the lag history of ${topic}`} />;
  if (!data) return <HistoryProblem error={history.error} cluster={cluster} rangeTitle={preset.title} />;
  if (!hasPoints(series)) {
    return (
      <EmptyState icon={Clock} title={`No estimate of ${topic}'s lag in seconds for the ${preset.title} yet.`}>
        It needs 30 seconds of history with each partition&apos;s last source fetch offset and a source that produced. The Prometheus
        history backend does not keep fetch offsets; the current estimate is still worked out from Linkscope&apos;s own readings.
      </EmptyState>
    );
  }
  return (
    <div className={history.isPlaceholderData ? "opacity-50" : undefined}>
      <TimeSeriesChart
        series={series}
        from={data.from}
        to={data.to}
        stepMs={data.step * 1000}
        utc={utc}
        unit="seconds"
        label={`Estimated lag in seconds of ${topic}`}
        height={height}
        threshold={rpoSeconds === undefined ? undefined : { value: rpoSeconds, label: `RPO budget ${describeSeconds(rpoSeconds)}` }}
      />
    </div>
  );
}
