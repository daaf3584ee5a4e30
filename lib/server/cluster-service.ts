import "server-only";
import type { LinkNotFlowing } from "@/lib/api/clusters";
import type { ClusterObservation } from "@/lib/domain/types";
import { fleetService } from "./fleet/fleet-service";

/** Every configured cluster's live status, from the shared fleet snapshot (one upstream poll per interval). */
export async function listClusterStatuses(): Promise<{ clusters: ClusterObservation[]; linksNotFlowing: LinkNotFlowing[] }> {
  const { readings, topology } = await fleetService().snapshot();
  return {
    clusters: [...readings.values()].map((r) => r.observation),
    linksNotFlowing: topology.links
      .filter((l) => !l.flowing)
      .map(({ id, name, state, cause, staleSince }) => ({ id, name, state, cause, staleSince })),
  };
}
