import { getConfig } from "@/lib/server/config";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { requireActor } from "@/lib/server/http/mutation-guard";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request) => {
  const actor = requireActor(req);
  const { auth, readOnly } = getConfig();
  return jsonNoStore({ ...actor, authMode: auth.mode, readOnly });
});
