/** Named timing constants for every query, in one place. */
export const DEFAULT_POLL_INTERVAL_MS = 10_000;
/** Data older than this many poll intervals is called stale in the UI. */
export const STALE_AFTER_INTERVALS = 3;
export const MAX_QUERY_RETRIES = 2;
