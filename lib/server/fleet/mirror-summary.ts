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

const grouped = new WeakMap<readonly MirrorTopic[], ReadonlyMap<string, readonly MirrorTopic[]>>();

/**
 * Mirrors of a whole cluster (`links/-/mirrors`) grouped by the link they belong to. Grouped once per list (the
 * list must not change afterwards): the fleet read and the link pages ask for the same snapshot's grouping, and a
 * link's array keeps its identity, so answers built from it can be cached by it.
 */
export function mirrorsByLink(mirrors: readonly MirrorTopic[]): ReadonlyMap<string, readonly MirrorTopic[]> {
  let byLink = grouped.get(mirrors);
  if (!byLink) {
    const groups = new Map<string, MirrorTopic[]>();
    for (const m of mirrors) {
      const list = groups.get(m.linkName);
      if (list) list.push(m);
      else groups.set(m.linkName, [m]);
    }
    byLink = groups;
    grouped.set(mirrors, byLink);
  }
  return byLink;
}
