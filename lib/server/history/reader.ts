import "server-only";
import type { HistoryDatabase } from "./open-database";
import { META } from "./schema";
import { floorTo, HOUR_MS, MINUTE_MS } from "./time";

type Table = "raw" | "minute";

/** A half-open time range [from, to) read from one resolution. */
interface Segment {
  table: Table;
  from: number;
  to: number;
}

/** One step bucket: its start and the largest max and total lag in it (-1 when none is known). */
export type BucketVisitor = (bucket: number, maxLag: number, totalLag: number) => void;
export type FrameVisitor = (ts: number, partitions: Buffer) => void;

interface BucketArgs {
  link: number;
  mirror?: number;
  from: number;
  to: number;
  step: number;
}
type BucketRow = { bucket: number; max_lag: number; total_lag: number };
type FrameRow = { ts: number; partitions: Buffer };

/** Read access to the store; every method is a handful of prepared statements over one link's key range. */
export class HistoryReader {
  private readonly getMeta;
  private readonly linkBucketRows;
  private readonly mirrorBucketRows;
  private readonly frameRows;
  private readonly hourPeaks;
  private readonly rawPeaks;

  constructor(
    db: HistoryDatabase,
    private readonly rawRetentionMs: () => number,
    private readonly now: () => number,
  ) {
    this.getMeta = db.prepare<[string], { value: number }>("SELECT value FROM meta WHERE key = ?");
    // Step buckets are made in SQLite: JS sees one row per bucket, not one per sample (a day of minutes is 1,440).
    const buckets = "ts - ts % @step AS bucket, MAX(max_lag) AS max_lag, MAX(total_lag) AS total_lag";
    const linkSql = (t: Table) => `SELECT ${buckets} FROM link_${t} WHERE link_id = @link AND ts >= @from AND ts < @to GROUP BY bucket`;
    this.linkBucketRows = {
      raw: db.prepare<[BucketArgs], BucketRow>(linkSql("raw")),
      minute: db.prepare<[BucketArgs], BucketRow>(linkSql("minute")),
    };
    // Raw frames are keyed (link, ts, mirror): the link's timestamps, each one primary-key lookup into the mirror's
    // frames. One-minute frames are keyed by mirror first: one range scan.
    const rawJoin = `FROM link_raw l CROSS JOIN mirror_raw r ON r.link_id = l.link_id AND r.ts = l.ts AND r.mirror_id = @mirror
       WHERE l.link_id = @link AND l.ts >= @from AND l.ts < @to`;
    const minuteRange = "FROM mirror_minute WHERE link_id = @link AND mirror_id = @mirror AND ts >= @from AND ts < @to";
    this.mirrorBucketRows = {
      raw: db.prepare<[BucketArgs], BucketRow>(
        `SELECT r.ts - r.ts % @step AS bucket, MAX(r.max_lag) AS max_lag, MAX(r.total_lag) AS total_lag ${rawJoin} GROUP BY bucket`,
      ),
      minute: db.prepare<[BucketArgs], BucketRow>(`SELECT ${buckets} ${minuteRange} GROUP BY bucket`),
    };
    this.frameRows = {
      raw: db.prepare<[Omit<BucketArgs, "step">], FrameRow>(`SELECT r.ts AS ts, r.partitions AS partitions ${rawJoin}`),
      minute: db.prepare<[Omit<BucketArgs, "step">], FrameRow>(`SELECT ts, partitions ${minuteRange}`),
    };
    // Aggregate first, name only the winners.
    this.hourPeaks = db.prepare<[number, number, number, number], { topic: string; peak: number }>(
      `SELECT m.topic AS topic, p.peak AS peak FROM (
         SELECT mirror_id, MAX(max_lag) AS peak FROM mirror_peak_hour WHERE link_id = ? AND hour >= ? AND hour < ?
         GROUP BY mirror_id ORDER BY peak DESC LIMIT ?
       ) p JOIN mirror m ON m.id = p.mirror_id`,
    );
    this.rawPeaks = db.prepare<[number, number, number], { topic: string; peak: number }>(
      `SELECT m.topic AS topic, r.peak AS peak FROM (
         SELECT mirror_id, MAX(max_lag) AS peak FROM mirror_raw WHERE link_id = ? AND ts >= ? AND ts < ? GROUP BY mirror_id
       ) r JOIN mirror m ON m.id = r.mirror_id`,
    );
  }

  /** Every minute before the watermark is in the one-minute tables. */
  private watermark(): number | null {
    return this.getMeta.get(META.minuteWatermark)?.value ?? null;
  }

  /**
   * Raw points when the step is finer than a minute and the range is still within raw retention; otherwise
   * one-minute buckets up to the watermark and raw points after it (the minute still being filled).
   */
  segments(from: number, toInclusive: number, stepMs: number): Segment[] {
    const to = toInclusive + 1;
    const watermark = this.watermark();
    const rawFrom = this.now() - this.rawRetentionMs();
    if (watermark === null || (stepMs < MINUTE_MS && from >= rawFrom)) return [{ table: "raw", from, to }];
    const segments: Segment[] = [];
    if (from < watermark) segments.push({ table: "minute", from, to: Math.min(to, watermark) });
    if (to > watermark) segments.push({ table: "raw", from: Math.max(from, watermark), to });
    return segments;
  }

  /** The link's max and total lag per step bucket (a bucket split between segments is visited once per segment). */
  linkBuckets(linkId: number, segments: readonly Segment[], stepMs: number, visit: BucketVisitor): void {
    for (const s of segments) {
      for (const r of this.linkBucketRows[s.table].iterate({ link: linkId, from: s.from, to: s.to, step: stepMs }))
        visit(r.bucket, r.max_lag, r.total_lag);
    }
  }

  /** One mirror's max and total lag per step bucket. */
  mirrorBuckets(linkId: number, mirrorId: number, segments: readonly Segment[], stepMs: number, visit: BucketVisitor): void {
    for (const s of segments) {
      const args = { link: linkId, mirror: mirrorId, from: s.from, to: s.to, step: stepMs };
      for (const r of this.mirrorBucketRows[s.table].iterate(args)) visit(r.bucket, r.max_lag, r.total_lag);
    }
  }

  /** Every frame (all partitions) of one mirror, in time order. */
  eachMirrorFrame(linkId: number, mirrorId: number, segments: readonly Segment[], visit: FrameVisitor): void {
    for (const s of segments)
      for (const r of this.frameRows[s.table].iterate({ link: linkId, mirror: mirrorId, from: s.from, to: s.to }))
        visit(r.ts, r.partitions);
  }

  /**
   * The link's mirrors with the highest peak lag in [from, to], highest first (ties by name), lag-free ones left out.
   * Peaks come from the hourly table for the hours the range touches, plus raw frames not yet folded into it.
   */
  topMirrors(linkId: number, from: number, to: number, limit: number): string[] {
    if (limit <= 0) return [];
    const peaks = new Map<string, number>();
    const note = (rows: Iterable<{ topic: string; peak: number }>) => {
      for (const { topic, peak } of rows) if (peak > (peaks.get(topic) ?? 0)) peaks.set(topic, peak);
    };
    const watermark = this.watermark();
    // The hourly top `limit` plus every mirror's unfolded raw peak: merged, that is the exact top `limit`.
    if (watermark !== null && from < watermark)
      note(this.hourPeaks.iterate(linkId, floorTo(from, HOUR_MS), Math.min(to + 1, watermark), limit));
    note(this.rawPeaks.iterate(linkId, Math.max(from, watermark ?? from), to + 1));
    return [...peaks.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, limit)
      .map(([topic]) => topic);
  }
}
