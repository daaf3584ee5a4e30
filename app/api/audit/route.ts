import { z } from "zod";
import { AUDIT_LIMITS, AuditOutcomeSchema } from "@/lib/api/audit";
import { auditLog } from "@/lib/server/audit/audit-log";
import { AuditUnavailableError } from "@/lib/server/store/errors";
import { ApiError } from "@/lib/server/http/api-error";
import { handleRoute, jsonNoStore } from "@/lib/server/http/handle-route";
import { parseInput, searchParamsObject } from "@/lib/server/http/route-input";

export const dynamic = "force-dynamic";

const QuerySchema = z
  .object({
    limit: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(AUDIT_LIMITS.maxLimit, `must be at most ${AUDIT_LIMITS.maxLimit}`)
      .default(AUDIT_LIMITS.defaultLimit),
    action: z.string().regex(/^[a-z][a-z-]{0,63}$/, "must be an action name such as promote or failover").optional(),
    outcome: AuditOutcomeSchema.optional(),
  })
  .strict();

export const GET = handleRoute(async (req: Request) => {
  const query = parseInput(QuerySchema, searchParamsObject(req.url), "query");
  try {
    return jsonNoStore({ entries: await auditLog().list(query) });
  } catch (err) {
    if (!(err instanceof AuditUnavailableError)) throw err;
    console.error(`linkscope: cannot read the audit log (${err.message})`);
    throw new ApiError("audit-unavailable", "Linkscope cannot read its audit log right now (the server log says why); mutations are refused until it can write it again.");
  }
});
