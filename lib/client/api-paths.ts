/** Typed builders for our own HTTP API, so no component assembles a URL by hand. */
const enc = encodeURIComponent;

export interface HistoryQuery {
  cluster: string;
  link: string;
  topic?: string;
  partition?: number;
  /** Epoch ms. */
  from: number;
  /** Epoch ms. */
  to: number;
  /** Seconds between points; the server picks one when absent. */
  stepSeconds?: number;
  /** Link level only: how many mirrors' own series to include (those with the highest lag in the range). */
  top?: number;
}

function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export const apiPaths = {
  health: () => "/api/health",
  clusters: () => "/api/clusters",
  topology: () => "/api/topology",
  topLagMirrors: (limit: number) => withQuery("/api/mirrors/top-lag", { limit }),
  clusterLinks: (cluster: string) => `/api/clusters/${enc(cluster)}/links`,
  link: (cluster: string, link: string) => `/api/clusters/${enc(cluster)}/links/${enc(link)}`,
  linkMirrors: (cluster: string, link: string, filter: { status?: string; q?: string } = {}) =>
    withQuery(`/api/clusters/${enc(cluster)}/links/${enc(link)}/mirrors`, filter),
  readiness: (cluster: string, link: string) => withQuery("/api/readiness", { cluster, link }),
  linkConsumerGroups: (cluster: string, link: string) => `/api/clusters/${enc(cluster)}/links/${enc(link)}/consumer-groups`,
  mirror: (cluster: string, link: string, topic: string) => `/api/clusters/${enc(cluster)}/links/${enc(link)}/mirrors/${enc(topic)}`,
  mirrorActions: (cluster: string, link: string) => `/api/clusters/${enc(cluster)}/links/${enc(link)}/mirrors/actions`,
  audit: (
    q: {
      limit?: number;
      action?: string;
      outcome?: string;
      cluster?: string;
      link?: string;
      user?: string;
      from?: string;
      to?: string;
      run?: string;
    } = {},
  ) => withQuery("/api/audit", q),
  createLink: () => "/api/links",
  linkConfigs: (cluster: string, link: string) => `/api/clusters/${enc(cluster)}/links/${enc(link)}/configs`,
  deleteLink: (cluster: string, link: string, options: { validateOnly: boolean; force?: boolean; bothHalves?: boolean }) =>
    withQuery(`/api/clusters/${enc(cluster)}/links/${enc(link)}`, {
      validateOnly: String(options.validateOnly),
      force: options.force ? "true" : undefined,
      bothHalves: options.bothHalves ? "true" : undefined,
    }),
  clusterTopics: (cluster: string) => `/api/clusters/${enc(cluster)}/topics`,
  history: (q: HistoryQuery) =>
    withQuery("/api/history", {
      cluster: q.cluster,
      link: q.link,
      topic: q.topic,
      partition: q.partition,
      from: q.from,
      to: q.to,
      step: q.stepSeconds,
      top: q.top,
    }),
};
