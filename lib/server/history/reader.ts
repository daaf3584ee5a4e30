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

export type LinkVisitor = (ts: number, maxLag: number, totalLag: number) => void;
export type MirrorVisitor = (ts: number, maxLag: number, totalLag: number, partitions: Buffer) => void;

/** Read access to the store; every method is a handful of prepared statements over one link's key range. */
export class HistoryReader {
  private readonly getMeta;
  private readonly linkRows;
  private readonly mirrorRows;
  private readonly hourPeaks;
  private readonly rawPeaks;

  constructor(
    db: HistoryDatabase,
    private readonly rawRetentionMs: () => number,
    private readonly now: () => number,
  ) {
    this.getMeta = db.prepare<[string], { value: number }>("SELECT value FROM meta WHERE key = ?");
    const linkSql = (t: Table) => `SELECT ts, max_lag, total_lag FROM link_${t} WHERE link_id = ? AND ts >= ? AND ts < ?`;
    this.linkRows = {
      raw: db.prepare<[number, number, number], { ts: number; max_lag: number; total_lag: number }>(linkSql("raw")),
      minute: db.prepare<[number, number, number], { ts: number; max_lag: number; total_lag: number }>(linkSql("minute")),
    };
    // The link's rows give the timestamps; each is one primary-key lookup into the mirror's frames.
    const mirrorSql = (t: Table) =>
      `SELECT r.ts, r.max_lag, r.total_lag, r.partitions FROM link_${t} l CROSS JOIN mirror_${t} r
       ON r.link_id = l.link_id AND r.ts = l.ts AND r.mirror_id = ?
       WHERE l.link_id = ? AND l.ts >= ? AND l.ts < ?`;
    type MirrorRow = { ts: number; max_lag: number; total_lag: number; partitions: Buffer };
    this.mirrorRows = {
      raw: db.prepare<[number, number, number, number], MirrorRow>(mirrorSql("raw")),
      minute: db.prepare<[number, number, number, number], MirrorRow>(mirrorSql("minute")),
    };
    this.hourPeaks = db.prepare<[number, number, number], { topic: string; peak: number }>(
      `SELECT m.topic AS topic, MAX(p.max_lag) AS peak FROM mirror_peak_hour p JOIN mirror m ON m.id = p.mirror_id
       WHERE p.link_id = ? AND p.hour >= ? AND p.hour < ? GROUP BY p.mirror_id`,
    );
    this.rawPeaks = db.prepare<[number, number, number], { topic: string; peak: number }>(
      `SELECT m.topic AS topic, MAX(r.max_lag) AS peak FROM mirror_raw r JOIN mirror m ON m.id = r.mirror_id
       WHERE r.link_id = ? AND r.ts >= ? AND r.ts < ? GROUP BY r.mirror_id`,
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

  eachLinkPoint(linkId: number, segments: readonly Segment[], visit: LinkVisitor): void {
    for (const s of segments) for (const r of this.linkRows[s.table].iterate(linkId, s.from, s.to)) visit(r.ts, r.max_lag, r.total_lag);
  }

  eachMirrorPoint(linkId: number, mirrorId: number, segments: readonly Segment[], visit: MirrorVisitor): void {
    for (const s of segments) {
      for (const r of this.mirrorRows[s.table].iterate(mirrorId, linkId, s.from, s.to)) visit(r.ts, r.max_lag, r.total_lag, r.partitions);
    }
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
    if (watermark !== null && from < watermark) note(this.hourPeaks.iterate(linkId, floorTo(from, HOUR_MS), Math.min(to + 1, watermark)));
    note(this.rawPeaks.iterate(linkId, Math.max(from, watermark ?? from), to + 1));
    return [...peaks.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, limit)
      .map(([topic]) => topic);
  }
}
