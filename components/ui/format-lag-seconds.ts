import { formatSeconds } from "./format";

/**
 * An estimated lag in seconds in words: "≈ 7m 10s" while the mirror flows, "≥ 12m" once it stopped (its lag is a
 * floor), "unknown" when the readings cannot tell yet (never a dash that reads as zero).
 */
export function formatLagSeconds(seconds: number | null, atLeast: boolean): string {
  if (seconds === null) return "unknown";
  return `${atLeast ? "≥" : "≈"} ${formatSeconds(seconds)}`;
}
