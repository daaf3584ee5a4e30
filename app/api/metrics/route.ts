import { fleetService } from "@/lib/server/fleet/fleet-service";
import { getConfig } from "@/lib/server/config";
import { fleetMetrics, type MirrorLagSample } from "@/lib/server/metrics/fleet-metrics";
import { hostedHalfFigures } from "@/lib/server/metrics/hosted-halves";
import { linkProblemOccurrences } from "@/lib/server/metrics/problem-occurrences";
import { handleRoute } from "@/lib/server/http/handle-route";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const { topology, readings, mirrorFlows, mirrorLags } = await fleetService().snapshot();
  const halves = [...readings.values()].flatMap((r) => r.halves);
  const mirrors: MirrorLagSample[] = halves.flatMap((h) =>
    (h.mirrors ?? []).map((m) => {
      const flow = mirrorFlows.get(h.cluster, h.linkName, m.name);
      const staleSince = flow && !flow.stopped && !flow.flowing ? flow.staleSince : null;
      return { cluster: h.cluster, link: h.linkName, mirror: m.name, status: m.status, maxLag: m.maxLag, staleSince };
    }),
  );
  const alerting = {
    halves: hostedHalfFigures(
      halves,
      topology,
      getConfig(),
      (cluster, link, mirror) => mirrorLags.get(cluster, link, mirror)?.seconds ?? null,
    ),
    problems: linkProblemOccurrences(topology),
    nowMs: Date.now(),
  };
  return new Response(fleetMetrics(topology, mirrors, alerting), {
    headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" },
  });
});
