import "server-only";
import { HISTORY_LIMITS, type HistoryMetric, type HistoryPoint, type HistorySeries } from "@/lib/api/history";
import { TooManyPointsError } from "./errors";

/** Counts points across one answer so a query that would return millions stops early with a useful message. */
export class PointBudget {
  private used = 0;
  constructor(private readonly max: number = HISTORY_LIMITS.maxPointsPerResponse) {}

  take(): void {
    if (++this.used > this.max) {
      throw new TooManyPointsError(
        `the answer would have more than ${this.max} points; narrow the range, raise step, or ask for one partition`,
      );
    }
  }
}

/** One series' points: the largest value in each step-aligned bucket; negative values mean "not known" and are skipped. */
export class MaxBuckets {
  private readonly buckets = new Map<number, number>();

  constructor(
    private readonly stepMs: number,
    private readonly budget: PointBudget,
  ) {}

  add(ts: number, value: number): void {
    if (!(value >= 0)) return;
    const start = ts - (ts % this.stepMs);
    const seen = this.buckets.get(start);
    if (seen === undefined) {
      this.budget.take();
      this.buckets.set(start, value);
    } else if (value > seen) this.buckets.set(start, value);
  }

  points(): HistoryPoint[] {
    return [...this.buckets.entries()].sort((a, b) => a[0] - b[0]);
  }

  toSeries(key: string, metric: HistoryMetric): HistorySeries {
    return { key, metric, points: this.points() };
  }
}
