/** Hierarchical query keys: invalidating a prefix (e.g. ['clusters', c]) refreshes everything under it. */
export const queryKeys = {
  clusters: () => ["clusters"] as const,
  cluster: (cluster: string) => ["clusters", cluster] as const,
  clusterLinks: (cluster: string) => ["clusters", cluster, "links"] as const,
  link: (cluster: string, link: string) => ["clusters", cluster, "links", link] as const,
  topology: () => ["topology"] as const,
};
