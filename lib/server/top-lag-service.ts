import "server-only";
import type { TopLagResponse } from "@/lib/api/top-lag";
import { topLagMirrors } from "@/lib/domain/mirrors/top-lag";
import type { Topology } from "@/lib/domain/types";
import { fleetService } from "./fleet/fleet-service";

/** One answer per snapshot and limit: the same object for every viewer, so it is also encoded once. */
const answers = new WeakMap<Topology, Map<number, TopLagResponse>>();

/**
 * The fleet's mirrors with the highest lag, from the snapshot's mirror lists (`links/-/mirrors`, already read every
 * refresh): no upstream request of its own, whereas asking each top link's mirror list cost every viewer up to ten
 * more requests per poll and the full list of the biggest link.
 */
export async function fleetTopLagMirrors(limit: number): Promise<TopLagResponse> {
  const { readings, topology } = await fleetService().snapshot();
  let byLimit = answers.get(topology);
  if (!byLimit) {
    byLimit = new Map();
    answers.set(topology, byLimit);
  }
  let answer = byLimit.get(limit);
  if (!answer) {
    const top = topLagMirrors(
      topology.links,
      (cluster, linkName) => {
        const reading = readings.get(cluster);
        if (reading?.observation.status !== "ok") return null;
        return reading.halves.find((h) => h.linkName === linkName)?.mirrors ?? null;
      },
      limit,
    );
    answer = { ...top, asOf: topology.asOf, coverage: topology.coverage };
    byLimit.set(limit, answer);
  }
  return answer;
}
