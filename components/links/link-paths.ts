/** Page URLs (not API URLs) for links and mirrors, built in one place. */
const enc = encodeURIComponent;

export const pagePaths = {
  fleet: () => "/",
  cluster: (cluster: string) => `/clusters/${enc(cluster)}`,
  link: (cluster: string, link: string) => `/clusters/${enc(cluster)}/links/${enc(link)}`,
  mirror: (cluster: string, link: string, topic: string) => `/clusters/${enc(cluster)}/links/${enc(link)}/mirrors/${enc(topic)}`,
};

/** Route params as text; a malformed escape is left as it is rather than crashing the page. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
