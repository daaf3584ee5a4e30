/** Page URLs (not API paths): the cluster page and the link page of one half. */
const enc = encodeURIComponent;

export function clusterHref(cluster: string): string {
  return `/clusters/${enc(cluster)}`;
}

export function linkHref(cluster: string, link: string): string {
  return `/clusters/${enc(cluster)}/links/${enc(link)}`;
}
