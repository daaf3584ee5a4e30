import { compareStrings } from "../compare";
import type { CategoryCount, MirrorSummary, PartitionStates } from "../types";

/** The `mirror_status` values Confluent Cloud documents (a closed enum there; Platform sends a subset). */
export const KNOWN_MIRROR_STATUSES = [
  "ACTIVE",
  "FAILED",
  "LINK_FAILED",
  "LINK_PAUSED",
  "PAUSED",
  "PENDING_STOPPED",
  "SOURCE_UNAVAILABLE",
  "STOPPED",
  "PENDING_MIRROR",
  "PENDING_SYNCHRONIZE",
  "PENDING_SETUP_FOR_RESTORE",
  "PENDING_RESTORE",
] as const;
export type KnownMirrorStatus = (typeof KNOWN_MIRROR_STATUSES)[number];

/** The `state_category` values of `category_counts`, in display order. */
export const PARTITION_STATE_CATEGORIES = ["ACTIVE", "PAUSED", "PENDING", "IN_ERROR", "NOT_APPLICABLE"] as const;
export type PartitionStateCategory = (typeof PARTITION_STATE_CATEGORIES)[number];

// There is no official status → category mapping; this is the dashboard policy from the reference (§7).
const CATEGORY_OF_STATUS: Record<KnownMirrorStatus, PartitionStateCategory> = {
  ACTIVE: "ACTIVE",
  PAUSED: "PAUSED",
  LINK_PAUSED: "PAUSED",
  PENDING_STOPPED: "PENDING",
  PENDING_MIRROR: "PENDING",
  PENDING_SYNCHRONIZE: "PENDING",
  PENDING_SETUP_FOR_RESTORE: "PENDING",
  PENDING_RESTORE: "PENDING",
  FAILED: "IN_ERROR",
  LINK_FAILED: "IN_ERROR",
  SOURCE_UNAVAILABLE: "IN_ERROR",
  STOPPED: "NOT_APPLICABLE",
};

export function isKnownMirrorStatus(status: string): status is KnownMirrorStatus {
  return Object.hasOwn(CATEGORY_OF_STATUS, status);
}

export function isKnownPartitionStateCategory(category: string): category is PartitionStateCategory {
  return (PARTITION_STATE_CATEGORIES as readonly string[]).includes(category);
}

/**
 * The partition state category of a mirror status. A status this code does not know yet becomes its own
 * category, verbatim, so it shows up instead of being silently counted as something it is not.
 */
export function categoryOfMirrorStatus(status: string): string {
  if (isKnownMirrorStatus(status)) return CATEGORY_OF_STATUS[status];
  if (status.startsWith("PENDING_")) return "PENDING";
  return status;
}

export function isMirrorInError(status: string): boolean {
  return categoryOfMirrorStatus(status) === "IN_ERROR";
}

export function isMirrorPaused(status: string): boolean {
  return categoryOfMirrorStatus(status) === "PAUSED";
}

export function isMirrorPending(status: string): boolean {
  return categoryOfMirrorStatus(status) === "PENDING";
}

/** STOPPED mirrors were promoted or failed over: they are regular topics now and no longer mirror anything. */
export function isMirrorStopped(status: string): boolean {
  return categoryOfMirrorStatus(status) === "NOT_APPLICABLE";
}

/** Higher is worse. Unknown statuses rank just below errors: they need a look, but nothing says they are broken. */
const SEVERITY_OF_STATUS: Record<KnownMirrorStatus, number> = {
  FAILED: 90,
  LINK_FAILED: 85,
  SOURCE_UNAVAILABLE: 80,
  PAUSED: 60,
  LINK_PAUSED: 55,
  PENDING_STOPPED: 40,
  PENDING_SYNCHRONIZE: 38,
  PENDING_SETUP_FOR_RESTORE: 36,
  PENDING_RESTORE: 34,
  PENDING_MIRROR: 32,
  ACTIVE: 10,
  STOPPED: 0,
};
const UNKNOWN_STATUS_SEVERITY = 70;

export function mirrorStatusSeverity(status: string): number {
  return isKnownMirrorStatus(status) ? SEVERITY_OF_STATUS[status] : UNKNOWN_STATUS_SEVERITY;
}

/** Sorts worst first; ties break by status name so the order is stable. */
export function compareMirrorStatusSeverity(a: string, b: string): number {
  return mirrorStatusSeverity(b) - mirrorStatusSeverity(a) || compareStrings(a, b);
}

/** How a badge should look. */
export type MirrorStatusTone = "error" | "unknown" | "warning" | "pending" | "ok" | "neutral";

export function mirrorStatusTone(status: string): MirrorStatusTone {
  switch (categoryOfMirrorStatus(status)) {
    case "IN_ERROR":
      return "error";
    case "PAUSED":
      return "warning";
    case "PENDING":
      return "pending";
    case "ACTIVE":
      return "ok";
    case "NOT_APPLICABLE":
      return "neutral";
    default:
      return "unknown";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Partition state counts
// ---------------------------------------------------------------------------------------------------------------

export function emptyPartitionStates(): PartitionStates {
  return { ACTIVE: 0, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 };
}

function addCount(states: PartitionStates, category: string, count: number): void {
  states[category] = (states[category] ?? 0) + count;
}

/** Partition counts from a mirror list: each mirror's status applies to all of its partitions ("derived"). */
export function derivePartitionStates(mirrors: readonly Pick<MirrorSummary, "status" | "partitions">[]): PartitionStates {
  const states = emptyPartitionStates();
  for (const mirror of mirrors) addCount(states, categoryOfMirrorStatus(mirror.status), mirror.partitions);
  return states;
}

/** Partition counts as the cluster reported them in `category_counts` ("reported"); unknown categories kept. */
export function partitionStatesFromCategoryCounts(counts: readonly CategoryCount[]): PartitionStates {
  const states = emptyPartitionStates();
  for (const { stateCategory, count } of counts) addCount(states, stateCategory, count);
  return states;
}

export function addPartitionStates(...all: readonly PartitionStates[]): PartitionStates {
  const sum = emptyPartitionStates();
  for (const states of all) for (const [category, count] of Object.entries(states)) addCount(sum, category, count);
  return sum;
}

export function totalPartitions(states: PartitionStates): number {
  return Object.values(states).reduce((sum, count) => sum + count, 0);
}

/** Categories this code does not know that hold at least one partition, in name order. */
export function unrecognisedPartitionCategories(states: PartitionStates): string[] {
  return Object.keys(states)
    .filter((category) => !isKnownPartitionStateCategory(category) && (states[category] ?? 0) > 0)
    .sort(compareStrings);
}

/** True when there is something to mirror and every partition that still mirrors is paused. */
export function areAllMirrorPartitionsPaused(states: PartitionStates): boolean {
  const stillMirroring = totalPartitions(states) - states.NOT_APPLICABLE;
  return states.PAUSED > 0 && states.PAUSED === stillMirroring;
}
