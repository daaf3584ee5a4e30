"use client";
import { RefreshCw, ServerCrash } from "lucide-react";
import type { ClusterSummary } from "@/lib/api/clusters";
import { useClusters } from "@/lib/client/use-clusters";
import { useSettings } from "@/lib/client/settings-context";
import { ClusterStatusBadge } from "@/components/ui/cluster-status-badge";
import { SlowBadge } from "@/components/ui/slow-badge";
import { Freshness } from "@/components/ui/freshness";

function ClusterRow({ cluster }: { cluster: ClusterSummary }) {
  return (
    <tr className="border-t border-border align-top" data-testid={`cluster-row-${cluster.name}`}>
      <th scope="row" className="px-4 py-3 text-left font-normal">
        <div className="font-semibold text-fg">{cluster.displayName}</div>
        <div className="font-mono text-xs text-muted">{cluster.name}</div>
      </th>
      <td className="px-4 py-3 font-mono text-xs text-muted">{cluster.id ?? "—"}</td>
      <td className="px-4 py-3 text-sm">{cluster.network ?? "—"}</td>
      <td className="px-4 py-3 text-sm">{cluster.region ?? "—"}</td>
      <td className="px-4 py-3">
        <span className="inline-flex flex-wrap items-center gap-1.5">
          <ClusterStatusBadge status={cluster.status} />
          <SlowBadge latencyMs={cluster.status === "ok" ? cluster.latencyMs : null} />
        </span>
        {cluster.error ? <p className="mt-1 max-w-md text-sm text-fg">{cluster.error}</p> : null}
      </td>
    </tr>
  );
}

function SkeletonRows() {
  return (
    <>
      {[0, 1, 2].map((i) => (
        <tr key={i} className="border-t border-border">
          {[0, 1, 2, 3, 4].map((j) => (
            <td key={j} className="px-4 py-4">
              <div className="h-4 w-24 animate-pulse rounded bg-surface-2" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

export function ClusterList() {
  const { data, error, isPending, isFetching, refetch, dataUpdatedAt, isError } = useClusters();
  const { pollIntervalMs } = useSettings();
  return (
    <section aria-labelledby="clusters-heading" className="rounded-lg border border-border bg-surface">
      <div className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-3">
        <h2 id="clusters-heading" className="text-base font-semibold">
          Clusters
        </h2>
        <Freshness updatedAt={dataUpdatedAt} pollIntervalMs={pollIntervalMs} failing={isError} />
        <button
          type="button"
          onClick={() => void refetch()}
          disabled={isFetching}
          className="ml-auto inline-flex items-center gap-1.5 rounded border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60"
        >
          <RefreshCw aria-hidden className={isFetching ? "size-4 animate-spin" : "size-4"} />
          {isFetching ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {error && !data ? (
        <div role="alert" className="flex items-start gap-3 px-4 py-6 text-sm">
          <ServerCrash aria-hidden className="size-5 shrink-0 text-err" />
          <div>
            <p className="font-semibold text-err">Could not load the clusters.</p>
            <p className="mt-1 text-fg">{error.message}</p>
          </div>
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">Configured clusters and their live status</caption>
            <thead className="text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Cluster
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Cluster id
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Network
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Region
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody aria-busy={isPending}>
              {isPending ? <SkeletonRows /> : data?.clusters.map((c) => <ClusterRow key={c.name} cluster={c} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
