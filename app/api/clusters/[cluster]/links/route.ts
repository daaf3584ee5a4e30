import { z } from "zod";
import { listClusterLinks } from "@/lib/server/links-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { ClusterParamSchema, parseInput } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema });

export const GET = handleRoute(async (_req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links">) => {
  const { cluster } = parseInput(ParamsSchema, await ctx.params, "path");
  return jsonNoStore(await listClusterLinks(cluster));
});
