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
    action: z
      .string()
      .regex(/^[a-z][a-z-]{0,63}$/, "must be an action name such as promote or failover")
      .optional(),
    outcome: AuditOutcomeSchema.optional(),
    cluster: z.string().min(1).max(200).optional(),
    link: z.string().min(1).max(249).optional(),
    user: z.string().min(1).max(200).optional(),
    from: z.iso.datetime({ offset: true, error: "must be an ISO-8601 time such as 2026-11-21T15:00:00Z" }).optional(),
    to: z.iso.datetime({ offset: true, error: "must be an ISO-8601 time such as 2026-11-21T16:00:00Z" }).optional(),
    run: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, "must be a run id (letters, digits and -)")
      .optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { path: ["to"], message: "must be later than from" });

export const GET = handleRoute(async (req: Request) => {
  const query = parseInput(QuerySchema, searchParamsObject(req.url), "query");
  try {
    const { from, to, ...rest } = query;
    return jsonNoStore({
      entries: await auditLog().list({ ...rest, ...(from ? { from: Date.parse(from) } : {}), ...(to ? { to: Date.parse(to) } : {}) }),
    });
  } catch (err) {
    if (!(err instanceof AuditUnavailableError)) throw err;
    console.error(`linkscope: cannot read the audit log (${err.message})`);
    throw new ApiError(
      "audit-unavailable",
      "Linkscope cannot read its audit log right now (the server log says why); mutations are refused until it can write it again.",
    );
  }
});
