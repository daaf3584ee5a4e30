import { z } from "zod";
import { DeleteLinkQuerySchema } from "@/lib/api/link-admin";
import { audited, auditingRefusals, outcomeOf } from "@/lib/server/link-admin/audit";
import { deleteLinkAttempt } from "@/lib/server/link-admin/audit-attempts";
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
  const rawParams = await ctx.params;
  return auditingRefusals(
    req,
    () => deleteLinkAttempt(rawParams, req.url),
    async () => {
      const actor = await guardMutation(req, "admin");
      const { cluster, link } = parseInput(ParamsSchema, rawParams, "path");
      const options = parseInput(DeleteLinkQuerySchema, searchParamsObject(req.url), "query");
      const result = await audited(
        actor,
        deleteLinkAttempt(rawParams, req.url),
        () => deleteLink(cluster, link, options, defaultDeps()),
        (r) => ({
          outcome: outcomeOf(r.steps, !r.validateOnly),
          results: r.steps.map((s) => ({ name: `${s.cluster}: ${s.half}`, ok: s.ok, ...(s.error ? { message: s.error } : {}) })),
        }),
      );
      return jsonNoStore(result);
    },
  );
});
