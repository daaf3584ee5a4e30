import type { MirrorSummary, TopologyLink } from "./types";

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
  }[];
  unreadHalves: number;
}

/**
 * The `limit` mirrors with the highest lag across the fleet, worst first (ties by key). A link's maxLag is the
 * largest lag of its mirrors, so they all sit on the top `limit` links by maxLag: only those links' mirror-hosting
 * halves (every half that is not a SOURCE half) are looked at. `mirrorsOf` gives a half's mirrors as the snapshot
 * read them, or null when its cluster's mirror list could not be read.
 */
export function topLagMirrors(
  links: readonly TopologyLink[],
  mirrorsOf: (cluster: string, linkName: string) => readonly MirrorSummary[] | null,
  limit: number,
): TopLagMirrors {
  const byLag = links
    .filter((l) => (l.maxLag ?? 0) > 0)
    .sort((a, b) => b.maxLag! - a.maxLag! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
  let unreadHalves = 0;
  const found: TopLagMirrors["mirrors"] = [];
  for (const link of byLag) {
    for (const half of link.halves) {
      if (half.linkMode === "SOURCE") continue;
      const mirrors = mirrorsOf(half.cluster, link.name);
      if (mirrors === null) {
        unreadHalves++;
        continue;
      }
      for (const m of mirrors) {
        if ((m.maxLag ?? 0) <= 0) continue;
        found.push({
          key: `${half.cluster}/${link.name}/${m.name}`,
          mirror: m.name,
          status: m.status,
          linkId: link.id,
          linkName: link.name,
          cluster: half.cluster,
          maxLag: m.maxLag!,
          totalLag: m.totalLag,
        });
      }
    }
  }
  found.sort((a, b) => b.maxLag - a.maxLag || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { mirrors: found.slice(0, limit), unreadHalves };
}
