import { fleetService } from "@/lib/server/fleet/fleet-service";
import { handleRoute } from "@/lib/server/http/handle-route";
import { sharedJsonNoStore } from "@/lib/server/http/shared-json";

export const dynamic = "force-dynamic";

// Every viewer within one snapshot gets the same topology: encoded once per snapshot (lib/server/http/shared-json.ts).
export const GET = handleRoute(async () => {
  const { topology } = await fleetService().snapshot();
  return sharedJsonNoStore(topology, () => topology);
});
