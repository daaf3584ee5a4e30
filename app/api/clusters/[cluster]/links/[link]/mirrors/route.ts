import { z } from "zod";
import { KNOWN_MIRROR_STATUSES } from "@/lib/domain/mirror-states";
import { listLinkMirrors } from "@/lib/server/links-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { ClusterParamSchema, LinkParamSchema, parseInput, searchParamsObject } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema, link: LinkParamSchema });
const QuerySchema = z
  .object({
    status: z.enum(KNOWN_MIRROR_STATUSES, { error: `must be one of ${KNOWN_MIRROR_STATUSES.join(", ")}` }).optional(),
    q: z.string().max(249, "must be at most 249 characters").optional(),
  })
  .strict();

export const GET = handleRoute(async (req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]/mirrors">) => {
  const { cluster, link } = parseInput(ParamsSchema, await ctx.params, "path");
  const query = parseInput(QuerySchema, searchParamsObject(req.url), "query");
  return jsonNoStore({ mirrors: await listLinkMirrors(cluster, link, query) });
});
