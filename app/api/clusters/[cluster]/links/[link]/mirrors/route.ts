import { z } from "zod";
import { CreateMirrorsRequestSchema } from "@/lib/api/link-admin";
import { KNOWN_MIRROR_STATUSES } from "@/lib/domain/mirror-states";
import { auditLinkAdmin } from "@/lib/server/link-admin/audit";
import { createMirrors } from "@/lib/server/link-admin/create-mirrors";
import { defaultDeps } from "@/lib/server/link-admin/upstream";
import { listLinkMirrors } from "@/lib/server/links-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { guardMutation, readJsonBody } from "@/lib/server/http/mutation-guard";
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

export const POST = handleRoute(async (req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]/mirrors">) => {
  const actor = guardMutation(req, "admin");
  const { cluster, link } = parseInput(ParamsSchema, await ctx.params, "path");
  const body = parseInput(CreateMirrorsRequestSchema, await readJsonBody(req), "body");
  const result = await createMirrors(cluster, link, body, defaultDeps());
  const created = result.results.filter((r) => r.ok).length;
  auditLinkAdmin({
    actor,
    action: "create-mirrors",
    target: `${cluster}/${link}`,
    validateOnly: body.validateOnly,
    outcome: created === result.results.length ? "ok" : created > 0 ? "partial" : "failed",
    results: result.results,
  });
  return jsonNoStore(result);
});
