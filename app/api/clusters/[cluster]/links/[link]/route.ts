import { z } from "zod";
import { getLinkDetail } from "@/lib/server/links-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { ClusterParamSchema, LinkParamSchema, parseInput } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema, link: LinkParamSchema });

export const GET = handleRoute(async (_req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]">) => {
  const { cluster, link } = parseInput(ParamsSchema, await ctx.params, "path");
  return jsonNoStore(await getLinkDetail(cluster, link));
});
