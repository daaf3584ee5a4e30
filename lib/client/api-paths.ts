/** Typed builders for our own HTTP API, so no component assembles a URL by hand. */
const enc = encodeURIComponent;

export const apiPaths = {
  health: () => "/api/health",
  clusters: () => "/api/clusters",
  topology: () => "/api/topology",
  clusterLinks: (cluster: string) => `/api/clusters/${enc(cluster)}/links`,
  link: (cluster: string, link: string) => `/api/clusters/${enc(cluster)}/links/${enc(link)}`,
};
