import "server-only";
import { HISTORY_LIMITS } from "@/lib/api/history";
import { FrameMerger } from "./frame-codec";
import type { HistoryDatabase } from "./open-database";
import { META } from "./schema";
import { floorTo, HOUR_MS, MINUTE_MS } from "./time";

export interface Retention {
  rawMs: number;
  downsampledMs: number;
}

export interface MaintenanceSummary {
  /** Minutes folded into one-minute buckets by this call. */
  minutes: number;
}

/** A restart after a long stop catches up in slices, so one call never blocks the event loop for long. */
const MAX_MINUTES_PER_CALL = 60;

interface MinuteAccumulator {
  maxLag: number;
  totalLag: number;
  merger: FrameMerger;
}

/**
 * Downsampling and retention, run after each sample. Minutes before the newest sample's minute are complete
 * (samples arrive in time order), so they are folded into one-minute MAX buckets and each mirror's hourly peak;
 * then raw rows older than the raw retention (and already folded) and buckets older than the downsampled
 * retention are deleted, one link's key range at a time.
 */
export function createMaintenance(db: HistoryDatabase): (now: number, retention: Retention) => MaintenanceSummary {
  const getMeta = db.prepare<[string], { value: number }>("SELECT value FROM meta WHERE key = ?");
  const setMeta = db.prepare<[string, number]>("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  const linkIds = db.prepare<[], { id: number }>("SELECT id FROM link");
  const nextRaw = db.prepare<[number, number], { ts: number }>("SELECT ts FROM link_raw WHERE link_id = ? AND ts >= ? ORDER BY ts LIMIT 1");
  const foldLinks = db.prepare<[number, number, number]>(
    `INSERT OR REPLACE INTO link_minute (link_id, ts, max_lag, total_lag)
     SELECT link_id, ts - ts % ${MINUTE_MS}, MAX(max_lag), MAX(total_lag) FROM link_raw
     WHERE link_id = ? AND ts >= ? AND ts < ? GROUP BY ts - ts % ${MINUTE_MS}`,
  );
  const rawMirrors = db.prepare<[number, number, number], { mirror_id: number; max_lag: number; total_lag: number; partitions: Buffer }>(
    "SELECT mirror_id, max_lag, total_lag, partitions FROM mirror_raw WHERE link_id = ? AND ts >= ? AND ts < ?",
  );
  const insertMinute = db.prepare<[number, number, number, number, number, Buffer]>(
    "INSERT OR REPLACE INTO mirror_minute (link_id, ts, mirror_id, max_lag, total_lag, partitions) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const upsertPeak = db.prepare<[number, number, number, number]>(
    `INSERT INTO mirror_peak_hour (link_id, hour, mirror_id, max_lag) VALUES (?, ?, ?, ?)
     ON CONFLICT (link_id, hour, mirror_id) DO UPDATE SET max_lag = MAX(max_lag, excluded.max_lag)`,
  );
  // Only a completed hour's top peaks are kept: any mirror in a range's top N (N ≤ HISTORY_LIMITS.maxTop) has at most
  // N - 1 mirrors above it in its own peak hour, so the ranking stays exact while a day of a 2,000-mirror link is
  // ~1,200 rows instead of 48,000.
  const prunePeaks = db.prepare<[{ link: number; hour: number; keep: number }]>(
    `DELETE FROM mirror_peak_hour WHERE link_id = @link AND hour = @hour AND mirror_id NOT IN (
       SELECT mirror_id FROM mirror_peak_hour WHERE link_id = @link AND hour = @hour ORDER BY max_lag DESC LIMIT @keep)`,
  );
  const deletes = {
    linkRaw: db.prepare<[number, number]>("DELETE FROM link_raw WHERE link_id = ? AND ts < ?"),
    mirrorRaw: db.prepare<[number, number]>("DELETE FROM mirror_raw WHERE link_id = ? AND ts < ?"),
    linkMinute: db.prepare<[number, number]>("DELETE FROM link_minute WHERE link_id = ? AND ts < ?"),
    // Keyed by mirror first: one range per mirror, found through the mirror table.
    mirrorMinute: db.prepare<[{ link: number; cutoff: number }]>(
      "DELETE FROM mirror_minute WHERE link_id = @link AND mirror_id IN (SELECT id FROM mirror WHERE link_id = @link) AND ts < @cutoff",
    ),
    peak: db.prepare<[number, number]>("DELETE FROM mirror_peak_hour WHERE link_id = ? AND hour < ?"),
  };

  function foldMinute(linkId: number, minute: number): void {
    const byMirror = new Map<number, MinuteAccumulator>();
    for (const row of rawMirrors.all(linkId, minute, minute + MINUTE_MS)) {
      let acc = byMirror.get(row.mirror_id);
      if (!acc) {
        acc = { maxLag: -1, totalLag: -1, merger: new FrameMerger() };
        byMirror.set(row.mirror_id, acc);
      }
      acc.maxLag = Math.max(acc.maxLag, row.max_lag);
      acc.totalLag = Math.max(acc.totalLag, row.total_lag);
      acc.merger.add(row.partitions);
    }
    for (const [mirrorId, acc] of byMirror) {
      insertMinute.run(linkId, minute, mirrorId, acc.maxLag, acc.totalLag, acc.merger.encode().bytes);
      if (acc.maxLag > 0) upsertPeak.run(linkId, floorTo(minute, HOUR_MS), mirrorId, acc.maxLag);
    }
  }

  /** Folds complete minutes from the watermark on; returns the new watermark. */
  function downsample(links: number[], watermark: number, lastSample: number): { watermark: number; minutes: number } {
    const complete = floorTo(lastSample, MINUTE_MS);
    if (watermark >= complete) return { watermark, minutes: 0 };
    // Skip a stretch without samples (the server was stopped) instead of walking it minute by minute.
    const next = Math.min(...links.map((id) => nextRaw.get(id, watermark)?.ts ?? Infinity));
    const start = Math.max(watermark, floorTo(Math.min(next, complete), MINUTE_MS));
    const end = Math.min(complete, start + MAX_MINUTES_PER_CALL * MINUTE_MS);
    for (const id of links) {
      foldLinks.run(id, start, end);
      for (let minute = start; minute < end; minute += MINUTE_MS) foldMinute(id, minute);
      for (let hour = floorTo(start, HOUR_MS); hour + HOUR_MS <= end; hour += HOUR_MS) prunePeaks.run({ link: id, hour, keep: HISTORY_LIMITS.maxTop });
    }
    return { watermark: end, minutes: (end - start) / MINUTE_MS };
  }

  return db.transaction((now: number, retention: Retention): MaintenanceSummary => {
    const links = linkIds.all().map((r) => r.id);
    const lastSample = getMeta.get(META.lastSampleTs)?.value;
    let watermark = getMeta.get(META.minuteWatermark)?.value;
    let minutes = 0;
    if (lastSample !== undefined && watermark !== undefined) {
      const done = downsample(links, watermark, lastSample);
      watermark = done.watermark;
      minutes = done.minutes;
      setMeta.run(META.minuteWatermark, watermark);
    }
    // Raw rows go only once folded, so a slow catch-up never loses a minute.
    const rawCutoff = Math.min(now - retention.rawMs, watermark ?? -Infinity);
    const minuteCutoff = now - retention.downsampledMs;
    for (const id of links) {
      if (Number.isFinite(rawCutoff)) {
        deletes.linkRaw.run(id, rawCutoff);
        deletes.mirrorRaw.run(id, rawCutoff);
      }
      // Buckets expire a minute at a time, so once per folded minute is enough (and spares a seek per mirror per sample).
      if (minutes > 0) {
        deletes.linkMinute.run(id, minuteCutoff);
        deletes.mirrorMinute.run({ link: id, cutoff: minuteCutoff });
        deletes.peak.run(id, floorTo(minuteCutoff, HOUR_MS));
      }
    }
    return { minutes };
  });
}
