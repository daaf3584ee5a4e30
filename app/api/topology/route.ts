import { fleetService } from "@/lib/server/fleet/fleet-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => jsonNoStore((await fleetService().snapshot()).topology));
