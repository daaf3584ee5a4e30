import { CreateLinkRequestSchema } from "@/lib/api/link-admin";
import { audited, auditingRefusals, outcomeOf } from "@/lib/server/link-admin/audit";
import { createLinkAttempt } from "@/lib/server/link-admin/audit-attempts";
import { createLink } from "@/lib/server/link-admin/create-link";
import { defaultDeps } from "@/lib/server/link-admin/upstream";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { guardMutation, readJsonBody } from "@/lib/server/http/mutation-guard";
import { parseInput } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (req: Request) => {
  let body: unknown;
  return auditingRefusals(
    req,
    () => createLinkAttempt(body),
    async () => {
      // Read first (without judging it) so that even a refused attempt is recorded with what it asked for.
      let unreadable: unknown = null;
      body = await readJsonBody(req).catch((err: unknown) => ((unreadable = err), undefined));
      const actor = guardMutation(req, "admin");
      if (unreadable) throw unreadable;
      const input = parseInput(CreateLinkRequestSchema, body, "body");
      const result = await audited(
        actor,
        createLinkAttempt(body),
        () => createLink(input, defaultDeps()),
        (r) => ({
          outcome: outcomeOf(r.steps, !r.validateOnly),
          results: r.steps.map((s) => ({ name: `${s.cluster}: ${s.half}`, ok: s.ok, ...(s.error ? { message: s.error } : s.note ? { message: s.note } : {}) })),
        }),
      );
      return jsonNoStore(result);
    },
  );
});
