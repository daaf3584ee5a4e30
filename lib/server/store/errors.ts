import "server-only";

// Next bundles instrumentation and each route separately, and the store is one object per process: whichever bundle
// opened it throws its own copy of this class. The brand makes `instanceof` hold for every copy.
const BRAND = Symbol.for("linkscope.audit-unavailable");

/**
 * The shared store (audit log, idempotency keys, link leases, rate limits) cannot be read or written: mutations are
 * refused until it can. The message names the store and the cause by code only, never a URL or a credential.
 */
export class AuditUnavailableError extends Error {
  override name = "AuditUnavailableError";
  readonly [BRAND] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && BRAND in value;
  }
}

export const INTERRUPTED_MESSAGE = "Linkscope stopped before the outcome was recorded; check the cluster for what happened.";
