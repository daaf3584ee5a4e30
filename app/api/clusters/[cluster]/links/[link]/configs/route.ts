import { z } from "zod";
import { AlterLinkConfigsRequestSchema } from "@/lib/api/link-admin";
import { alterLinkConfigs } from "@/lib/server/link-admin/alter-configs";
import { audited, auditingRefusals } from "@/lib/server/link-admin/audit";
import { alterConfigsAttempt } from "@/lib/server/link-admin/audit-attempts";
import { defaultDeps } from "@/lib/server/link-admin/upstream";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { readBodyThenGuard } from "@/lib/server/http/mutation-guard";
import { ClusterParamSchema, LinkParamSchema, parseInput } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema, link: LinkParamSchema });

export const PATCH = handleRoute(async (req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]/configs">) => {
  const rawParams = await ctx.params;
  let body: unknown;
  return auditingRefusals(
    req,
    () => alterConfigsAttempt(rawParams, body),
    async () => {
      const actor = await readBodyThenGuard(req, "admin", (b) => (body = b));
      const { cluster, link } = parseInput(ParamsSchema, rawParams, "path");
      const input = parseInput(AlterLinkConfigsRequestSchema, body, "body");
      const result = await audited(
        actor,
        alterConfigsAttempt(rawParams, body),
        () => alterLinkConfigs(cluster, link, input, defaultDeps()),
        // The diff never carries a sensitive value, so it can be recorded as is.
        (r) => ({
          outcome: r.failed ? (r.applied.length > 0 ? "partial" : "failed") : "succeeded",
          results: r.changes.map((c) => ({
            name: c.name,
            ok: r.failed?.name !== c.name && !r.notAttempted.includes(c.name),
            message: c.sensitive
              ? `${c.operation} (value hidden)`
              : `${c.operation}: ${c.before ?? "(not set)"} → ${c.after ?? "(default)"}`,
          })),
        }),
      );
      return jsonNoStore(result);
    },
  );
});
