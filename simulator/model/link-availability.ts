/**
 * Link availability as a pure function of the connection's health and time: what link_state,
 * link_error and the mirrors' overlay are at a given instant.
 */
import type { LinkOverlay } from "./mirror-state";

export type LinkError =
  | "NO_ERROR"
  | "UNKNOWN"
  | "AUTHENTICATION_ERROR"
  | "UNRESOLVABLE_BOOTSTRAP_ERROR"
  | "INVALID_BOOTSTRAP_INTERNAL_ENDPOINT_ERROR"
  | "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR"
  | "TIMEOUT_ERROR";

/**
 * unreachable: the remote cannot be reached (retried until cluster.link.retry.timeout.ms, then UNAVAILABLE);
 * auth: the remote rejected the credentials (FAILED at once);
 * misconfigured: the link cannot work as configured (FAILED at once).
 */
export type ProblemKind = "unreachable" | "auth" | "misconfigured";

export interface ConnectionProblem {
  kind: ProblemKind;
  error: LinkError;
  message: string;
}

export interface LinkHealth {
  problem: ConnectionProblem | null;
  /** When the current unbroken streak of problems began (null while healthy). */
  since: number | null;
}

export const HEALTHY: LinkHealth = { problem: null, since: null };

/** The streak start survives a change of problem, so a flapping cause does not reset the retry timeout. */
export function nextHealth(prev: LinkHealth, problem: ConnectionProblem | null, at: number): LinkHealth {
  if (!problem) return HEALTHY;
  return { problem, since: prev.since ?? at };
}

export function sameProblem(a: ConnectionProblem | null, b: ConnectionProblem | null): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.error === b.error && a.message === b.message;
}

export type LinkState = "ACTIVE" | "FAILED" | "UNAVAILABLE" | "PAUSED";

export interface LinkView {
  linkState: LinkState;
  linkError: LinkError;
  linkErrorMessage: string | null;
  /** Data moves over the link right now. */
  flowing: boolean;
  /** The remote can be reached (for promote's final sync and reverse). */
  reachable: boolean;
  overlay: LinkOverlay;
  /** When the overlay began, for the mirrors' state_time_ms. */
  overlaySince: number | null;
}

export function linkView(health: LinkHealth, opts: { paused: boolean; retryTimeoutMs: number; now: number }): LinkView {
  const { problem, since } = health;
  if (!problem) {
    if (opts.paused) {
      return {
        linkState: "PAUSED",
        linkError: "NO_ERROR",
        linkErrorMessage: null,
        flowing: false,
        reachable: true,
        overlay: "LINK_PAUSED",
        overlaySince: null,
      };
    }
    return {
      linkState: "ACTIVE",
      linkError: "NO_ERROR",
      linkErrorMessage: null,
      flowing: true,
      reachable: true,
      overlay: "none",
      overlaySince: null,
    };
  }
  const base = { linkError: problem.error, linkErrorMessage: problem.message, flowing: false, reachable: false };
  if (problem.kind === "auth" || problem.kind === "misconfigured") {
    return { ...base, linkState: "FAILED", overlay: "LINK_FAILED", overlaySince: since };
  }
  const unavailableAt = (since ?? opts.now) + opts.retryTimeoutMs;
  if (opts.now >= unavailableAt) {
    return { ...base, linkState: "UNAVAILABLE", overlay: "SOURCE_UNAVAILABLE", overlaySince: unavailableAt };
  }
  return { ...base, linkState: opts.paused ? "PAUSED" : "ACTIVE", overlay: opts.paused ? "LINK_PAUSED" : "none", overlaySince: null };
}
