import "server-only";
import type { ClusterObservation } from "@/lib/domain/types";
import { fleetService } from "./fleet/fleet-service";

/** Every configured cluster's live status, from the shared fleet snapshot (one upstream poll per interval). */
export async function listClusterStatuses(): Promise<ClusterObservation[]> {
  const { readings } = await fleetService().snapshot();
  return [...readings.values()].map((r) => r.observation);
}
