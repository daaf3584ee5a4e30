import { ChartNoAxesColumn, Clock } from "lucide-react";
import { ApiRequestError } from "@/lib/client/fetch-json";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

/** True when this server has no history route at all (an HTML 404), as opposed to a history error. */
export function isHistoryMissing(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 404 && error.code === "http-error";
}

export function ChartSkeleton({ height, label }: { height: number; label: string }) {
  return (
    <div role="status" aria-label={label}>
      <Skeleton className="mb-2 h-4 w-40" />
      <div aria-hidden className="animate-pulse rounded bg-surface-2" style={{ height }} />
    </div>
  );
}

/** Why a history chart is not drawn, in words. */
export function HistoryProblem({ error, cluster, rangeTitle }: { error: unknown; cluster: string; rangeTitle: string }) {
  if (isHistoryMissing(error)) {
    return (
      <EmptyState icon={ChartNoAxesColumn} title="Lag history is not available from this Linkscope server.">
        GET /api/history is missing; live lag in the tables below is unaffected.
      </EmptyState>
    );
  }
  return <ApiErrorNotice error={error} cluster={cluster} what={`the lag history for the ${rangeTitle}`} />;
}

export function NoHistoryYet({ rangeTitle }: { rangeTitle: string }) {
  return (
    <EmptyState icon={Clock} title={`No lag history for the ${rangeTitle} yet.`}>
      Linkscope records lag on a fixed interval while it runs; the chart fills in as samples arrive. Pick a longer range to see older data.
    </EmptyState>
  );
}

export function historySourceLabel(source: string): string {
  if (source === "sampler") return "Sampled by Linkscope";
  if (source === "prometheus") return "From Prometheus";
  return `Source: ${source}`;
}
