/**
 * What one browser viewer asks for on each poll, modelled on the pages' react-query hooks (lib/client):
 *   topology tab (/):   GET /api/topology and GET /api/mirrors/top-lag?limit=10 (components/topology/fleet-summary.tsx);
 *                       builds without that route asked, after the topology, for the full mirror list of each
 *                       hosting half of the 10 links with the most lag (mirrorHostsForTopLag): "lists" mode;
 *   link tab:           GET the link half, the topology (useTopologyLink), the link's mirrors and its 1 h lag
 *                       history with the top 10 mirror series (lib/client/use-history.ts).
 * Each tab polls on the configured interval; two tabs do not share a cache.
 */
import { z } from "zod";
import { mirrorHostsForTopLag } from "@/lib/domain/mirrors/top-lag";
import type { TopologyLink } from "@/lib/domain/types";
import { timedFetch, type Timed } from "../lib/http";
import { required } from "@/lib/domain/required";

const enc = encodeURIComponent;
const TOP_LAG_LINKS = 10;
const HISTORY_RANGE_MS = 3_600_000;

export interface WatchedLink {
  cluster: string;
  link: string;
}

const TopologyLinksSchema = z.object({ links: z.array(z.unknown()) });

function mirrorsPath(cluster: string, link: string): string {
  return `/api/clusters/${enc(cluster)}/links/${enc(link)}/mirrors`;
}

/** The top-lag hosts the topology page would ask about, from the topology it just received; null if it is not one. */
function topLagPaths(topologyBody: string): string[] | null {
  try {
    const { links } = TopologyLinksSchema.parse(JSON.parse(topologyBody));
    return mirrorHostsForTopLag(links as TopologyLink[], TOP_LAG_LINKS).map((h) => mirrorsPath(h.cluster, h.linkName));
  } catch {
    return null;
  }
}

export type Route = "topology" | "top-lag" | "top-lag mirrors" | "link" | "link mirrors" | "history";

/** How the topology tab gets its top mirrors by lag: the server's answer, or (older builds) the top links' lists. */
export type TopLagMode = "endpoint" | "lists";

export interface ViewerSample {
  route: Route;
  timed: Timed;
}

/** One poll of the topology tab. */
export async function pollTopologyTab(baseUrl: string, topLag: TopLagMode): Promise<ViewerSample[]> {
  if (topLag === "endpoint") {
    const [topology, top] = await Promise.all([
      timedFetch(`${baseUrl}/api/topology`),
      timedFetch(`${baseUrl}/api/mirrors/top-lag?limit=${TOP_LAG_LINKS}`),
    ]);
    if (topology.error === null && topLagPaths(topology.body) === null)
      topology.error = `answered ${topology.status} with a body that is not a topology`;
    return [
      { route: "topology", timed: topology },
      { route: "top-lag", timed: top },
    ];
  }
  const topology = await timedFetch(`${baseUrl}/api/topology`);
  const out: ViewerSample[] = [{ route: "topology", timed: topology }];
  const paths = topology.error === null ? topLagPaths(topology.body) : [];
  if (paths === null) topology.error = `answered ${topology.status} with a body that is not a topology`;
  const lists = await Promise.all((paths ?? []).map((p) => timedFetch(baseUrl + p)));
  for (const t of lists) out.push({ route: "top-lag mirrors", timed: t });
  return out;
}

/** Which way this build's topology page gets its top-lag list. */
export async function topLagModeOf(baseUrl: string): Promise<TopLagMode> {
  return (await timedFetch(`${baseUrl}/api/mirrors/top-lag?limit=1`)).status === 404 ? "lists" : "endpoint";
}

/** One poll of a link tab. */
export async function pollLinkTab(
  baseUrl: string,
  watched: WatchedLink,
  { history, pollIntervalMs }: { history: boolean; pollIntervalMs: number },
): Promise<ViewerSample[]> {
  // The page ends the window at the last multiple of its poll interval (lib/client/use-history.ts).
  const to = Date.now() - (Date.now() % pollIntervalMs);
  const requests: [Route, string][] = [
    ["link", `/api/clusters/${enc(watched.cluster)}/links/${enc(watched.link)}`],
    ["topology", "/api/topology"],
    ["link mirrors", mirrorsPath(watched.cluster, watched.link)],
  ];
  if (history) {
    requests.push([
      "history",
      `/api/history?cluster=${enc(watched.cluster)}&link=${enc(watched.link)}&from=${to - HISTORY_RANGE_MS}&to=${to}&top=10`,
    ]);
  }
  const answers = await Promise.all(requests.map(([, path]) => timedFetch(baseUrl + path)));
  return answers.map((timed, i) => ({ route: required(requests[i], `request ${i}`)[0], timed }));
}
