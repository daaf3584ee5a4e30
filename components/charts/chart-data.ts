import { compareStrings } from "@/lib/domain/compare";

export type ChartPoint = readonly [number, number | null];

export interface ChartSeries {
  /** Stable and CSS-safe: used as the data key and in CSS variable names. */
  id: string;
  label: string;
  points: readonly ChartPoint[];
}

export type ChartRow = { t: number } & Record<string, number | null>;

/** Rows for recharts: one per timestamp seen in any series; a series without a sample there has no key (a gap). */
export function mergeSeries(series: readonly ChartSeries[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const s of series) {
    for (const [t, v] of s.points) {
      let row = rows.get(t);
      if (!row) {
        row = { t } as ChartRow;
        rows.set(t, row);
      }
      row[s.id] = v;
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/**
 * Marks missing samples as gaps: where two points are more than two steps apart (the dashboard was down, the
 * cluster unreachable), a null goes between them so the line breaks instead of drawing a straight bridge.
 */
export function withGaps(points: readonly ChartPoint[], stepMs: number): ChartPoint[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  if (!(stepMs > 0)) return sorted;
  const out: ChartPoint[] = [];
  for (const [i, p] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev && p[0] - prev[0] > 2 * stepMs) out.push([prev[0] + stepMs, null]);
    out.push(p);
  }
  return out;
}

export function hasPoints(series: readonly ChartSeries[]): boolean {
  return series.some((s) => s.points.some(([, v]) => v !== null));
}

/** A CSS-identifier-safe id for any key ("orders/0" → "s-orders-0-…"), unique per key. */
export function seriesIdOf(key: string, index: number): string {
  return `s${index}-${key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/** Tick labels: clock time for short windows, date and time for windows longer than a day. */
export function formatTick(ms: number, spanMs: number, utc: boolean): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = utc ? d.getUTCHours() : d.getHours();
  const m = utc ? d.getUTCMinutes() : d.getMinutes();
  const time = `${pad(h)}:${pad(m)}`;
  if (spanMs <= 86_400_000) return time;
  const mo = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
  const day = utc ? d.getUTCDate() : d.getDate();
  return `${pad(mo)}-${pad(day)} ${time}`;
}

/** The last value of each series, largest first: what the caption reads out instead of the picture. */
export function latestValues(series: readonly ChartSeries[]): { label: string; value: number }[] {
  return series
    .flatMap((s) => {
      const last = [...s.points].reverse().find(([, v]) => v !== null);
      return last ? [{ label: s.label, value: last[1] as number }] : [];
    })
    .sort((a, b) => b.value - a.value || compareStrings(a.label, b.label));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NICE_STEPS = [
  15_000,
  30_000,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  48 * HOUR,
];

/**
 * Evenly spaced ticks on round clock times (every 10 min, every 6 h, …) across the whole window, so the axis
 * shows the window asked for even when data covers only part of it. Local time unless `utc`.
 */
export function timeTicks(from: number, to: number, { maxTicks = 6, utc = false }: { maxTicks?: number; utc?: boolean } = {}): number[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const step = NICE_STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / (24 * HOUR)) * 24 * HOUR;
  const offset = utc ? 0 : -new Date(from).getTimezoneOffset() * MINUTE;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offset) / step) * step - offset; t <= to; t += step) ticks.push(t);
  return ticks;
}

export interface ChartBand {
  from: number;
  to: number;
  /** gap: no sample at all (cluster unreachable, or the dashboard was down); frozen: lag unchanged and above 0 (nothing flows). */
  kind: "gap" | "frozen";
}

/**
 * The stretches a person must not read as data: no series has a sample for more than two steps (a gap), or every
 * series holds the same non-zero value for at least `minFrozenSteps` samples in a row (a frozen plateau: a link that
 * copies nothing while lag stays put, e.g. paused or cut off from its source). Lag that sits at 0 is healthy, not frozen.
 */
export function chartBands(
  series: readonly ChartSeries[],
  stepMs: number,
  { minFrozenSteps = 6 }: { minFrozenSteps?: number } = {},
): ChartBand[] {
  if (!(stepMs > 0)) return [];
  const rows = mergeSeries(series.map((s) => ({ ...s, points: s.points.filter(([, v]) => v !== null) })));
  const bands: ChartBand[] = [];
  for (const [i, row] of rows.entries()) {
    const prev = rows[i - 1];
    if (prev && row.t - prev.t > 2 * stepMs) bands.push({ from: prev.t, to: row.t, kind: "gap" });
  }
  let runStart: number | null = null;
  let runLength = 0;
  const closeRun = (end: number) => {
    if (runStart !== null && runLength >= minFrozenSteps) bands.push({ from: runStart, to: end, kind: "frozen" });
    runStart = null;
    runLength = 0;
  };
  for (const [i, row] of rows.entries()) {
    const prev = rows[i - 1];
    const ids = series.map((s) => s.id).filter((id) => typeof row[id] === "number" && typeof prev?.[id] === "number");
    const frozen =
      prev !== undefined &&
      row.t - prev.t <= 2 * stepMs &&
      ids.length > 0 &&
      ids.every((id) => row[id] === prev[id]) &&
      ids.some((id) => (row[id] as number) > 0);
    if (frozen) {
      if (runStart === null) runStart = prev.t;
      runLength += 1;
    } else {
      closeRun(prev?.t ?? row.t);
    }
  }
  closeRun(rows.at(-1)?.t ?? 0);
  return bands.sort((a, b) => a.from - b.from);
}
