import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { storageHealth } from "@/lib/server/store/health";
import { sharedStore } from "@/lib/server/store/shared-store";

export const dynamic = "force-dynamic";

/**
 * 200 while the process serves pages. `degraded` when the shared store (audit log, leases, idempotency keys) cannot
 * be reached: reads still work, every change is refused with 503 audit-unavailable until it comes back.
 */
export const GET = handleRoute(async () => {
  const storage = await storageHealth(sharedStore());
  return jsonNoStore({ status: storage.reachable ? ("ok" as const) : ("degraded" as const), storage });
});
