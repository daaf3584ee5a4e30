import "server-only";
import { identify } from "../auth/identify";
import { getConfig } from "../config";
import { ApiError } from "../http/api-error";
import type { AuditIntent, AuditLog } from "./audit-log";

export type AttemptDescription = Omit<AuditIntent, "user" | "role">;

/**
 * Runs a mutation route's work and records a refusal (not signed in, wrong role, read-only, rate limit, invalid input,
 * a conflict) as a `denied` audit entry: every attempt is on record, not only the ones that reached a cluster. The
 * work records its own entry once it gets that far, so anything it throws after that is not recorded twice.
 */
export async function auditRefusals<T>(
  req: Request,
  audit: Pick<AuditLog, "record">,
  describe: () => AttemptDescription,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ApiError && err.code !== "audit-unavailable") {
      const actor = identify(req.headers, getConfig().auth, Date.now());
      await audit.record({ ...describe(), user: actor?.user ?? "unknown", role: actor?.role ?? null }, { outcome: "denied", error: err.message, results: [] });
    }
    throw err;
  }
}
