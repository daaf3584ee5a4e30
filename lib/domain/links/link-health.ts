import { CONFIGURATION_CAUSES, type LinkFlow } from "../mirrors/flow";
import { areAllMirrorPartitionsPaused } from "../mirrors/mirror-states";
import type { LinkRollupState, PartitionStates } from "../types";

export { isLinkErrorPresent } from "./link-error";

/** What the rollup looks at; gathered by the topology derivation from the visible halves and clusters. */
export interface LinkHealthSignals {
  /** Whether data moves over the link, and if not why (flow.ts). */
  flow: LinkFlow;
  partitionStates: PartitionStates;
  /** Whether any problem sentence was raised for the link. */
  hasProblems: boolean;
}

/**
 * The one state vocabulary (docs/link-states.md), first match wins:
 * 1. Not flowing, and only a configuration change fixes it (credentials, bootstrap, a missing half): FAILED.
 * 2. Not flowing because someone paused it: PAUSED.
 * 3. Not flowing because a half reports a state Linkscope does not know: UNKNOWN.
 * 4. Not flowing for any outage (source down, destination unreadable, network cut, link UNAVAILABLE or timing out):
 *    NOT_FLOWING, whatever link_state says (it stays ACTIVE for the first 5 minutes of an outage).
 * 5. Flowing, but every mirror partition that still mirrors is paused: PAUSED.
 * 6. Flowing with problems: DEGRADED. 7. ACTIVE.
 */
export function rollupLinkState(signals: LinkHealthSignals): LinkRollupState {
  const { flow } = signals;
  if (!flow.flowing) {
    const code = flow.cause?.code;
    if (code !== undefined && CONFIGURATION_CAUSES.includes(code)) return "FAILED";
    if (code === "paused") return "PAUSED";
    if (code === "unknown-state") return "UNKNOWN";
    return "NOT_FLOWING";
  }
  if (areAllMirrorPartitionsPaused(signals.partitionStates)) return "PAUSED";
  return signals.hasProblems ? "DEGRADED" : "ACTIVE";
}

/** Higher is worse: for sorting links and choosing badge colours. */
const ROLLUP_SEVERITY: Record<LinkRollupState, number> = {
  FAILED: 5,
  NOT_FLOWING: 4,
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
