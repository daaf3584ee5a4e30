import { areAllMirrorPartitionsPaused } from "./mirror-states";
import type { LinkRollupState, PartitionStates } from "./types";

/**
 * `link_error` values that mean the link cannot work until someone changes its configuration or credentials:
 * the destination cannot log in or cannot even find the remote cluster. Timeouts and unknown errors can heal.
 */
export const FATAL_LINK_ERRORS: readonly string[] = [
  "AUTHENTICATION_ERROR",
  "UNRESOLVABLE_BOOTSTRAP_ERROR",
  "INVALID_BOOTSTRAP_INTERNAL_ENDPOINT_ERROR",
  "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR",
];

/** `link_error` is healthy when absent or NO_ERROR (reference trap 14). */
export function isLinkErrorPresent(error: string | null | undefined): error is string {
  return error !== null && error !== undefined && error !== "" && error !== "NO_ERROR";
}

export function isFatalLinkError(error: string | null | undefined): boolean {
  return isLinkErrorPresent(error) && FATAL_LINK_ERRORS.includes(error);
}

/** What the rollup looks at; gathered by the topology derivation from the visible halves and clusters. */
export interface LinkHealthSignals {
  /** `link_state` of each visible half, verbatim. */
  halfStates: readonly string[];
  /** `link_error` of each visible half (`null` when healthy). */
  halfErrors: readonly (string | null)[];
  /** A configured end of the link (source, destination or the partner half's host) cannot be reached. */
  neededClusterUnreachable: boolean;
  partitionStates: PartitionStates;
  /** Whether any problem sentence was raised for the link. */
  hasProblems: boolean;
}

/**
 * One state for the whole link, first match wins:
 * 1. FAILED: a half is FAILED or has an authentication/bootstrap error.
 * 2. UNAVAILABLE: a half is UNAVAILABLE or a needed cluster is unreachable.
 * 3. PAUSED: a half is PAUSED, or every mirror partition that still mirrors is paused.
 * 4. UNKNOWN: no half is visible, or some half is in a state other than ACTIVE (UNKNOWN or a value
 *    Confluent added later): nothing confirms the link is running, so it is not called ACTIVE.
 * 5. DEGRADED: every half is ACTIVE but problems exist.
 * 6. ACTIVE.
 * Health is judged from `link_error`, not from `state !== "ACTIVE"` (trap 14): an ACTIVE half with an error
 * is DEGRADED (or FAILED), and a half in an unfamiliar state is never treated as broken on that alone.
 */
export function rollupLinkState(signals: LinkHealthSignals): LinkRollupState {
  const { halfStates, halfErrors } = signals;
  if (halfStates.includes("FAILED") || halfErrors.some(isFatalLinkError)) return "FAILED";
  if (halfStates.includes("UNAVAILABLE") || signals.neededClusterUnreachable) return "UNAVAILABLE";
  if (halfStates.includes("PAUSED") || areAllMirrorPartitionsPaused(signals.partitionStates)) return "PAUSED";
  if (halfStates.length === 0 || halfStates.some((state) => state !== "ACTIVE")) return "UNKNOWN";
  return signals.hasProblems ? "DEGRADED" : "ACTIVE";
}

/** Higher is worse: for sorting links and choosing badge colours. */
const ROLLUP_SEVERITY: Record<LinkRollupState, number> = {
  FAILED: 5,
  UNAVAILABLE: 4,
  DEGRADED: 3,
  UNKNOWN: 2,
  PAUSED: 1,
  ACTIVE: 0,
};

export function linkRollupSeverity(state: LinkRollupState): number {
  return ROLLUP_SEVERITY[state];
}

/** Sorts worst first. */
export function compareLinkRollupSeverity(a: LinkRollupState, b: LinkRollupState): number {
  return ROLLUP_SEVERITY[b] - ROLLUP_SEVERITY[a];
}
