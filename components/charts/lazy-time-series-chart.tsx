"use client";
import { lazy, Suspense, type ComponentProps } from "react";
import { ChartSkeleton } from "./history-status";
import type { TimeSeriesChart as Chart } from "./time-series-chart";

export type { Threshold, TimeSeries } from "./time-series-chart";

// recharts is most of a chart page's JavaScript: it loads with the first chart drawn, not with the page, whose
// figures and tables come first (bench item 7 measures each page's first-load JavaScript).
const LazyChart = lazy(() => import("./time-series-chart").then((m) => ({ default: m.TimeSeriesChart })));

/** TimeSeriesChart, loaded on first use; its place is held at its own height meanwhile. */
export function TimeSeriesChart(props: ComponentProps<typeof Chart>) {
  return (
    <Suspense fallback={<ChartSkeleton height={props.height ?? 220} label={`Loading the chart: ${props.label}`} />}>
      <LazyChart {...props} />
    </Suspense>
  );
}
