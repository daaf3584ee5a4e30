import "server-only";

/** How often rate-limit windows and expired idempotency keys are swept: every this many writes. */
export const PRUNE_EVERY = 500;
/** Rate windows older than this are dropped (the longest window in use is minutes). */
export const RATE_WINDOW_KEEP_MS = 24 * 3_600_000;
