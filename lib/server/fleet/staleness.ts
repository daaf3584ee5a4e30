import "server-only";
import type { MirrorTopic } from "@/lib/confluent/types";
import { mirrorFlow, nextStaleSince, type FlowCause } from "@/lib/domain/mirrors/flow";
import type { Topology } from "@/lib/domain/types";
import { mirrorsByLink } from "./mirror-summary";

/** Where "stopped flowing at T" survives a restart (the history store's stale_since table). */
export interface StaleSinceStore {
  loadStaleSince(): Map<string, number>;
  saveStaleSince(changes: ReadonlyMap<string, number | null>): void;
}

/** One mirror's flow at the latest reading. */
export interface MirrorFlowState {
  flowing: boolean;
  /** Promoted or failed over: a regular topic, neither flowing nor stale. */
  stopped: boolean;
  cause: FlowCause | null;
  staleSince: number | null;
}

export const linkStaleKey = (linkId: string) => `link:${linkId}`;
export const mirrorFlowKey = (cluster: string, link: string, topic: string) => `${cluster}/${link}/${topic}`;

/**
 * Keeps, per link and per mirror, the first reading at which it stopped flowing. The times live in memory and, when a
 * store is given, in it too, so a restart does not make an outage look younger than it is. A store that fails is
 * logged once per failure and the tracker carries on in memory: figures must never wait for a disk.
 */
export class StalenessTracker {
  private since: Map<string, number> | null = null;

  constructor(
    private readonly store: StaleSinceStore | null,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  private known(): Map<string, number> {
    if (this.since) return this.since;
    try {
      this.since = this.store?.loadStaleSince() ?? new Map();
    } catch (err) {
      this.log(`linkscope: could not read when links stopped flowing: ${err instanceof Error ? err.name : "unknown error"}`);
      this.since = new Map();
    }
    return this.since;
  }

  /**
   * Fills each link's `staleSince` in place and answers every hosted mirror's flow. `readingAt` is the time of the
   * reading (epoch ms); the mirror lists are each cluster's `links/-/mirrors`.
   */
  update(
    topology: Topology,
    mirrorsByCluster: ReadonlyMap<string, readonly MirrorTopic[] | null>,
    readingAt: number,
  ): Map<string, MirrorFlowState> {
    const known = this.known();
    const seen = new Set<string>();
    const changes = new Map<string, number | null>();
    const track = (key: string, flowing: boolean): number | null => {
      seen.add(key);
      const next = nextStaleSince(known.get(key), flowing, readingAt);
      if (next !== (known.get(key) ?? null)) changes.set(key, next);
      if (next === null) known.delete(key);
      else known.set(key, next);
      return next;
    };

    const mirrors = new Map<string, MirrorFlowState>();
    for (const link of topology.links) {
      link.staleSince = track(linkStaleKey(link.id), link.flowing);
      const flow = {
        flowing: link.flowing,
        cause: link.flowing ? null : { code: link.causeCode ?? "link-unavailable", text: link.cause ?? "the link does not flow" },
      };
      for (const half of link.halves) {
        if (half.linkMode === "SOURCE") continue;
        const hosted = mirrorsByCluster.get(half.cluster);
        if (!hosted) continue;
        // The cluster's list grouped by link once (and shared with the fleet read): scanning the whole list for
        // every link it hosts cost links × mirrors per derivation, a third of a refresh at four times the scale fleet.
        for (const m of mirrorsByLink(hosted).get(link.name) ?? []) {
          const f = mirrorFlow(flow, { status: m.mirrorStatus });
          const key = mirrorFlowKey(half.cluster, link.name, m.mirrorTopicName);
          const staleSince = f.stopped ? track(key, true) : track(key, f.flowing);
          mirrors.set(key, { ...f, staleSince });
        }
      }
    }
    // What vanished is forgotten: a deleted link, or a mirror gone from a list that was read. The mirrors of a cluster
    // that could not be read this time keep their time: the outage is still going on.
    const unread = (key: string) => !key.startsWith("link:") && !mirrorsByCluster.get(key.slice(0, key.indexOf("/")));
    for (const key of [...known.keys()]) {
      if (!seen.has(key) && !unread(key)) {
        known.delete(key);
        changes.set(key, null);
      }
    }
    if (this.store && changes.size > 0) {
      try {
        this.store.saveStaleSince(changes);
      } catch (err) {
        this.log(`linkscope: could not record when links stopped flowing: ${err instanceof Error ? err.name : "unknown error"}`);
      }
    }
    return mirrors;
  }
}
