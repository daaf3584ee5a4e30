import { z } from "zod";
import { IDEMPOTENCY_HEADER, IdempotencyKeySchema, MirrorActionRequestSchema, REPLAYED_HEADER } from "@/lib/api/actions";
import { MIRROR_ACTIONS_ROUTE } from "@/lib/server/actions/mirror-action-service";
import { mirrorActionService } from "@/lib/server/actions/mirror-actions";
import { auditRefusals } from "@/lib/server/audit/audit-attempt";
import { auditLog } from "@/lib/server/audit/audit-log";
import { ApiError } from "@/lib/server/http/api-error";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { readBodyThenGuard } from "@/lib/server/http/mutation-guard";
import { ClusterParamSchema, LinkParamSchema, parseInput } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({ cluster: ClusterParamSchema, link: LinkParamSchema });

/** Whatever could be read of the request, for the record of a refused attempt. */
function describeAttempt(params: Record<string, string>, body: unknown) {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const cluster = typeof params.cluster === "string" ? params.cluster : null;
  const link = typeof params.link === "string" ? params.link : null;
  return {
    action: typeof b.action === "string" ? b.action.slice(0, 64) : "mirror-action",
    route: MIRROR_ACTIONS_ROUTE,
    target: `${cluster ?? "?"}/${link ?? "?"}`,
    cluster,
    link,
    validateOnly: b.validateOnly !== false,
    parameters: Array.isArray(b.topics) ? { topics: b.topics.slice(0, 10_000) } : {},
  };
}

export const POST = handleRoute(async (req: Request, ctx: RouteContext<"/api/clusters/[cluster]/links/[link]/mirrors/actions">) => {
  const rawParams = await ctx.params;
  let body: unknown;
  return auditRefusals(
    req,
    auditLog(),
    () => describeAttempt(rawParams, body),
    async () => {
      const actor = await readBodyThenGuard(req, "operator", (b) => (body = b));
      const { cluster, link } = parseInput(ParamsSchema, rawParams, "path");
      const input = parseInput(MirrorActionRequestSchema, body, "request body");
      const header = req.headers.get(IDEMPOTENCY_HEADER);
      const headerKey = header === null ? undefined : parseInput(IdempotencyKeySchema, header, `${IDEMPOTENCY_HEADER} header`);
      if (headerKey !== undefined && input.idempotencyKey !== undefined && headerKey !== input.idempotencyKey) {
        throw new ApiError("invalid-request", `The ${IDEMPOTENCY_HEADER} header and the body's idempotencyKey differ; send one of them.`);
      }
      const { response, replayed } = await mirrorActionService().run({
        cluster,
        link,
        action: input.action,
        topics: input.topics,
        validateOnly: input.validateOnly,
        idempotencyKey: headerKey ?? input.idempotencyKey ?? null,
        actor,
      });
      return jsonNoStore(response, replayed ? { headers: { [REPLAYED_HEADER]: "true" } } : undefined);
    },
  );
});
