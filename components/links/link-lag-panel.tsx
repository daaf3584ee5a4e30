"use client";
import Link from "next/link";
import { CircleCheck } from "lucide-react";
import { useMemo } from "react";
import { HISTORY_METRICS, historyRange, useHistory, type HistorySeries } from "@/lib/client/use-history";
import { useLinkDetail, useTopologyLink } from "@/lib/client/use-link";
import { useLinkMirrors } from "@/lib/client/use-mirrors";
import { hasPoints } from "@/components/charts/chart-data";
import { ChartSkeleton, HistoryProblem, historySourceLabel, NoHistoryYet } from "@/components/charts/history-status";
import { RangePicker, UtcToggle } from "@/components/charts/range-picker";
import { LagSecondsChart } from "@/components/charts/lag-seconds-chart";
import { Sparkline } from "@/components/charts/sparkline";
import { TimeSeriesChart, type TimeSeries } from "@/components/charts/lazy-time-series-chart";
import { useChartUrlState } from "@/components/charts/use-chart-url-state";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { formatLagSeconds } from "@/components/ui/format-lag-seconds";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { MirrorStatusBadge } from "@/components/ui/state-badge";
import { pagePaths } from "./link-paths";
import { RpoBudgetNote } from "./rpo-budget-note";
import { topLaggingMirrors, worstMirrorInSeconds } from "./mirror-sort";
import { StaleLag } from "@/components/ui/stale-lag";
import { formatReadingTime } from "@/lib/domain/failover/readiness";

const CHART_HEIGHT = 200;
const TOP_N = 5;

function seriesFor(all: readonly HistorySeries[], metric: string, key: string) {
  return all.find((s) => s.metric === metric && s.key === key)?.points ?? [];
}

function TopLaggingMirrors({
  cluster,
  link,
  history,
  from,
  to,
}: {
  cluster: string;
  link: string;
  history: readonly HistorySeries[];
  from: number;
  to: number;
}) {
  const { data: mirrors, isPending } = useLinkMirrors(cluster, link);
  const top = useMemo(() => topLaggingMirrors(mirrors ?? [], TOP_N), [mirrors]);
  if (!mirrors) return isPending ? <SkeletonBlock label="Loading top lagging mirrors" lines={3} /> : null;
  // A stale mirror's 0 is a floor, not "caught up": no all-clear while any mirror of the link does not flow.
  if (top.length === 0 && mirrors.every((m) => m.flowing)) {
    return (
      <EmptyState icon={CircleCheck} title="No mirror is lagging right now.">
        Every mirror that reports lag is at 0 messages.
      </EmptyState>
    );
  }
  if (top.length === 0) {
    const since = Math.min(...mirrors.flatMap((m) => (!m.flowing && m.staleSince !== null ? [m.staleSince] : [])));
    return (
      <p role="status" className="text-sm text-warn" data-testid="lag-stale-floor">
        No mirror had lag at the last reading, but data is not flowing
        {Number.isFinite(since) ? ` since ${formatReadingTime(since)}` : ""}: the lag is at least 0 and grows while the source produces.
      </p>
    );
  }
  const hasSparklines = history.some((s) => s.metric === HISTORY_METRICS.mirrorMaxLag);
  const biggest = top[0]?.maxLag ?? 1;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">The {top.length} mirrors with the largest partition lag right now</caption>
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Mirror
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Status
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              Max lag now
            </th>
            <th scope="col" className="hidden py-1.5 pr-3 font-medium md:table-cell">
              <span className="sr-only">Share of the largest lag</span>
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              Total lag
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              Behind (est.)
            </th>
            {hasSparklines ? (
              <th scope="col" className="py-1.5 font-medium">
                Max lag trend
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {top.map((m) => (
            <tr key={m.name} className="border-t border-border">
              <th scope="row" className="max-w-48 truncate py-1.5 pr-3 font-normal">
                <Link href={pagePaths.mirror(cluster, link, m.name)} className="font-medium text-accent hover:underline">
                  {m.name}
                </Link>
              </th>
              <td className="py-1.5 pr-3">
                <MirrorStatusBadge status={m.status} />
              </td>
              <td className="py-1.5 pr-3 text-right font-mono tabular-nums">
                <StaleLag staleSince={m.flowing ? null : m.staleSince}>{formatCount(m.maxLag)}</StaleLag>
              </td>
              <td className="hidden w-40 py-1.5 pr-3 md:table-cell">
                <div aria-hidden className="h-2 rounded-full bg-surface-2">
                  <div className="h-2 rounded-full bg-warn" style={{ width: `${Math.max(2, ((m.maxLag ?? 0) / biggest) * 100)}%` }} />
                </div>
              </td>
              <td className="py-1.5 pr-3 text-right font-mono tabular-nums">
                <StaleLag staleSince={m.flowing ? null : m.staleSince}>{formatCount(m.totalLag)}</StaleLag>
              </td>
              <td className="whitespace-nowrap py-1.5 pr-3 text-right font-mono tabular-nums">
                {formatLagSeconds(m.lagSeconds, m.staleSince !== null)}
              </td>
              {hasSparklines ? (
                <td className="py-1.5">
                  <Sparkline points={seriesFor(history, HISTORY_METRICS.mirrorMaxLag, m.name)} from={from} to={to} token="warn" />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Link-level lag (largest partition, and the whole backlog) over a chosen window, and who is behind right now. */
export function LinkLagPanel({ cluster, link }: { cluster: string; link: string }) {
  const { range, utc, setRange, setUtc } = useChartUrlState();
  const preset = historyRange(range);
  const history = useHistory({ cluster, link, range });
  const data = history.data;
  const series = data?.series ?? [];
  const max: TimeSeries[] = [
    { id: "maxLag", label: "Max partition lag", token: "err", points: seriesFor(series, HISTORY_METRICS.maxLag, link) },
  ];
  const total: TimeSeries[] = [
    { id: "totalLag", label: "Total lag", token: "chart-1", points: seriesFor(series, HISTORY_METRICS.totalLag, link) },
  ];
  const loadingNewRange = history.isPlaceholderData;
  const rpoSeconds = useLinkDetail(cluster, link).data?.rpoSeconds;
  const topologyLink = useTopologyLink({ cluster, link }).data?.link;
  const lagSeconds = topologyLink?.maxLagSeconds ?? null;
  const worst = worstMirrorInSeconds(useLinkMirrors(cluster, link).data ?? []);

  return (
    <Panel
      id="link-lag"
      title="Lag over time"
      subtitle={
        data
          ? `${historySourceLabel(data.source)} · messages behind the source, ${preset.title}`
          : `Messages behind the source, ${preset.title}`
      }
      actions={
        <>
          <RangePicker value={range} onChange={setRange} name="link-lag-range" />
          <UtcToggle utc={utc} onChange={setUtc} />
        </>
      }
    >
      <div className="space-y-4" aria-busy={history.isFetching}>
        {history.isPending ? (
          <div className="grid gap-4 lg:grid-cols-2">
            <ChartSkeleton height={CHART_HEIGHT} label="Loading max lag history" />
            <ChartSkeleton height={CHART_HEIGHT} label="Loading total lag history" />
          </div>
        ) : !data ? (
          <HistoryProblem error={history.error} cluster={cluster} rangeTitle={preset.title} />
        ) : !hasPoints([...max, ...total]) ? (
          <NoHistoryYet rangeTitle={preset.title} />
        ) : (
          <div className={loadingNewRange ? "grid gap-4 opacity-50 lg:grid-cols-2" : "grid gap-4 lg:grid-cols-2"}>
            <div>
              <h3 className="mb-1 text-sm font-medium">Largest partition lag</h3>
              <TimeSeriesChart
                series={max}
                from={data.from}
                to={data.to}
                stepMs={data.step * 1000}
                utc={utc}
                unit="messages"
                label={`Largest partition lag of ${link}`}
                height={CHART_HEIGHT}
              />
            </div>
            <div>
              <h3 className="mb-1 text-sm font-medium">Total lag (all partitions)</h3>
              <TimeSeriesChart
                series={total}
                from={data.from}
                to={data.to}
                stepMs={data.step * 1000}
                utc={utc}
                unit="messages"
                label={`Total lag of ${link}`}
                height={CHART_HEIGHT}
              />
            </div>
          </div>
        )}
        {data && history.isError ? <HistoryProblem error={history.error} cluster={cluster} rangeTitle={preset.title} /> : null}
        {worst === null ? null : (
          <div>
            <h3 className="mb-1 text-sm font-medium">
              Estimated lag in seconds of the worst mirror, <span className="font-mono">{worst}</span>, against the RPO budget
            </h3>
            <LagSecondsChart
              cluster={cluster}
              link={link}
              topic={worst}
              range={range}
              utc={utc}
              rpoSeconds={rpoSeconds}
              height={CHART_HEIGHT}
            />
          </div>
        )}
        {rpoSeconds === undefined ? null : (
          <RpoBudgetNote
            rpoSeconds={rpoSeconds}
            lagSeconds={lagSeconds}
            atLeast={(topologyLink?.staleSince ?? null) !== null || topologyLink?.maxLagSecondsAtLeast === true}
          />
        )}
        <div>
          <h3 className="mb-1 text-sm font-semibold">Top lagging mirrors</h3>
          <TopLaggingMirrors cluster={cluster} link={link} history={series} from={data?.from ?? 0} to={data?.to ?? 0} />
        </div>
      </div>
    </Panel>
  );
}
