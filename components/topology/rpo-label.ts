import { describeSeconds, isOverBudget } from "@/lib/domain/failover/rpo-budget";
import type { TopologyLink } from "@/lib/domain/types";

/**
 * Short words for the graph's edge label when the link's estimated lag is over its RPO budget; null otherwise. A link
 * that stopped flowing has a floor ("≥"), not an estimate ("≈").
 */
export function overBudgetLabel(link: Pick<TopologyLink, "maxLagSeconds" | "rpoSeconds"> & { staleSince?: number | null }): string | null {
  if (link.rpoSeconds === null || link.maxLagSeconds === null || !isOverBudget(link.maxLagSeconds, link.rpoSeconds)) return null;
  const sign = link.staleSince === null || link.staleSince === undefined ? "≈" : "≥";
  return `${sign}${describeSeconds(link.maxLagSeconds)} > RPO ${describeSeconds(link.rpoSeconds)}`;
}
