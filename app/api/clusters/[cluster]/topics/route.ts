import { z } from "zod";
import { listTopics } from "@/lib/server/link-admin/topics";
import { defaultDeps } from "@/lib/server/link-admin/upstream";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { ClusterParamSchema, parseInput } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema });

export const GET = handleRoute(async (_req: Request, ctx: RouteContext<"/api/clusters/[cluster]/topics">) => {
  const { cluster } = parseInput(ParamsSchema, await ctx.params, "path");
  return jsonNoStore({ topics: await listTopics(cluster, defaultDeps()) });
});
