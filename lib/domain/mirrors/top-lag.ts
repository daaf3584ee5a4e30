import type { MirrorSummary, TopologyLink } from "../types";
import { required } from "../required";

export interface TopLagMirrors {
  mirrors: {
    key: string;
    mirror: string;
    status: string;
    linkId: string;
    linkName: string;
    cluster: string;
    maxLag: number;
    totalLag: number | null;
    /** The link's: since when its mirrors' lag is only a floor ("≥ N, as of T"); null while it flows. */
    staleSince: number | null;
  }[];
  unreadHalves: number;
}

/** A link half that hosts mirror topics, whose mirror list tells per-mirror lag. */
export interface MirrorHost {
  linkId: string;
  linkName: string;
  cluster: string;
  staleSince: number | null;
}

/** Links with lag, worst first (ties by id); links whose lag is unknown or zero are left out. */
export function linksByLag(links: readonly TopologyLink[]): TopologyLink[] {
  return links
    .filter((l) => (l.maxLag ?? 0) > 0)
    .sort((a, b) => (b.maxLag ?? 0) - (a.maxLag ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Where to look for the `limit` mirrors with the highest lag. A link's maxLag is the largest lag of its mirrors,
 * so the top `limit` mirrors all sit on the top `limit` links by maxLag: their mirror-hosting halves (every half
 * that is not a SOURCE half) are all that needs asking, however big the fleet.
 */
export function mirrorHostsForTopLag(links: readonly TopologyLink[], limit = 10): MirrorHost[] {
  return linksByLag(links)
    .slice(0, limit)
    .flatMap((link) =>
      link.halves
        .filter((h) => h.linkMode !== "SOURCE")
        .map((h) => ({ linkId: link.id, linkName: link.name, cluster: h.cluster, staleSince: link.flowing ? null : link.staleSince })),
    );
}

/**
 * The `limit` mirrors with the highest lag across the fleet, worst first (ties by key), from the hosts of
 * mirrorHostsForTopLag. `mirrorsOf` gives a half's mirrors as the snapshot read them, or null when its cluster's
 * mirror list could not be read.
 */
export function topLagMirrors(
  links: readonly TopologyLink[],
  mirrorsOf: (cluster: string, linkName: string) => readonly MirrorSummary[] | null,
  limit: number,
): TopLagMirrors {
  let unreadHalves = 0;
  const found: TopLagMirrors["mirrors"] = [];
  for (const host of mirrorHostsForTopLag(links, limit)) {
    const mirrors = mirrorsOf(host.cluster, host.linkName);
    if (mirrors === null) {
      unreadHalves++;
      continue;
    }
    for (const m of mirrors) {
      if ((m.maxLag ?? 0) <= 0) continue;
      found.push({
        key: `${host.cluster}/${host.linkName}/${m.name}`,
        mirror: m.name,
        status: m.status,
        linkId: host.linkId,
        linkName: host.linkName,
        cluster: host.cluster,
        maxLag: required(m.maxLag, `maxLag of ${m.name}`),
        totalLag: m.totalLag,
        staleSince: host.staleSince,
      });
    }
  }
  found.sort((a, b) => b.maxLag - a.maxLag || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { mirrors: found.slice(0, limit), unreadHalves };
}
