import "server-only";

/**
 * The shared store (audit log, idempotency keys, link leases, rate limits) cannot be read or written: mutations are
 * refused until it can. The message names the store and the cause by code only, never a URL or a credential.
 */
export class AuditUnavailableError extends Error {
  override name = "AuditUnavailableError";
}

export const INTERRUPTED_MESSAGE = "Linkscope stopped before the outcome was recorded; check the cluster for what happened.";
