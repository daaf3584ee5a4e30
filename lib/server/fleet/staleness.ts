import "server-only";
import type { MirrorTopic } from "@/lib/confluent/types";
import { mirrorFlow, nextStaleSince, type FlowCause } from "@/lib/domain/mirrors/flow";
import type { Topology } from "@/lib/domain/types";
import { halfKey, MirrorIndex } from "./mirror-index";
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
/** Where a mirror's stale time is kept (the store's key). */
export const mirrorFlowKey = (cluster: string, link: string, topic: string) => `${cluster}/${link}/${topic}`;

/** What one hosting half's mirrors gave at the last derivation, reused while its inputs stay the same. */
interface HalfFlows {
  /** The half's mirrors (its cluster reading's array for the link: the same array until the cluster is read again). */
  hosted: readonly MirrorTopic[];
  /** The link's flow it was judged against. */
  flowing: boolean;
  causeCode: string | null;
  cause: string | null;
  /** By topic. */
  states: ReadonlyMap<string, MirrorFlowState>;
  /** mirrorFlowKeys of its mirrors that neither flow nor stopped: the ones `known` holds a time for. */
  staleKeys: readonly string[];
}

const NO_MIRRORS: readonly MirrorTopic[] = [];

const FLOWING: MirrorFlowState = Object.freeze({ flowing: true, stopped: false, cause: null, staleSince: null });

/** The hosting halves (halfKey) of the mirrors `known` keeps a time for. */
function halvesWithKeptTimes(known: ReadonlyMap<string, number>): Set<string> {
  const halves = new Set<string>();
  // A mirror's key is cluster/link/topic, and neither a link's nor a topic's name can hold a "/".
  for (const key of known.keys()) if (!key.startsWith("link:")) halves.add(key.slice(0, key.lastIndexOf("/")));
  return halves;
}

/**
 * Keeps, per link and per mirror, the first reading at which it stopped flowing. The times live in memory and, when a
 * store is given, in it too, so a restart does not make an outage look younger than it is. A store that fails is
 * logged once per failure and the tracker carries on in memory: figures must never wait for a disk.
 *
 * A half whose mirror list and link flow are those of the last derivation gives the same flows again: they are reused
 * rather than judged anew. Each cluster's reading lands on its own, so most derivations change one cluster; judging
 * every mirror of the fleet each time made the derivation grow with the fleet instead of with what changed.
 */
export class StalenessTracker {
  private since: Map<string, number> | null = null;
  private halves = new Map<string, HalfFlows>();
  /** The links of the last derivation, by id. */
  private linkIds = "";

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
  ): MirrorIndex<MirrorFlowState> {
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

    const halves = new Map<string, HalfFlows>();
    const reused: HalfFlows[] = [];
    const halvesWithTimes = halvesWithKeptTimes(known);
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
        const list = mirrorsByLink(hosted).get(link.name) ?? NO_MIRRORS;
        const key = halfKey(half.cluster, link.name);
        const last = this.halves.get(key);
        const causeCode = link.causeCode ?? null;
        const cause = link.cause ?? null;
        let judged: HalfFlows;
        if (last && last.hosted === list && last.flowing === link.flowing && last.causeCode === causeCode && last.cause === cause) {
          // Same inputs: `known` already holds these mirrors' times, and tracking them again would change nothing.
          reused.push(last);
          judged = last;
        } else {
          const states = new Map<string, MirrorFlowState>();
          const staleKeys: string[] = [];
          const timesKept = halvesWithTimes.has(key);
          for (const m of list) {
            const f = mirrorFlow(flow, { status: m.mirrorStatus });
            // Every mirror of each new reading passes here. One that flows, in a half with no time kept for any of its
            // mirrors, has no time to keep or clear: its key is not even built (nor its state: they are all alike).
            if (!timesKept && f.flowing) {
              states.set(m.mirrorTopicName, FLOWING);
              continue;
            }
            const mirrorKey = mirrorFlowKey(half.cluster, link.name, m.mirrorTopicName);
            const staleSince = f.stopped ? track(mirrorKey, true) : track(mirrorKey, f.flowing);
            if (staleSince !== null) staleKeys.push(mirrorKey);
            states.set(m.mirrorTopicName, { ...f, staleSince });
          }
          judged = { hosted: list, flowing: link.flowing, causeCode, cause, states, staleKeys };
        }
        halves.set(key, judged);
      }
    }
    // What vanished is forgotten: a deleted link, or a mirror gone from a list that was read. The mirrors of a cluster
    // that could not be read this time keep their time: the outage is still going on. When the links and every half are
    // the last derivation's, nothing vanished, and the fleet's stale mirrors need no visit.
    const linkIds = topology.links.map((l) => l.id).join("\n");
    const nothingVanished = reused.length === halves.size && halves.size === this.halves.size && linkIds === this.linkIds;
    this.halves = halves;
    this.linkIds = linkIds;
    if (!nothingVanished) {
      for (const half of reused) for (const mirrorKey of half.staleKeys) seen.add(mirrorKey);
      const unread = (key: string) => !key.startsWith("link:") && !mirrorsByCluster.get(key.slice(0, key.indexOf("/")));
      for (const key of [...known.keys()]) {
        if (!seen.has(key) && !unread(key)) {
          known.delete(key);
          changes.set(key, null);
        }
      }
    }
    if (this.store && changes.size > 0) {
      try {
        this.store.saveStaleSince(changes);
      } catch (err) {
        this.log(`linkscope: could not record when links stopped flowing: ${err instanceof Error ? err.name : "unknown error"}`);
      }
    }
    return new MirrorIndex(new Map([...halves].map(([key, judged]) => [key, judged.states])));
  }
}
