import { z } from "zod";
import { linkConsumerGroups } from "@/lib/server/consumer-groups-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { ClusterParamSchema, LinkParamSchema, parseInput, searchParamsObject } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema, link: LinkParamSchema });
const QuerySchema = z.object({}).strict();

export const GET = handleRoute(async (req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]/consumer-groups">) => {
  const { cluster, link } = parseInput(ParamsSchema, await ctx.params, "path");
  parseInput(QuerySchema, searchParamsObject(req.url), "query");
  return jsonNoStore(await linkConsumerGroups(cluster, link));
});
