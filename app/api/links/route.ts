import { CreateLinkRequestSchema } from "@/lib/api/link-admin";
import { audited, auditingRefusals, outcomeOf } from "@/lib/server/link-admin/audit";
import { createLinkAttempt } from "@/lib/server/link-admin/audit-attempts";
import { createLink } from "@/lib/server/link-admin/create-link";
import { defaultDeps } from "@/lib/server/link-admin/upstream";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { readBodyThenGuard } from "@/lib/server/http/mutation-guard";
import { parseInput } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (req: Request) => {
  let body: unknown;
  return auditingRefusals(
    req,
    () => createLinkAttempt(body),
    async () => {
      const actor = await readBodyThenGuard(req, "admin", (b) => (body = b));
      const input = parseInput(CreateLinkRequestSchema, body, "body");
      const result = await audited(
        actor,
        createLinkAttempt(body),
        () => createLink(input, defaultDeps()),
        (r) => ({
          outcome: outcomeOf(r.steps, !r.validateOnly),
          results: r.steps.map((s) => ({
            name: `${s.cluster}: ${s.half}`,
            ok: s.ok,
            ...(s.error ? { message: s.error } : s.note ? { message: s.note } : {}),
          })),
        }),
      );
      return jsonNoStore(result);
    },
  );
});
