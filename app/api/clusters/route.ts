import type { ClustersResponse } from "@/lib/api/clusters";
import { listClusterStatuses } from "@/lib/server/cluster-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const body: ClustersResponse = await listClusterStatuses();
  return jsonNoStore(body);
});
