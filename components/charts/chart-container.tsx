"use client";
import type { CSSProperties, ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";
import { tokenVar, type ChartToken } from "./chart-theme";

export interface ChartSeriesStyle {
  id: string;
  label: string;
  token: ChartToken;
  dash?: string;
}

/**
 * The frame every chart sits in: maps each series to a CSS variable holding a theme token (so recharts draws
 * with `var(--series-<id>)` and dark mode needs no re-render), sizes the chart, and gives it a text
 * alternative, because a picture of lines says nothing to a screen reader.
 */
export function ChartContainer({
  series,
  height,
  label,
  summary,
  children,
  footer,
}: {
  series: readonly ChartSeriesStyle[];
  height: number;
  label: string;
  summary: string;
  children: ReactElement;
  footer?: ReactNode;
}) {
  const vars = Object.fromEntries(series.map((s) => [`--series-${s.id}`, tokenVar(s.token)])) as CSSProperties;
  return (
    <figure aria-label={label} className="m-0">
      <div style={{ ...vars, height }} className="w-full text-xs">
        <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 600, height }}>
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{summary}</figcaption>
      {footer}
    </figure>
  );
}

export const seriesColor = (id: string) => `var(--series-${id})`;

/** The legend as HTML: readable, wraps, and each entry shows its line style as well as its colour. */
export function ChartLegend({ series }: { series: readonly ChartSeriesStyle[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-label="Legend">
      {series.map((s) => (
        <li key={s.id} className="inline-flex items-center gap-1.5">
          <svg aria-hidden width="18" height="6" className="shrink-0">
            <line x1="0" y1="3" x2="18" y2="3" stroke={tokenVar(s.token)} strokeWidth="2.5" strokeDasharray={s.dash} />
          </svg>
          <span className="text-fg">{s.label}</span>
        </li>
      ))}
    </ul>
  );
}
