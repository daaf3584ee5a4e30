"use client";
import { ProblemList } from "@/components/ui/problem-list";
import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import type { LinkDetail } from "@/lib/api/links";
import type { TopologyLinkHalf } from "@/lib/domain/types";
import { queryKeys } from "@/lib/client/query-keys";
import { useSettings } from "@/lib/client/settings-context";
import { useLinkDetail, useTopologyLink } from "@/lib/client/use-link";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ClusterStatusBadge } from "@/components/ui/cluster-status-badge";
import { Freshness } from "@/components/ui/freshness";
import { RefreshButton } from "@/components/ui/refresh-button";
import { Skeleton } from "@/components/ui/skeleton";
import { LinkStateBadge, StateBadge } from "@/components/ui/state-badge";
import { LinkFlowDiagram } from "./link-flow-diagram";
import { LinkHalves } from "./link-halves";
import { pagePaths } from "./link-paths";
import { KIND_LABEL, KIND_MEANING, linkShapeFromHalf, type LinkShape } from "./link-shape";

function halfOf(detail: LinkDetail): TopologyLinkHalf {
  return {
    cluster: detail.cluster,
    linkMode: detail.linkMode,
    connectionMode: detail.connectionMode,
    state: detail.state,
    error: detail.error,
    errorMessage: detail.errorMessage,
  };
}

/** Name, kind, overall state, both halves with their errors, the connection-vs-data diagram and the remote cluster. */
export function LinkHeader({ cluster, link }: { cluster: string; link: string }) {
  const { pollIntervalMs } = useSettings();
  const detail = useLinkDetail(cluster, link);
  const topology = useTopologyLink({ cluster, link, linkId: detail.data?.id });
  const topoLink = topology.data?.link ?? null;
  const d = detail.data;

  // While this cluster is down the topology may see only the other half; keep this half's last known state beside it.
  const halves = [...(topoLink?.halves ?? []), ...(d && !topoLink?.halves.some((h) => h.cluster === cluster) ? [halfOf(d)] : [])];
  const shape: LinkShape | null = topoLink
    ? { kind: topoLink.kind, connections: topoLink.connections, flows: topoLink.flows }
    : d
      ? linkShapeFromHalf(d)
      : null;
  const kind = d?.kind ?? topoLink?.kind ?? shape?.kind ?? null;
  const remote = d?.remoteCluster ?? (topoLink ? ([topoLink.source, topoLink.destination].find((c) => c && c !== cluster) ?? null) : null);
  const remoteInfo = topology.data?.clusters.find((c) => c.name === remote);
  const problems = d?.problems ?? topoLink?.problems ?? [];
  const loading = detail.isPending && topology.isPending;

  return (
    <header className="space-y-4 rounded-lg border border-border bg-surface px-4 py-4">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-muted">Cluster link</p>
          <h1 className="break-all text-2xl font-semibold tracking-tight">{link}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-2 pt-5">
          {kind ? (
            <StateBadge label={KIND_LABEL[kind]} tone="neutral" title={KIND_MEANING[kind]} />
          ) : loading ? (
            <Skeleton className="h-5 w-32" />
          ) : null}
          {topoLink ? (
            <span className="inline-flex items-center gap-1 text-xs text-muted" title="Both halves and every mirror partition, rolled up">
              overall <LinkStateBadge state={topoLink.state} />
            </span>
          ) : null}
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-3 pt-4">
          <Freshness updatedAt={detail.dataUpdatedAt} pollIntervalMs={pollIntervalMs} failing={detail.isError} />
          <RefreshButton prefixes={[queryKeys.link(cluster, link), queryKeys.topology()]} />
        </div>
      </div>

      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-muted">This half on</dt>
          <dd>
            <Link href={pagePaths.cluster(cluster)} className="font-medium text-accent hover:underline">
              {cluster}
            </Link>
            {d ? (
              <span className="text-muted">
                {" "}
                ({d.linkMode}, {d.connectionMode})
              </span>
            ) : null}
          </dd>
        </div>
        {remote || loading ? (
          <div className="flex items-center gap-1.5">
            <dt className="text-muted">Remote cluster</dt>
            <dd className="flex items-center gap-1.5">
              {remote ? (
                <>
                  <span className="font-medium">{remote}</span>
                  {remoteInfo && remoteInfo.displayName !== remote ? <span className="text-muted">{remoteInfo.displayName}</span> : null}
                  {remoteInfo ? <ClusterStatusBadge status={remoteInfo.status} /> : null}
                </>
              ) : (
                <Skeleton className="h-4 w-24" />
              )}
            </dd>
          </div>
        ) : null}
        {d ? (
          <div className="flex gap-1.5">
            <dt className="text-muted">Cluster link id</dt>
            <dd className="font-mono text-xs leading-5">{d.clusterLinkId}</dd>
          </div>
        ) : null}
      </dl>

      {detail.isError ? (
        <ApiErrorNotice error={detail.error} cluster={cluster} what={`link ${link}`} stale={d !== undefined} asOf={d?.asOf ?? null} />
      ) : null}

      {problems.length > 0 ? (
        <div role="status" aria-label="Link problems" className="rounded-md bg-warn-bg px-3 py-2 text-sm">
          <p className="flex items-center gap-1.5 font-semibold text-warn">
            <TriangleAlert aria-hidden className="size-4" />
            {problems.length === 1 ? "1 problem" : `${problems.length} problems`}
          </p>
          <ProblemList problems={problems} className="mt-1 list-disc space-y-0.5 pl-6 text-fg" itemClassName="break-words" />
        </div>
      ) : null}

      {halves.length > 0 || loading ? (
        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_420px]">
          <div>
            <h2 className="mb-2 text-sm font-semibold">Halves</h2>
            {halves.length > 0 ? <LinkHalves halves={halves} link={link} current={cluster} /> : <Skeleton className="h-20 w-full" />}
            {topoLink === null && !topology.isPending && d ? (
              <p className="mt-2 text-xs text-muted">The fleet topology does not show this link right now, so only this half is shown.</p>
            ) : null}
          </div>
          <div>
            <h2 className="mb-2 text-sm font-semibold">Connection vs data flow</h2>
            {shape ? <LinkFlowDiagram shape={shape} highlight={cluster} /> : <Skeleton className="h-24 w-full" />}
          </div>
        </div>
      ) : null}
    </header>
  );
}
