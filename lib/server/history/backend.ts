import "server-only";
import type { HistorySeries, HistorySource, LinkMetric, MirrorMetric } from "@/lib/api/history";

interface QueryBase {
  cluster: string;
  link: string;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, inclusive. */
  to: number;
  /** Bucket width. */
  stepMs: number;
}

export interface LinkHistoryQuery extends QueryBase {
  level: "link";
  metrics: readonly LinkMetric[];
  /** How many `mirrorMaxLag` series (highest peak first) when that metric is asked for. */
  top: number;
}

export interface MirrorHistoryQuery extends QueryBase {
  level: "mirror";
  topic: string;
  /** null: every partition. */
  partition: number | null;
  metrics: readonly MirrorMetric[];
}

export type HistoryQuery = LinkHistoryQuery | MirrorHistoryQuery;

/** Where lag history comes from: this server's sampler (SQLite) or the users' Prometheus. */
export interface HistoryBackend {
  readonly source: HistorySource;
  /** What a mirror-level query answers when the caller names no metrics. */
  readonly defaultMirrorMetrics: readonly MirrorMetric[];
  query(q: HistoryQuery): Promise<HistorySeries[]>;
}
