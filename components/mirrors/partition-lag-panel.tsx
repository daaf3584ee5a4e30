"use client";
import { useMemo } from "react";
import { useLinkDetail } from "@/lib/client/use-link";
import { LagSecondsChart } from "@/components/charts/lag-seconds-chart";
import { HISTORY_METRICS, historyRange, useHistory } from "@/lib/client/use-history";
import { hasPoints, latestValues, seriesIdOf } from "@/components/charts/chart-data";
import { seriesDash, seriesToken } from "@/components/charts/chart-theme";
import { ChartSkeleton, HistoryProblem, historySourceLabel, NoHistoryYet } from "@/components/charts/history-status";
import { RangePicker, UtcToggle } from "@/components/charts/range-picker";
import { TimeSeriesChart, type TimeSeries } from "@/components/charts/lazy-time-series-chart";
import { useChartUrlState } from "@/components/charts/use-chart-url-state";
import { Panel } from "@/components/ui/panel";

/** More lines than this turn a chart into noise: show the partitions that are furthest behind. */
const MAX_LINES = 12;

export function PartitionLagPanel({ cluster, link, topic }: { cluster: string; link: string; topic: string }) {
  const { range, utc, setRange, setUtc } = useChartUrlState();
  const preset = historyRange(range);
  const history = useHistory({ cluster, link, topic, range });
  const data = history.data;
  const rpoSeconds = useLinkDetail(cluster, link).data?.rpoSeconds;

  const { series, hidden } = useMemo(() => {
    const all = (data?.series ?? [])
      .filter((s) => s.metric === HISTORY_METRICS.lag)
      .map((s) => ({ key: s.key, partition: Number(s.key.slice(s.key.lastIndexOf("/") + 1)), points: s.points }))
      .sort((a, b) => a.partition - b.partition);
    const ranked = latestValues(all.map((s) => ({ id: s.key, label: s.key, points: s.points })));
    const keep = all.length > MAX_LINES ? new Set(ranked.slice(0, MAX_LINES).map((r) => r.label)) : null;
    const shown: TimeSeries[] = all
      .filter((s) => keep === null || keep.has(s.key))
      .map((s, i) => ({
        id: seriesIdOf(s.key, i),
        label: `partition ${s.partition}`,
        token: seriesToken(s.partition),
        dash: seriesDash(s.partition),
        points: s.points,
      }));
    return { series: shown, hidden: all.length - shown.length };
  }, [data]);

  return (
    <Panel
      id="partition-lag"
      title="Lag per partition"
      subtitle={
        data
          ? `${historySourceLabel(data.source)} · messages behind the source, ${preset.title}`
          : `Messages behind the source, ${preset.title}`
      }
      actions={
        <>
          <RangePicker value={range} onChange={setRange} name="partition-lag-range" />
          <UtcToggle utc={utc} onChange={setUtc} />
        </>
      }
    >
      {history.isPending ? (
        <ChartSkeleton height={240} label="Loading partition lag history" />
      ) : !data ? (
        <HistoryProblem error={history.error} cluster={cluster} rangeTitle={preset.title} />
      ) : !hasPoints(series) ? (
        <NoHistoryYet rangeTitle={preset.title} />
      ) : (
        <div className={history.isPlaceholderData ? "opacity-50" : undefined}>
          <TimeSeriesChart
            series={series}
            from={data.from}
            to={data.to}
            stepMs={data.step * 1000}
            utc={utc}
            unit="messages"
            label={`Lag per partition of ${topic}`}
            height={240}
          />
          {hidden > 0 ? (
            <p className="mt-1 text-xs text-muted">
              Showing the {series.length} partitions with the highest lag now; {hidden} more are not drawn.
            </p>
          ) : null}
        </div>
      )}
      <div className="mt-4">
        <h3 className="mb-1 text-sm font-medium">Estimated lag in seconds, against the RPO budget</h3>
        <LagSecondsChart cluster={cluster} link={link} topic={topic} range={range} utc={utc} rpoSeconds={rpoSeconds} height={200} />
        <p className="mt-1 text-xs text-muted">
          Each partition&apos;s lag ÷ its source&apos;s produce rate over the 5 minutes before the source last moved, plus the time since it
          moved; the worst partition is drawn. An estimate: clusters report lag in messages only.
        </p>
      </div>
    </Panel>
  );
}
