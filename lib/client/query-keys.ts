/** Hierarchical query keys: invalidating a prefix (e.g. ['clusters', c]) refreshes everything under it. */
export const queryKeys = {
  clusters: () => ["clusters"] as const,
  cluster: (cluster: string) => ["clusters", cluster] as const,
  clusterLinks: (cluster: string) => ["clusters", cluster, "links"] as const,
  link: (cluster: string, link: string) => ["clusters", cluster, "links", link] as const,
  clusterTopics: (cluster: string) => ["clusters", cluster, "topics"] as const,
  linkMirrors: (cluster: string, link: string) => ["clusters", cluster, "links", link, "mirrors"] as const,
  linkConsumerGroups: (cluster: string, link: string) => ["clusters", cluster, "links", link, "consumer-groups"] as const,
  /** Under the link, so the link's invalidation after an action also refreshes its readiness. */
  readiness: (cluster: string, link: string) => ["clusters", cluster, "links", link, "readiness"] as const,
  mirror: (cluster: string, link: string, topic: string) => ["clusters", cluster, "links", link, "mirrors", topic] as const,
  /** Not under a cluster: the log spans the fleet. */
  audit: (
    filters: { limit: number } & Partial<Record<"action" | "outcome" | "cluster" | "link" | "user" | "from" | "to" | "run", string>>,
  ) => ["audit", filters] as const,
  /** Under the link, so invalidating a link also refreshes its charts; `range` is a preset name, never absolute times. */
  history: (cluster: string, link: string, scope: { topic?: string; range: string }) =>
    ["clusters", cluster, "links", link, "history", scope] as const,
  topology: () => ["topology"] as const,
  /** Under the topology: it is computed from the same snapshot. */
  topLagMirrors: (limit: number) => ["topology", "top-lag", limit] as const,
};
