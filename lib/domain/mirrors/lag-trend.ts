import { problem } from "../topology/link-problems";
import type { Problem } from "../types";

/*
 * Falling behind: a mirror whose lag grew over the last `lagTrendMinutes` while it fetched no faster than its source
 * produced. Lag = source end offset − last fetch offset, so over a window the catch-up rate (fetch offsets' rise) is at
 * most the produce rate (end offsets' rise) exactly when the lag grew; the difference is the rate it loses ground at.
 */

/** One reading of a mirror, summed over its partitions. */
export interface TrendPoint {
  atMs: number;
  /** Total lag (messages). */
  lag: number;
  /** Sum of the partitions' last source fetch offsets. */
  fetched: number;
}

export const DEFAULT_LAG_TREND_MINUTES = 10;

/** Points closer than this are merged (the newest kept): a window holds about 20 of them, whatever the poll interval. */
export function trendSpacingMs(windowMs: number): number {
  return Math.max(15_000, windowMs / 20);
}

/**
 * The points after one more reading: spaced by trendSpacingMs, nothing older than the window needs (one point at or
 * before its start is kept, to measure from). A fetch offset sum that went down (a mirror recreated) starts over.
 */
export function appendTrendPoint(points: readonly TrendPoint[], next: TrendPoint, windowMs: number): TrendPoint[] {
  const kept = [...points];
  appendTrendPointInPlace(kept, next, windowMs);
  return kept;
}

/** appendTrendPoint on the array itself: the fleet keeps one per mirror, and a copy per mirror per reading was garbage. */
export function appendTrendPointInPlace(points: TrendPoint[], next: TrendPoint, windowMs: number): void {
  const last = points.at(-1);
  if (last !== undefined && next.atMs <= last.atMs) return;
  if (last !== undefined && next.fetched < last.fetched) points.length = 0;
  const beforeLast = points.at(-2);
  if (beforeLast !== undefined && next.atMs - beforeLast.atMs < trendSpacingMs(windowMs)) points.pop();
  points.push(next);
  const start = next.atMs - windowMs;
  const firstInWindow = points.findIndex((p) => p.atMs > start);
  if (firstInWindow > 1) points.splice(0, firstInWindow - 1);
}

export interface NotCatchingUp {
  fromLag: number;
  toLag: number;
  windowMs: number;
  /** Messages per second the mirror fetched over the window. */
  catchUpPerSecond: number;
  /** Messages per second the source produced over the window. */
  producePerSecond: number;
  /** producePerSecond − catchUpPerSecond: how fast the lag grows. */
  losingPerSecond: number;
}

/**
 * The verdict over the points of a flowing mirror: null unless they cover the whole window and the lag grew in it,
 * meaning every reading of its second half is above every reading of its first half (a lag that only jitters around
 * a level never is). Too little history is no verdict, never "catching up".
 */
export function notCatchingUp(points: readonly TrendPoint[], windowMs: number): NotCatchingUp | null {
  // Loops rather than filters: this is judged for every flowing mirror on each reading. Points ascend in time
  // (appendTrendPoint), so the window is the points from its start on.
  const last = points.at(-1);
  if (last === undefined) return null;
  let startIndex = points.length - 1;
  while (startIndex >= 0 && (points[startIndex] as TrendPoint).atMs > last.atMs - windowMs) startIndex--;
  const start = points[startIndex];
  if (start === undefined) return null;
  const middle = start.atMs + (last.atMs - start.atMs) / 2;
  let firstHalfMax = Number.NEGATIVE_INFINITY;
  let secondHalfMin = Number.POSITIVE_INFINITY;
  for (let i = startIndex; i < points.length; i++) {
    const p = points[i] as TrendPoint;
    if (p.atMs <= middle) firstHalfMax = Math.max(firstHalfMax, p.lag);
    else secondHalfMin = Math.min(secondHalfMin, p.lag);
  }
  // No point in the second half (min stays infinite), or one not above the first half's highest: no verdict.
  if (secondHalfMin === Number.POSITIVE_INFINITY || secondHalfMin <= firstHalfMax) return null;
  const seconds = (last.atMs - start.atMs) / 1000;
  const catchUpPerSecond = (last.fetched - start.fetched) / seconds;
  const losingPerSecond = (last.lag - start.lag) / seconds;
  return {
    fromLag: start.lag,
    toLag: last.lag,
    windowMs: last.atMs - start.atMs,
    catchUpPerSecond,
    producePerSecond: catchUpPerSecond + losingPerSecond,
    losingPerSecond,
  };
}

const count = (n: number) => Math.round(n).toLocaleString("en-US");
const perSecond = (n: number) => `${n.toLocaleString("en-US", { maximumFractionDigits: n < 10 ? 1 : 0 })} messages/s`;

/** The problem, naming the mirror and the rate it loses ground at. */
export function notCatchingUpProblem(mirror: string, verdict: NotCatchingUp): Problem {
  const minutes = Math.round(verdict.windowMs / 60_000);
  return problem(
    "mirror-not-catching-up",
    `${mirror} is not catching up: its lag grew from ${count(verdict.fromLag)} to ${count(verdict.toLag)} messages over the last ${minutes} min, losing ground at ${perSecond(verdict.losingPerSecond)} (it fetches ${perSecond(verdict.catchUpPerSecond)}, its source produces ${perSecond(verdict.producePerSecond)})`,
  );
}
