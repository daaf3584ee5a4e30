"use client";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatCompact, formatCount, formatTimestamp } from "@/components/ui/format";
import { ChartContainer, ChartLegend, seriesColor, type ChartSeriesStyle } from "./chart-container";
import { formatTick, latestValues, mergeSeries, timeTicks, withGaps, type ChartPoint } from "./chart-data";
import { AXIS_STYLE } from "./chart-theme";

export interface TimeSeries extends ChartSeriesStyle {
  points: readonly ChartPoint[];
}

export interface Threshold {
  value: number;
  label: string;
}

function TooltipBody({ active, payload, label, utc, unit }: TooltipContentProps & { utc: boolean; unit: string }) {
  if (!active || !payload?.length || typeof label !== "number") return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-fg">{formatTimestamp(label, { utc })}</p>
      <ul className="mt-1 space-y-0.5">
        {payload
          .filter((p) => typeof p.value === "number")
          .sort((a, b) => (b.value as number) - (a.value as number))
          .map((p) => (
            <li key={String(p.dataKey)} className="flex items-center gap-2">
              <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: p.color }} />
              <span className="text-muted">{p.name}</span>
              <span className="ml-auto pl-3 font-mono tabular-nums text-fg">
                {formatCount(p.value as number)} {unit}
              </span>
            </li>
          ))}
      </ul>
    </div>
  );
}

/**
 * Lines over a fixed time window. Animation is off: monitoring charts redraw every refresh, and movement
 * that is not data only distracts (and makes screenshots and tests flaky).
 */
export function TimeSeriesChart({
  series,
  from,
  to,
  utc,
  unit,
  label,
  height = 220,
  threshold,
  stepMs,
}: {
  series: readonly TimeSeries[];
  from: number;
  to: number;
  utc: boolean;
  /** What the values count, e.g. "messages". */
  unit: string;
  label: string;
  height?: number;
  threshold?: Threshold;
  /** The sampling step: points further apart than two steps are drawn as a gap. */
  stepMs?: number;
}) {
  const rows = mergeSeries(stepMs ? series.map((s) => ({ ...s, points: withGaps(s.points, stepMs) })) : series);
  const span = to - from;
  const latest = latestValues(series)
    .slice(0, 5)
    .map((v) => `${v.label} ${formatCount(v.value)} ${unit}`)
    .join(", ");
  const summary = `${label} from ${formatTimestamp(from, { utc })} to ${formatTimestamp(to, { utc })}. Latest: ${latest || "no data"}.`;
  return (
    <ChartContainer series={series} height={height} label={label} summary={summary} footer={<ChartLegend series={series} />}>
      <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[from, to]}
          allowDataOverflow
          ticks={timeTicks(from, to, { utc })}
          tickFormatter={(t: number) => formatTick(t, span, utc)}
          tick={AXIS_STYLE}
          stroke="var(--border)"
        />
        <YAxis tickFormatter={(v: number) => formatCompact(v)} tick={AXIS_STYLE} stroke="var(--border)" width={56} allowDecimals={false} />
        <Tooltip content={(props) => <TooltipBody {...props} utc={utc} unit={unit} />} isAnimationActive={false} />
        {threshold ? (
          <ReferenceLine
            y={threshold.value}
            stroke="var(--err)"
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
            label={{ value: threshold.label, position: "insideTopRight", fill: "var(--err)", fontSize: 12 }}
          />
        ) : null}
        {series.map((s) => (
          <Line
            key={s.id}
            dataKey={s.id}
            name={s.label}
            type="linear"
            stroke={seriesColor(s.id)}
            strokeWidth={2}
            strokeDasharray={s.dash}
            // A line needs two samples; until then show the sample itself.
            dot={s.points.length < 3 ? { r: 2.5, fill: seriesColor(s.id), strokeWidth: 0 } : false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartContainer>
  );
}
