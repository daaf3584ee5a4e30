import type { MirrorView } from "@/lib/api/links";
import { remoteEnd } from "@/lib/domain/failover/link-ends";
import type { Topology, TopologyLink } from "@/lib/domain/types";

export type FailbackAction = "reverse-and-start" | "reverse-and-pause" | "truncate-and-restore";

export interface Candidate {
  topic: string;
  why: string;
}

/** Bidirectional links with an end on `cluster`, and that other end. */
export function bidirectionalLinksOf(topology: Pick<Topology, "links">, cluster: string): { link: TopologyLink; remote: string | null }[] {
  return topology.links
    .filter((l) => l.kind === "bidirectional" && (l.source === cluster || l.destination === cluster))
    .map((link) => ({ link, remote: remoteEnd(link, cluster) }))
    .sort((a, b) => a.link.name.localeCompare(b.link.name));
}

/** Reverse needs an ACTIVE mirror here: it becomes the writable source and the remote topic its mirror. */
export function reverseCandidates(local: readonly MirrorView[]): Candidate[] {
  return local.filter((m) => m.status === "ACTIVE").map((m) => ({ topic: m.name, why: `mirrors ${m.sourceTopic}; becomes the source` }));
}

/**
 * Truncate-and-restore runs on the cluster whose topic diverged. Either the remote failed over (or promoted) its mirror
 * of a topic here, and this topic kept taking writes; or a mirror here was stopped while its source lived on.
 */
export function truncateCandidates(
  local: readonly MirrorView[] | null,
  remote: readonly MirrorView[] | null,
  remoteName: string | null,
): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const m of remote ?? []) {
    if (m.status !== "STOPPED") continue;
    out.set(m.sourceTopic, {
      topic: m.sourceTopic,
      why: `${remoteName ?? "the remote cluster"}'s mirror ${m.name} of it was stopped (failed over or promoted)`,
    });
  }
  for (const m of local ?? []) {
    if (m.status !== "STOPPED" || out.has(m.name)) continue;
    out.set(m.name, { topic: m.name, why: `this mirror of ${m.sourceTopic} was stopped; it can mirror again` });
  }
  return [...out.values()].sort((a, b) => a.topic.localeCompare(b.topic));
}
