import "server-only";
import type { HistorySeries, MirrorMetric } from "@/lib/api/history";
import type { HistoryBackend, HistoryQuery, LinkHistoryQuery, MirrorHistoryQuery } from "./backend";
import { MaxBuckets, PointBudget } from "./buckets";
import { decodeFrame } from "./frame-codec";
import type { HistoryReader } from "./reader";
import type { SeriesIds } from "./series-ids";
import type { HistoryStore } from "./store";

function linkSeries(reader: HistoryReader, ids: SeriesIds, q: LinkHistoryQuery, budget: PointBudget): HistorySeries[] {
  const linkId = ids.link(q.cluster, q.link);
  const segments = reader.segments(q.from, q.to, q.stepMs);
  const wantsMax = q.metrics.includes("maxLag");
  const wantsTotal = q.metrics.includes("totalLag");
  const max = new MaxBuckets(q.stepMs, budget);
  const total = new MaxBuckets(q.stepMs, budget);
  if (linkId !== null && (wantsMax || wantsTotal)) {
    reader.linkBuckets(linkId, segments, q.stepMs, (bucket, maxLag, totalLag) => {
      if (wantsMax) max.add(bucket, maxLag);
      if (wantsTotal) total.add(bucket, totalLag);
    });
  }
  const series: HistorySeries[] = [];
  if (wantsMax) series.push(max.toSeries(q.link, "maxLag"));
  if (wantsTotal) series.push(total.toSeries(q.link, "totalLag"));
  if (linkId !== null && q.metrics.includes("mirrorMaxLag")) {
    for (const topic of reader.topMirrors(linkId, q.from, q.to, q.top)) {
      const mirrorId = ids.mirror(linkId, topic);
      if (mirrorId === null) continue;
      const buckets = new MaxBuckets(q.stepMs, budget);
      reader.mirrorBuckets(linkId, mirrorId, segments, q.stepMs, (bucket, maxLag) => buckets.add(bucket, maxLag));
      series.push(buckets.toSeries(topic, "mirrorMaxLag"));
    }
  }
  return series;
}

function mirrorSeries(reader: HistoryReader, ids: SeriesIds, q: MirrorHistoryQuery, budget: PointBudget): HistorySeries[] {
  const linkId = ids.link(q.cluster, q.link);
  const mirrorId = linkId === null ? null : ids.mirror(linkId, q.topic);
  if (linkId === null || mirrorId === null) return [];
  const wants = (m: MirrorMetric) => q.metrics.includes(m);
  const segments = reader.segments(q.from, q.to, q.stepMs);
  const lag = new Map<number, MaxBuckets>();
  const offset = new Map<number, MaxBuckets>();
  const bucketsOf = (byPartition: Map<number, MaxBuckets>, partition: number) => {
    let b = byPartition.get(partition);
    if (!b) {
      b = new MaxBuckets(q.stepMs, budget);
      byPartition.set(partition, b);
    }
    return b;
  };
  if (wants("lag") || wants("lastSourceFetchOffset")) {
    reader.eachMirrorFrame(linkId, mirrorId, segments, (ts, partitions) =>
      decodeFrame(partitions, (partition, partitionLag, fetchOffset) => {
        if (q.partition !== null && partition !== q.partition) return;
        if (wants("lag")) bucketsOf(lag, partition).add(ts, partitionLag);
        if (wants("lastSourceFetchOffset")) bucketsOf(offset, partition).add(ts, fetchOffset);
      }),
    );
  }
  const mirrorMax = new MaxBuckets(q.stepMs, budget);
  const mirrorTotal = new MaxBuckets(q.stepMs, budget);
  if (wants("mirrorMaxLag") || wants("mirrorTotalLag")) {
    reader.mirrorBuckets(linkId, mirrorId, segments, q.stepMs, (bucket, maxLag, totalLag) => {
      if (wants("mirrorMaxLag")) mirrorMax.add(bucket, maxLag);
      if (wants("mirrorTotalLag")) mirrorTotal.add(bucket, totalLag);
    });
  }
  const partitionSeries = (byPartition: Map<number, MaxBuckets>, metric: MirrorMetric) =>
    [...byPartition.entries()].sort((a, b) => a[0] - b[0]).map(([p, b]) => b.toSeries(`${q.topic}/${p}`, metric));
  return [
    ...(wants("lag") ? partitionSeries(lag, "lag") : []),
    ...(wants("lastSourceFetchOffset") ? partitionSeries(offset, "lastSourceFetchOffset") : []),
    ...(wants("mirrorMaxLag") ? [mirrorMax.toSeries(q.topic, "mirrorMaxLag")] : []),
    ...(wants("mirrorTotalLag") ? [mirrorTotal.toSeries(q.topic, "mirrorTotalLag")] : []),
  ];
}

/** How many answers are kept between two writes of the store (each viewer of a link asks the same few). */
const MAX_KEPT_ANSWERS = 64;

/**
 * Answers history queries from the sampler's SQLite store. An answer is kept until the store is next written: every
 * viewer of a link asks for the same window within one poll (the pages align its end to the poll interval), and the
 * queries are synchronous, so 50 viewers of the big link had the server run the same ~3 ms query ten times a second.
 */
export class SqliteHistoryBackend implements HistoryBackend {
  readonly source = "sampler" as const;
  readonly defaultMirrorMetrics = ["lag", "lastSourceFetchOffset"] as const;
  private readonly answers = new Map<string, HistorySeries[]>();
  private answersVersion = -1;

  constructor(private readonly store: HistoryStore) {}

  async query(q: HistoryQuery): Promise<HistorySeries[]> {
    return this.store.read((reader, ids) => {
      if (this.answersVersion !== this.store.version) {
        this.answers.clear();
        this.answersVersion = this.store.version;
      }
      // The segments stand for the clock: which table a window is read from moves with the time (raw retention).
      const key = JSON.stringify([q, reader.segments(q.from, q.to, q.stepMs)]);
      const kept = this.answers.get(key);
      if (kept) return kept;
      const budget = new PointBudget();
      const series = q.level === "link" ? linkSeries(reader, ids, q, budget) : mirrorSeries(reader, ids, q, budget);
      if (this.answers.size >= MAX_KEPT_ANSWERS) {
        const oldest = this.answers.keys().next();
        if (!oldest.done) this.answers.delete(oldest.value);
      }
      this.answers.set(key, series);
      return series;
    });
  }
}
