import { CreateLinkRequestSchema } from "@/lib/api/link-admin";
import { auditLinkAdmin } from "@/lib/server/link-admin/audit";
import { createLink } from "@/lib/server/link-admin/create-link";
import { defaultDeps } from "@/lib/server/link-admin/upstream";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { guardMutation, readJsonBody } from "@/lib/server/http/mutation-guard";
import { parseInput } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (req: Request) => {
  const actor = guardMutation(req, "admin");
  const body = parseInput(CreateLinkRequestSchema, await readJsonBody(req), "body");
  const result = await createLink(body, defaultDeps());
  const created = result.steps.filter((s) => s.status === "ok").length;
  auditLinkAdmin({
    actor,
    action: "create-link",
    target: `${body.destination}/${body.name}`,
    validateOnly: body.validateOnly,
    outcome: result.ok ? "ok" : created > 0 && !body.validateOnly ? "partial" : "failed",
    results: result.steps.map(({ cluster, half, status, error, attempts }) => ({ cluster, half, status, error, attempts })),
  });
  return jsonNoStore(result);
});
