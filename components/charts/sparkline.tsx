import type { ChartPoint } from "./chart-data";
import { tokenVar, type ChartToken } from "./chart-theme";

/** SVG path points for a sparkline: time across, value up, scaled to the box (flat series sit on the bottom). */
export function sparklinePoints(points: readonly ChartPoint[], width: number, height: number, from: number, to: number): string {
  const usable = points.filter((p): p is readonly [number, number] => p[1] !== null).sort((a, b) => a[0] - b[0]);
  if (usable.length === 0 || to <= from) return "";
  const max = Math.max(...usable.map(([, v]) => v));
  const pad = 1;
  const y = (v: number) => (max > 0 ? pad + (height - 2 * pad) * (1 - v / max) : height - pad);
  const x = (t: number) => Math.min(width, Math.max(0, ((t - from) / (to - from)) * width));
  return usable.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
}

/** A word-sized trend line; decorative, so the number next to it carries the meaning. */
export function Sparkline({
  points,
  from,
  to,
  token = "accent",
  width = 96,
  height = 24,
}: {
  points: readonly ChartPoint[];
  from: number;
  to: number;
  token?: ChartToken;
  width?: number;
  height?: number;
}) {
  const line = sparklinePoints(points, width, height, from, to);
  if (!line) return <span className="text-xs text-muted">no history</span>;
  return (
    <svg aria-hidden width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="overflow-visible">
      <polyline points={line} fill="none" stroke={tokenVar(token)} strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
