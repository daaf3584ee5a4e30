import { rpoBudgetSeconds, type RpoBudgetSettings } from "@/lib/config/rpo-budgets";
import { hostsMirrors } from "@/lib/domain/link-modes";
import type { LinkHalfObservation } from "@/lib/domain/types";
import type { HostedHalfFigures } from "./alerting-metrics";

/** The alerting figures of every half that hosts mirrors, from what the clusters reported and the configured budgets. */
export function hostedHalfFigures(halves: readonly LinkHalfObservation[], budgets: RpoBudgetSettings): HostedHalfFigures[] {
  return halves.filter(hostsMirrors).map((h) => ({
    cluster: h.cluster,
    link: h.linkName,
    flow: null,
    maxLagSeconds: null,
    rpoBudgetSeconds: rpoBudgetSeconds(budgets, h.cluster, h.linkName),
    mirrors: (h.mirrors ?? []).map((m) => ({ name: m.name, status: m.status, lagSeconds: null })),
    tasks: h.tasks,
  }));
}
