"use client";
import dynamic from "next/dynamic";
import { ChartSkeleton } from "./history-status";

export type { Threshold, TimeSeries } from "./time-series-chart";

/**
 * TimeSeriesChart, loaded with the first chart drawn: recharts is most of a chart page's JavaScript, and the page's
 * figures and tables come first (bench item 7 measures each page's first-load JavaScript).
 */
export const TimeSeriesChart = dynamic(() => import("./time-series-chart").then((m) => m.TimeSeriesChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={220} label="Loading the chart" />,
});
