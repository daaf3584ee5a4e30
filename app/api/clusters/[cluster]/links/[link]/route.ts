import { z } from "zod";
import { DeleteLinkQuerySchema } from "@/lib/api/link-admin";
import { auditLinkAdmin } from "@/lib/server/link-admin/audit";
import { deleteLink } from "@/lib/server/link-admin/delete-link";
import { defaultDeps } from "@/lib/server/link-admin/upstream";
import { getLinkDetail } from "@/lib/server/links-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { guardMutation } from "@/lib/server/http/mutation-guard";
import { ClusterParamSchema, LinkParamSchema, parseInput, searchParamsObject } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema, link: LinkParamSchema });

export const GET = handleRoute(async (_req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]">) => {
  const { cluster, link } = parseInput(ParamsSchema, await ctx.params, "path");
  return jsonNoStore(await getLinkDetail(cluster, link));
});

export const DELETE = handleRoute(async (req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]">) => {
  const actor = guardMutation(req, "admin");
  const { cluster, link } = parseInput(ParamsSchema, await ctx.params, "path");
  const options = parseInput(DeleteLinkQuerySchema, searchParamsObject(req.url), "query");
  const result = await deleteLink(cluster, link, options, defaultDeps());
  const deleted = result.steps.filter((s) => s.ok).length;
  auditLinkAdmin({
    actor,
    action: "delete-link",
    target: `${cluster}/${link}`,
    validateOnly: options.validateOnly,
    outcome: result.ok ? "ok" : deleted > 0 && !options.validateOnly ? "partial" : "failed",
    results: { steps: result.steps, mirrors: result.mirrors.length, force: options.force, bothHalves: options.bothHalves },
  });
  return jsonNoStore(result);
});
