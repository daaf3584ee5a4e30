import { z } from "zod";
import { getMirror } from "@/lib/server/links-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { ClusterParamSchema, LinkParamSchema, parseInput, TopicParamSchema } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema, link: LinkParamSchema, topic: TopicParamSchema });

export const GET = handleRoute(async (_req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]/mirrors/[topic]">) => {
  const { cluster, link, topic } = parseInput(ParamsSchema, await ctx.params, "path");
  return jsonNoStore(await getMirror(cluster, link, topic));
});
