import type { LinkConsumerGroupsResponse } from "@/lib/domain/failover/consumer-group-types";
import type { ReportConsumerGroup } from "@/lib/domain/failover/runbook-report";

// Apart from the consumers step: the runbook computes the report's groups itself, and the step's code loads later.

export interface LinkGroupsState {
  link: string;
  data: LinkConsumerGroupsResponse | undefined;
  error: unknown;
  pending: boolean;
}

/** The groups of the links in scope, flattened for the run report. Null until every link has answered. */
export function reportConsumerGroups(states: readonly LinkGroupsState[]): ReportConsumerGroup[] | null {
  if (states.length === 0 || states.some((s) => !s.data)) return null;
  return states.flatMap((s) =>
    (s.data?.consumerGroups ?? []).map((g) => ({
      link: s.link,
      group: g.group,
      topics: g.topics,
      verdict: g.verdict,
      reason: g.reason,
      behindMessages: g.behindMessages,
      activeMembersOnDestination: g.activeMembersOnDestination,
    })),
  );
}
