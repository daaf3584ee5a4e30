import "server-only";

/** PromQL for the cluster-linking metrics as the jmx-monitoring-stacks rules name them (reference §11). */
export const CONSUMER_LAG = "kafka_server_fetcherlagmetrics_consumerlag";
export const LINK_MAX_LAG = "kafka_server_link_clusterlinkfetchermanager_maxlag";

const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
const regexLiteral = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface Selector {
  link: string;
  topic?: string;
  /** Several topics at once (a regex alternation of their literal names). */
  topics?: readonly string[];
  partition?: number;
}

export function selector(metric: string, s: Selector): string {
  const matchers = [`link_name=${quote(s.link)}`];
  if (s.topic !== undefined) matchers.push(`topic=${quote(s.topic)}`);
  if (s.topics !== undefined) matchers.push(`topic=~${quote(s.topics.map(regexLiteral).join("|"))}`);
  if (s.partition !== undefined) matchers.push(`partition=${quote(String(s.partition))}`);
  return `${metric}{${matchers.join(",")}}`;
}

/**
 * Each broker reports the partitions it fetches, and a restarted exporter may leave a stale twin, so every query
 * first takes the max per (link, topic, partition) or per link, as the reference suggests. Max-type series use
 * max_over_time over the step window so a spike between two steps is not lost.
 */
export const promql = {
  linkMaxLag: (link: string, windowS: number) => `max by (link_name) (max_over_time(${selector(LINK_MAX_LAG, { link })}[${windowS}s]))`,
  linkTotalLag: (link: string) => `sum by (link_name) (max by (link_name, topic, partition) (${selector(CONSUMER_LAG, { link })}))`,
  partitionLag: (s: Selector, windowS: number) => `max by (topic, partition) (max_over_time(${selector(CONSUMER_LAG, s)}[${windowS}s]))`,
  mirrorMaxLag: (s: Selector, windowS: number) => `max by (topic) (max_over_time(${selector(CONSUMER_LAG, s)}[${windowS}s]))`,
  mirrorTotalLag: (s: Selector) => `sum by (topic) (max by (topic, partition) (${selector(CONSUMER_LAG, s)}))`,
  /** The n topics of a link with the highest peak lag over the whole range, lag-free ones left out. */
  topMirrors: (link: string, n: number, rangeS: number) =>
    `topk(${n}, max by (topic) (max_over_time(${selector(CONSUMER_LAG, { link })}[${rangeS}s])) > 0)`,
};
