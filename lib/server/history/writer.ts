import "server-only";
import { encodeFrame, type PartitionValues } from "./frame-codec";
import { META } from "./schema";
import type { HistoryDatabase } from "./open-database";
import type { SeriesIds } from "./series-ids";
import { floorTo, MINUTE_MS } from "./time";

export interface MirrorSample {
  topic: string;
  /** Sorted by partition. */
  partitions: readonly PartitionValues[];
}

/** Everything one sample knows about one link half that hosts mirrors. */
export interface LinkSample {
  cluster: string;
  link: string;
  mirrors: readonly MirrorSample[];
}

export interface RecordSummary {
  links: number;
  mirrors: number;
  partitions: number;
}

/** Writes a whole sample (every link, mirror and partition) in one transaction with prepared statements. */
export function createWriter(db: HistoryDatabase, ids: SeriesIds): (ts: number, links: readonly LinkSample[]) => RecordSummary {
  const insertLink = db.prepare<[number, number, number, number]>(
    "INSERT OR REPLACE INTO link_raw (link_id, ts, max_lag, total_lag) VALUES (?, ?, ?, ?)",
  );
  const insertMirror = db.prepare<[number, number, number, number, number, Buffer]>(
    "INSERT OR REPLACE INTO mirror_raw (link_id, ts, mirror_id, max_lag, total_lag, partitions) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const setMeta = db.prepare<[string, number]>("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  const initMeta = db.prepare<[string, number]>("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)");

  const write = db.transaction((ts: number, links: readonly LinkSample[]): RecordSummary => {
    const summary: RecordSummary = { links: 0, mirrors: 0, partitions: 0 };
    for (const sample of links) {
      const linkId = ids.link(sample.cluster, sample.link, true);
      let maxLag = sample.mirrors.length === 0 ? 0 : -1;
      let totalLag = 0;
      for (const mirror of sample.mirrors) {
        const frame = encodeFrame(mirror.partitions);
        insertMirror.run(
          linkId,
          ts,
          ids.mirror(linkId, mirror.topic, true),
          frame.maxLag,
          frame.maxLag < 0 ? -1 : frame.totalLag,
          frame.bytes,
        );
        if (frame.maxLag > maxLag) maxLag = frame.maxLag;
        totalLag += frame.totalLag;
        summary.mirrors++;
        summary.partitions += mirror.partitions.length;
      }
      insertLink.run(linkId, ts, maxLag, maxLag < 0 ? -1 : totalLag);
      summary.links++;
    }
    setMeta.run(META.lastSampleTs, ts);
    initMeta.run(META.minuteWatermark, floorTo(ts, MINUTE_MS));
    return summary;
  });

  return (ts, links) => {
    try {
      return write(ts, links);
    } catch (err) {
      ids.forget();
      throw err;
    }
  };
}
