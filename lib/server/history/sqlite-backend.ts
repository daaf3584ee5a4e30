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
  const max = new MaxBuckets(q.stepMs, budget);
  const total = new MaxBuckets(q.stepMs, budget);
  if (linkId !== null && (q.metrics.includes("maxLag") || q.metrics.includes("totalLag"))) {
    reader.eachLinkPoint(linkId, segments, (ts, maxLag, totalLag) => {
      if (q.metrics.includes("maxLag")) max.add(ts, maxLag);
      if (q.metrics.includes("totalLag")) total.add(ts, totalLag);
    });
  }
  const series: HistorySeries[] = [];
  if (q.metrics.includes("maxLag")) series.push(max.toSeries(q.link, "maxLag"));
  if (q.metrics.includes("totalLag")) series.push(total.toSeries(q.link, "totalLag"));
  if (linkId !== null && q.metrics.includes("mirrorMaxLag")) {
    for (const topic of reader.topMirrors(linkId, q.from, q.to, q.top)) {
      const mirrorId = ids.mirror(linkId, topic);
      if (mirrorId === null) continue;
      const buckets = new MaxBuckets(q.stepMs, budget);
      reader.eachMirrorPoint(linkId, mirrorId, segments, (ts, maxLag) => buckets.add(ts, maxLag));
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
  const mirrorMax = new MaxBuckets(q.stepMs, budget);
  const mirrorTotal = new MaxBuckets(q.stepMs, budget);
  const lag = new Map<number, MaxBuckets>();
  const offset = new Map<number, MaxBuckets>();
  const bucketsOf = (byPartition: Map<number, MaxBuckets>, partition: number) => {
    let b = byPartition.get(partition);
    if (!b) byPartition.set(partition, (b = new MaxBuckets(q.stepMs, budget)));
    return b;
  };
  const perPartition = wants("lag") || wants("lastSourceFetchOffset");
  reader.eachMirrorPoint(linkId, mirrorId, reader.segments(q.from, q.to, q.stepMs), (ts, maxLag, totalLag, partitions) => {
    if (wants("mirrorMaxLag")) mirrorMax.add(ts, maxLag);
    if (wants("mirrorTotalLag")) mirrorTotal.add(ts, totalLag);
    if (!perPartition) return;
    decodeFrame(partitions, (partition, partitionLag, fetchOffset) => {
      if (q.partition !== null && partition !== q.partition) return;
      if (wants("lag")) bucketsOf(lag, partition).add(ts, partitionLag);
      if (wants("lastSourceFetchOffset")) bucketsOf(offset, partition).add(ts, fetchOffset);
    });
  });
  const series: HistorySeries[] = [];
  const partitionSeries = (byPartition: Map<number, MaxBuckets>, metric: MirrorMetric) =>
    [...byPartition.entries()].sort((a, b) => a[0] - b[0]).map(([p, b]) => b.toSeries(`${q.topic}/${p}`, metric));
  if (wants("lag")) series.push(...partitionSeries(lag, "lag"));
  if (wants("lastSourceFetchOffset")) series.push(...partitionSeries(offset, "lastSourceFetchOffset"));
  if (wants("mirrorMaxLag")) series.push(mirrorMax.toSeries(q.topic, "mirrorMaxLag"));
  if (wants("mirrorTotalLag")) series.push(mirrorTotal.toSeries(q.topic, "mirrorTotalLag"));
  return series;
}

/** Answers history queries from the sampler's SQLite store. */
export class SqliteHistoryBackend implements HistoryBackend {
  readonly source = "sampler" as const;
  readonly defaultMirrorMetrics = ["lag", "lastSourceFetchOffset"] as const;

  constructor(private readonly store: HistoryStore) {}

  async query(q: HistoryQuery): Promise<HistorySeries[]> {
    const budget = new PointBudget();
    return this.store.read((reader, ids) => (q.level === "link" ? linkSeries(reader, ids, q, budget) : mirrorSeries(reader, ids, q, budget)));
  }
}
