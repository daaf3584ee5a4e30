/**
 * Prometheus text for one cluster, named as the JMX exporter rules of confluentinc/jmx-monitoring-stacks
 * name the broker's cluster-linking beans (reference §11).
 */
import { metricsMirrorState } from "../model/mirror-state";
import type { ClusterState } from "../model/types";
import type { World } from "../model/world";

const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const labels = (l: Record<string, string>) =>
  `{${Object.entries(l)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(",")}}`;

const MIRROR_STATES = ["Mirror", "PausedMirror", "PendingStoppedMirror", "StoppedMirror", "FailedMirror"];

export function metricsText(world: World, cluster: ClusterState): string {
  const now = world.advance();
  const maxLag: string[] = [];
  const consumerLag: string[] = [];
  const mirrorCount: string[] = [];
  const partitionCount: string[] = [];
  const linkCount: string[] = [];
  for (const half of cluster.links.values()) {
    const v = world.view(half, now);
    const mode = half.mode === "SOURCE" ? "source" : half.mode === "BIDIRECTIONAL" ? "bidirectional" : "destination";
    linkCount.push(`kafka_server_cluster_link_metrics_link_count${labels({ mode, state: v.linkState.toLowerCase(), link_name: half.name })} 1`);
    if (half.mode === "SOURCE") continue;
    let max = 0;
    const topicsByState = new Map<string, number>(MIRROR_STATES.map((s) => [s, 0]));
    const partsByState = new Map<string, number>(MIRROR_STATES.map((s) => [s, 0]));
    const clientId = `ClusterLinkFetcherThread-0-${half.name}-1`;
    for (const topic of half.mirrors.values()) {
      const status = world.mirrorDisplayStatus(topic, now);
      const state = metricsMirrorState(status);
      topicsByState.set(state, (topicsByState.get(state) ?? 0) + 1);
      partsByState.set(state, (partsByState.get(state) ?? 0) + topic.partitions);
      if (status === "STOPPED" || status === "FAILED") continue;
      for (const l of world.mirrorLags(topic, now)) {
        max = Math.max(max, l.lag);
        consumerLag.push(
          `kafka_server_fetcherlagmetrics_consumerlag${labels({ clientid: clientId, topic: topic.name, partition: String(l.partition), link_name: half.name })} ${l.lag}`,
        );
      }
    }
    maxLag.push(`kafka_server_link_clusterlinkfetchermanager_maxlag${labels({ link_name: half.name })} ${max}`);
    for (const s of MIRROR_STATES) {
      mirrorCount.push(`kafka_server_cluster_link_metrics_mirror_topic_count${labels({ state: s, link_name: half.name })} ${topicsByState.get(s) ?? 0}`);
      partitionCount.push(`kafka_server_cluster_link_metrics_mirror_partition_count${labels({ state: s, link_name: half.name })} ${partsByState.get(s) ?? 0}`);
    }
  }
  const block = (name: string, help: string, lines: string[]) => [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...lines].join("\n");
  const blocks = [
    block("kafka_server_link_clusterlinkfetchermanager_maxlag", "Max lag in messages of any partition fetched by the cluster link.", maxLag),
    block("kafka_server_fetcherlagmetrics_consumerlag", "Lag in messages of one mirror partition.", consumerLag),
    block("kafka_server_cluster_link_metrics_mirror_topic_count", "Mirror topics of the link by state.", mirrorCount),
    block("kafka_server_cluster_link_metrics_mirror_partition_count", "Mirror partitions of the link by state.", partitionCount),
    block("kafka_server_cluster_link_metrics_link_count", "Cluster links by mode and state.", linkCount),
  ];
  return `${blocks.join("\n")}\n`;
}
