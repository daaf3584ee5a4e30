import { formatCount } from "@/components/ui/format";
import { formatRiskSeconds } from "@/lib/domain/failover/readiness";

/** What a failover would lose, in words; never "caught up" for stale mirrors (their last known lag is a floor). */
export function lossText(risk: { messages: number | null; seconds: number | null; atLeast?: boolean; estimate?: number | null }): string {
  if (risk.messages === null) return "how many is unknown (no lag reported)";
  if (risk.atLeast) {
    // Stale mirrors: the last known lag is a floor, never "caught up" (docs/link-states.md).
    const estimate =
      risk.estimate === null || risk.estimate === undefined ? "estimate unknown" : `estimate about ${formatCount(risk.estimate)}`;
    return `at least ${formatCount(risk.messages)} messages as last known, ${estimate}, and growing while the source produces`;
  }
  if (risk.messages === 0) return "none right now, every mirror has caught up";
  return `${formatCount(risk.messages)} messages${risk.seconds === null ? " (seconds unknown without lag history)" : `, ${formatRiskSeconds(risk.seconds)} of production`}`;
}
