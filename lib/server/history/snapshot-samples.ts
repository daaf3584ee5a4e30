import "server-only";
import type { MirrorTopic } from "@/lib/confluent/types";
import { hostsMirrors } from "@/lib/domain/links/link-modes";
import type { FleetSnapshot } from "../fleet/fleet-service";
import type { LinkSample } from "./writer";

/**
 * What one fleet snapshot says about lag: for every reachable cluster whose mirror list was read, one sample per
 * link half that can host mirrors (a SOURCE half never does), with that link's mirrors. A link with no mirrors
 * is still sampled (its lag is 0); a cluster that is down, or whose mirror list failed, contributes nothing.
 */
export function linkSamplesFromSnapshot(snapshot: Pick<FleetSnapshot, "readings">): LinkSample[] {
  const samples: LinkSample[] = [];
  for (const reading of snapshot.readings.values()) {
    if (reading.observation.status !== "ok" || reading.mirrors === null) continue;
    const byLink = new Map<string, MirrorTopic[]>();
    for (const m of reading.mirrors) {
      const list = byLink.get(m.linkName);
      if (list) list.push(m);
      else byLink.set(m.linkName, [m]);
    }
    for (const half of reading.halves) {
      if (!hostsMirrors(half)) continue;
      samples.push({
        cluster: reading.observation.name,
        link: half.linkName,
        mirrors: (byLink.get(half.linkName) ?? []).map((m) => ({ topic: m.mirrorTopicName, partitions: m.lags })),
      });
    }
  }
  return samples;
}
