import { z } from "zod";
import { AlterLinkConfigsRequestSchema } from "@/lib/api/link-admin";
import { alterLinkConfigs } from "@/lib/server/link-admin/alter-configs";
import { auditLinkAdmin } from "@/lib/server/link-admin/audit";
import { defaultDeps } from "@/lib/server/link-admin/upstream";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { guardMutation, readJsonBody } from "@/lib/server/http/mutation-guard";
import { ClusterParamSchema, LinkParamSchema, parseInput } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema, link: LinkParamSchema });

export const PATCH = handleRoute(async (req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]/configs">) => {
  const actor = guardMutation(req, "admin");
  const { cluster, link } = parseInput(ParamsSchema, await ctx.params, "path");
  const body = parseInput(AlterLinkConfigsRequestSchema, await readJsonBody(req), "body");
  const result = await alterLinkConfigs(cluster, link, body, defaultDeps());
  auditLinkAdmin({
    actor,
    action: "alter-link-configs",
    target: `${cluster}/${link}`,
    validateOnly: body.validateOnly,
    outcome: result.failed ? (result.applied.length > 0 ? "partial" : "failed") : "ok",
    // The diff's values are already free of sensitive ones.
    results: { changes: result.changes, applied: result.applied, failed: result.failed, notAttempted: result.notAttempted },
  });
  return jsonNoStore(result);
});
