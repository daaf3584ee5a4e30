import { fleetService } from "@/lib/server/fleet/fleet-service";
import { fleetMetrics, type MirrorLagSample } from "@/lib/server/metrics/fleet-metrics";
import { handleRoute } from "@/lib/server/http/handle-route";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const { topology, readings } = await fleetService().snapshot();
  const mirrors: MirrorLagSample[] = [...readings.values()].flatMap((r) =>
    r.halves.flatMap((h) => (h.mirrors ?? []).map((m) => ({ cluster: h.cluster, link: h.linkName, mirror: m.name, status: m.status, maxLag: m.maxLag }))),
  );
  return new Response(fleetMetrics(topology, mirrors), {
    headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" },
  });
});
