import { z } from "zod";
import { CreateMirrorsRequestSchema } from "@/lib/api/mirror-admin";
import { KNOWN_MIRROR_STATUSES } from "@/lib/domain/mirrors/mirror-states";
import { audited, auditingRefusals, outcomeOf } from "@/lib/server/link-admin/audit";
import { createMirrorsAttempt } from "@/lib/server/link-admin/audit-attempts";
import { createMirrors } from "@/lib/server/link-admin/create-mirrors";
import { defaultDeps } from "@/lib/server/link-admin/upstream";
import { listLinkMirrors } from "@/lib/server/links-service";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { sharedJsonNoStore } from "@/lib/server/http/shared-json";
import { readBodyThenGuard } from "@/lib/server/http/mutation-guard";
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
  const answer = await listLinkMirrors(cluster, link, query);
  // The unfiltered list is the same array for every viewer of one reading: encoded once for all of them.
  return sharedJsonNoStore(answer.mirrors, () => answer);
});

export const POST = handleRoute(async (req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]/mirrors">) => {
  const rawParams = await ctx.params;
  let body: unknown;
  return auditingRefusals(
    req,
    () => createMirrorsAttempt(rawParams, body),
    async () => {
      const actor = await readBodyThenGuard(req, "admin", (b) => (body = b));
      const { cluster, link } = parseInput(ParamsSchema, rawParams, "path");
      const input = parseInput(CreateMirrorsRequestSchema, body, "body");
      const result = await audited(
        actor,
        createMirrorsAttempt(rawParams, body),
        () => createMirrors(cluster, link, input, defaultDeps()),
        (r) => ({
          outcome: outcomeOf(r.results, !r.validateOnly),
          results: r.results.map((x) => ({ name: x.topic, ok: x.ok, ...(x.error ? { message: x.error } : {}) })),
        }),
      );
      return jsonNoStore(result);
    },
  );
});
