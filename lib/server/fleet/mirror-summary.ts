import type { MirrorTopic } from "@/lib/confluent/types";
import type { MirrorSummary } from "@/lib/domain/types";

export function summarizeMirror(m: MirrorTopic): MirrorSummary {
  const lags = m.lags.map((l) => l.lag).filter((lag) => lag >= 0);
  return {
    name: m.mirrorTopicName,
    sourceTopic: m.sourceTopicName,
    status: m.mirrorStatus,
    partitions: m.numPartitions,
    maxLag: lags.length ? Math.max(...lags) : null,
    totalLag: lags.length ? lags.reduce((a, b) => a + b, 0) : null,
  };
}

/** Mirrors of a whole cluster (`links/-/mirrors`) grouped by the link they belong to. */
export function mirrorsByLink(mirrors: readonly MirrorTopic[]): Map<string, MirrorTopic[]> {
  const byLink = new Map<string, MirrorTopic[]>();
  for (const m of mirrors) {
    const list = byLink.get(m.linkName);
    if (list) list.push(m);
    else byLink.set(m.linkName, [m]);
  }
  return byLink;
}
