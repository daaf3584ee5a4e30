import { describeSeconds, isOverBudget } from "@/lib/domain/failover/rpo-budget";
import type { TopologyLink } from "@/lib/domain/types";

/** Short words for the graph's edge label when the link's estimated lag is over its RPO budget; null otherwise. */
export function overBudgetLabel(link: Pick<TopologyLink, "maxLagSeconds" | "rpoSeconds">): string | null {
  if (link.rpoSeconds === null || link.maxLagSeconds === null || !isOverBudget(link.maxLagSeconds, link.rpoSeconds)) return null;
  return `≈${describeSeconds(link.maxLagSeconds)} > RPO ${describeSeconds(link.rpoSeconds)}`;
}
