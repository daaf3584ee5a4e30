import "server-only";
import type { HistoryMetric, HistorySeries } from "@/lib/api/history";
import type { HistoryBackend, HistoryQuery, LinkHistoryQuery, MirrorHistoryQuery } from "../backend";
import { PointBudget } from "../buckets";
import { UnsupportedHistoryQueryError } from "../errors";
import type { Matrix } from "./answers";
import type { PrometheusClient } from "./client";
import { promql } from "./promql";

/** Max-type queries look back at least this far, so a scrape interval longer than the step still yields a point. */
const MIN_WINDOW_S = 60;

interface Range {
  startS: number;
  endS: number;
  stepS: number;
  windowS: number;
}

/**
 * Evaluation times are the ends of step-aligned buckets; each point is reported at its bucket's start, as the
 * sampler reports them, so both backends draw the same x positions.
 */
function rangeOf(q: HistoryQuery): Range {
  const stepS = q.stepMs / 1000;
  const bucket = (ms: number) => Math.floor(ms / q.stepMs) * stepS;
  return { startS: bucket(q.from) + stepS, endS: bucket(q.to) + stepS, stepS, windowS: Math.max(stepS, MIN_WINDOW_S) };
}

function toSeries(
  matrix: Matrix,
  range: Range,
  metric: HistoryMetric,
  keyOf: (labels: Record<string, string>) => string | null,
  budget: PointBudget,
) {
  const series: HistorySeries[] = [];
  for (const { metric: labels, values } of matrix.result) {
    const key = keyOf(labels);
    if (key === null) continue;
    const points: [number, number][] = [];
    for (const [t, text] of values) {
      const value = Number(text);
      if (!Number.isFinite(value) || value < 0) continue;
      budget.take();
      points.push([Math.round((t - range.stepS) * 1000), value]);
    }
    series.push({ key, metric, points });
  }
  return series;
}

const byKey = (a: HistorySeries, b: HistorySeries) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byPartition = (a: HistorySeries, b: HistorySeries) => Number(a.key.split("/").pop()) - Number(b.key.split("/").pop());

/** Reads the same series from Prometheus (`history.backend: prometheus`), for installations with several replicas. */
export class PrometheusHistoryBackend implements HistoryBackend {
  readonly source = "prometheus" as const;
  readonly defaultMirrorMetrics = ["lag"] as const;

  constructor(private readonly client: PrometheusClient) {}

  query(q: HistoryQuery): Promise<HistorySeries[]> {
    return q.level === "link" ? this.linkSeries(q) : this.mirrorSeries(q);
  }

  private async linkSeries(q: LinkHistoryQuery): Promise<HistorySeries[]> {
    const range = rangeOf(q);
    const budget = new PointBudget();
    const linkKey = (labels: Record<string, string>) => (labels.link_name === undefined || labels.link_name === q.link ? q.link : null);
    const emptyIfNone = (found: HistorySeries[], metric: HistoryMetric) => (found.length ? found : [{ key: q.link, metric, points: [] }]);
    const [max, total, top] = await Promise.all([
      q.metrics.includes("maxLag") ? this.client.queryRange(promql.linkMaxLag(q.link, range.windowS), range) : null,
      q.metrics.includes("totalLag") ? this.client.queryRange(promql.linkTotalLag(q.link), range) : null,
      q.metrics.includes("mirrorMaxLag") && q.top > 0 ? this.topMirrors(q, range, budget) : null,
    ]);
    return [
      ...(max ? emptyIfNone(toSeries(max, range, "maxLag", linkKey, budget), "maxLag") : []),
      ...(total ? emptyIfNone(toSeries(total, range, "totalLag", linkKey, budget), "totalLag") : []),
      ...(top ?? []),
    ];
  }

  private async topMirrors(q: LinkHistoryQuery, range: Range, budget: PointBudget): Promise<HistorySeries[]> {
    const rangeS = Math.max(1, Math.ceil((q.to - q.from) / 1000));
    const ranked = (await this.client.queryInstant(promql.topMirrors(q.link, q.top, rangeS), q.to / 1000)).result
      .flatMap(({ metric, value }) => (metric.topic === undefined ? [] : [{ topic: metric.topic, peak: Number(value[1]) }]))
      .sort((a, b) => b.peak - a.peak || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0))
      .map((r) => r.topic);
    if (ranked.length === 0) return [];
    const matrix = await this.client.queryRange(promql.mirrorMaxLag({ link: q.link, topics: ranked }, range.windowS), range);
    const series = toSeries(matrix, range, "mirrorMaxLag", (l) => l.topic ?? null, budget);
    return series.sort((a, b) => ranked.indexOf(a.key) - ranked.indexOf(b.key));
  }

  private async mirrorSeries(q: MirrorHistoryQuery): Promise<HistorySeries[]> {
    if (q.metrics.includes("lastSourceFetchOffset")) {
      throw new UnsupportedHistoryQueryError(
        "lastSourceFetchOffset is not exported to Prometheus; ask for lag, mirrorMaxLag or mirrorTotalLag.",
        "metrics",
      );
    }
    const range = rangeOf(q);
    const budget = new PointBudget();
    const mirror = { link: q.link, topic: q.topic };
    const partitions = q.partition === null ? mirror : { ...mirror, partition: q.partition };
    const topicKey = (l: Record<string, string>) => (l.topic === q.topic ? q.topic : null);
    const [lag, max, total] = await Promise.all([
      q.metrics.includes("lag") ? this.client.queryRange(promql.partitionLag(partitions, range.windowS), range) : null,
      q.metrics.includes("mirrorMaxLag") ? this.client.queryRange(promql.mirrorMaxLag(mirror, range.windowS), range) : null,
      q.metrics.includes("mirrorTotalLag") ? this.client.queryRange(promql.mirrorTotalLag(mirror), range) : null,
    ]);
    const partitionKey = (l: Record<string, string>) =>
      l.topic === q.topic && l.partition !== undefined && /^\d+$/.test(l.partition) ? `${q.topic}/${l.partition}` : null;
    return [
      ...(lag ? toSeries(lag, range, "lag", partitionKey, budget).sort(byPartition) : []),
      ...(max ? toSeries(max, range, "mirrorMaxLag", topicKey, budget).sort(byKey) : []),
      ...(total ? toSeries(total, range, "mirrorTotalLag", topicKey, budget).sort(byKey) : []),
    ];
  }
}
