import "server-only";
import type { AuditOutcome, AuditResult } from "@/lib/api/audit";
import { auditRefusals, type AttemptDescription } from "../audit/audit-attempt";
import { auditLog, type AuditHandle } from "../audit/audit-log";
import { AuditUnavailableError } from "../store/errors";
import { ApiError } from "../http/api-error";
import type { Actor } from "../http/mutation-guard";

/*
 * The single place link administration meets the audit log (lib/server/audit): the intent is written before
 * anything goes upstream (no record, no change), the outcome after, and a refused attempt is recorded as denied.
 * Callers pass parameters without credentials; the log scrubs secret-named keys again anyway.
 */

export type LinkAdminAction = "create-link" | "alter-link-configs" | "delete-link" | "create-mirrors";

export type LinkAdminAttempt = AttemptDescription & { action: LinkAdminAction };

export interface LinkAdminCompletion {
  outcome: Extract<AuditOutcome, "succeeded" | "partial" | "failed">;
  results: AuditResult[];
}

/** Records refusals (bad input, wrong role, read-only…) of a link-admin route as denied attempts. */
export function auditingRefusals<T>(req: Request, describe: () => LinkAdminAttempt, work: () => Promise<T>): Promise<T> {
  return auditRefusals(req, auditLog(), describe, work);
}

async function begin(actor: Actor, attempt: LinkAdminAttempt): Promise<AuditHandle> {
  try {
    return await auditLog().begin({ ...attempt, user: actor.user, role: actor.role });
  } catch (err) {
    if (!(err instanceof AuditUnavailableError)) throw err;
    console.warn(`linkscope: refused ${attempt.action} on ${attempt.target}: the audit log cannot be written (${err.message})`);
    throw new ApiError(
      "audit-unavailable",
      "Linkscope cannot write its audit log, so it changes nothing (the server log says why: usually a full disk, file permissions or the database being unreachable). Fix that, or use the CLI commands the wizard shows.",
    );
  }
}

/** Runs `work` between an audit intent and its outcome. */
export async function audited<T>(actor: Actor, attempt: LinkAdminAttempt, work: () => Promise<T>, complete: (result: T) => LinkAdminCompletion): Promise<T> {
  const handle = await begin(actor, attempt);
  try {
    const result = await work();
    await handle.finish({ ...complete(result), error: null });
    return result;
  } catch (err) {
    await handle.finish({ outcome: "failed", error: err instanceof ApiError ? err.message : "The attempt failed with an unexpected error.", results: [] });
    throw err;
  }
}

/** succeeded when every item did, partial when some did (and something changed), failed otherwise. */
export function outcomeOf(results: readonly { ok: boolean }[], changedAnything: boolean): LinkAdminCompletion["outcome"] {
  if (results.every((r) => r.ok)) return "succeeded";
  return changedAnything && results.some((r) => r.ok) ? "partial" : "failed";
}
