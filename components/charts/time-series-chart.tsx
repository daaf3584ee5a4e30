"use client";
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatCompact, formatCount, formatTimestamp } from "@/components/ui/format";
import { ChartContainer, ChartLegend, seriesColor, type ChartSeriesStyle } from "./chart-container";
import { chartBands, formatTick, latestValues, mergeSeries, timeTicks, withGaps, type ChartBand, type ChartPoint } from "./chart-data";
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

const BAND_LOOK: Record<ChartBand["kind"], { fill: string; label: string; meaning: string }> = {
  gap: { fill: "var(--muted)", label: "no data", meaning: "no samples (cluster unreachable, or Linkscope was not running)" },
  frozen: {
    fill: "var(--warn)",
    label: "frozen",
    meaning: "lag unchanged above 0: nothing copied (link paused, or cut off from its source)",
  },
};

/**
 * A band narrower than this share of the window is shaded but not labelled: side by side, short gaps' labels ran into
 * one another ("nodatadata…"). The notes under the chart still list every band with its times.
 */
const MIN_LABELLED_SHARE = 0.12;

/** The label drawn inside a band, or undefined when the band is too narrow to hold it. */
export function bandLabel(band: ChartBand, span: number): string | undefined {
  return span > 0 && (band.to - band.from) / span >= MIN_LABELLED_SHARE ? BAND_LOOK[band.kind].label : undefined;
}

function BandNotes({ bands, utc, span }: { bands: readonly ChartBand[]; utc: boolean; span: number }) {
  if (bands.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-muted" aria-label="Shaded stretches">
      {bands.map((b) => (
        <li key={`${b.kind}-${b.from}`} className="flex items-start gap-1.5">
          <span
            aria-hidden
            className="mt-0.5 inline-block size-3 shrink-0 rounded-sm opacity-40"
            style={{ background: BAND_LOOK[b.kind].fill }}
          />
          <span>
            <span className="font-medium text-fg">
              {formatTick(b.from, span, utc)}–{formatTick(b.to, span, utc)} {BAND_LOOK[b.kind].label}:
            </span>{" "}
            {BAND_LOOK[b.kind].meaning}
          </span>
        </li>
      ))}
    </ul>
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
  const bands = stepMs ? chartBands(series, stepMs) : [];
  const latest = latestValues(series)
    .slice(0, 5)
    .map((v) => `${v.label} ${formatCount(v.value)} ${unit}`)
    .join(", ");
  const summary = `${label} from ${formatTimestamp(from, { utc })} to ${formatTimestamp(to, { utc })}. Latest: ${latest || "no data"}.`;
  const footer = (
    <>
      <ChartLegend series={series} />
      <BandNotes bands={bands} utc={utc} span={span} />
    </>
  );
  return (
    <ChartContainer series={series} height={height} label={label} summary={summary} footer={footer}>
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
        {bands.map((b) => {
          const text = bandLabel(b, span);
          return (
            <ReferenceArea
              key={`${b.kind}-${b.from}`}
              x1={b.from}
              x2={b.to}
              ifOverflow="hidden"
              fill={BAND_LOOK[b.kind].fill}
              fillOpacity={0.14}
              stroke="none"
              label={text === undefined ? undefined : { value: text, position: "insideTop", fill: "var(--muted)", fontSize: 11 }}
            />
          );
        })}
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
