"use client";
import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { queryKeys } from "@/lib/client/query-keys";
import { useSettings } from "@/lib/client/settings-context";
import { useLinkDetail } from "@/lib/client/use-link";
import { useMirror } from "@/lib/client/use-mirror";
import { useNow } from "@/lib/client/use-now";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { formatCount, formatDuration, formatTimestamp } from "@/components/ui/format";
import { formatLagSeconds } from "@/components/ui/format-lag-seconds";
import { Freshness } from "@/components/ui/freshness";
import { RefreshButton } from "@/components/ui/refresh-button";
import { Skeleton } from "@/components/ui/skeleton";
import { MirrorStatusBadge } from "@/components/ui/state-badge";
import { MIRROR_STATUS_MEANING } from "@/components/ui/state-tones";
import { pagePaths } from "@/components/links/link-paths";
import { mirrorErrorOf } from "@/components/links/mirror-error";
import { StaleLag } from "@/components/ui/stale-lag";
import { formatReadingTime } from "@/lib/domain/reading-time";

const TOPIC_ERROR_MEANING: Record<string, string> = {
  SOURCE_TOPIC_MAY_BE_DELETED: "The source topic may have been deleted; the mirror cannot continue.",
  SOURCE_TOPIC_ID_CHANGED: "The source topic was deleted and recreated under the same name.",
  SOURCE_PARTITIONS_DECREASED: "The source topic has fewer partitions than the mirror.",
  UNEXPECTED_TRUNCATION: "The source log was truncated unexpectedly.",
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 font-medium">{children}</dd>
    </div>
  );
}

/** Which mirror, in what state since when, how far behind overall, and the error the cluster reports for it. */
export function MirrorHeader({ cluster, link, topic }: { cluster: string; link: string; topic: string }) {
  const { pollIntervalMs } = useSettings();
  const mirror = useMirror(cluster, link, topic);
  const linkDetail = useLinkDetail(cluster, link);
  const now = useNow(5_000);
  const m = mirror.data;
  const error = m ? mirrorErrorOf(m) : null;
  const remote = linkDetail.data?.remoteCluster;

  return (
    <header className="space-y-4 rounded-lg border border-border bg-surface px-4 py-4">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-muted">Mirror topic</p>
          <h1 className="break-all text-2xl font-semibold tracking-tight">{topic}</h1>
        </div>
        <div className="pt-5">
          {m ? <MirrorStatusBadge status={m.status} /> : mirror.isPending ? <Skeleton className="h-5 w-20" /> : null}
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-3 pt-4">
          <Freshness updatedAt={mirror.dataUpdatedAt} pollIntervalMs={pollIntervalMs} failing={mirror.isError} />
          <RefreshButton prefixes={[queryKeys.mirror(cluster, link, topic)]} />
        </div>
      </div>
      <p className="text-sm text-muted">
        On{" "}
        <Link href={pagePaths.cluster(cluster)} className="font-medium text-accent hover:underline">
          {cluster}
        </Link>
        , link{" "}
        <Link href={pagePaths.link(cluster, link)} className="font-medium text-accent hover:underline">
          {link}
        </Link>
        {m ? (
          <>
            , mirroring <span className="font-mono text-fg">{m.sourceTopic}</span>
            {remote ? ` from ${remote}` : ""}
          </>
        ) : null}
        .
      </p>

      {mirror.isError ? (
        <ApiErrorNotice error={mirror.error} cluster={cluster} what={`mirror ${topic}`} stale={m !== undefined} asOf={m?.asOf ?? null} />
      ) : null}

      {m ? (
        <>
          {m.staleSince !== null ? (
            // The cluster's status is what it was told last: a destination that cannot fetch still says ACTIVE.
            <p role="note" className="flex items-start gap-2 rounded-md bg-warn-bg px-3 py-2 text-sm" data-testid="mirror-not-flowing">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
              <span>
                No data moves into this mirror since {formatReadingTime(m.staleSince)}: {cluster} still reports it {m.status}, and its lag
                is the last known, at least that while the source produces. The link&apos;s page says why.
              </span>
            </p>
          ) : m.status in MIRROR_STATUS_MEANING ? (
            <p className="text-sm">{MIRROR_STATUS_MEANING[m.status]}</p>
          ) : null}
          {error ? (
            <p role="status" className="flex items-start gap-2 rounded-md bg-err-bg px-3 py-2 text-sm">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-err" />
              <span>
                <span className="font-mono font-semibold text-err">{error}</span>
                {TOPIC_ERROR_MEANING[error] ? <span className="text-fg">: {TOPIC_ERROR_MEANING[error]}</span> : null}
              </span>
            </p>
          ) : null}
          {m.problems.length > 0 ? (
            <ul className="space-y-1" aria-label="Problems">
              {m.problems.map((p) => (
                <li key={p.code} className="flex items-start gap-2 rounded-md bg-warn-bg px-3 py-2 text-sm">
                  <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
                  <span>{p.message}.</span>
                </li>
              ))}
            </ul>
          ) : null}
          <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
            <Fact label="Partitions">{formatCount(m.partitions)}</Fact>
            <Fact label="Max lag (messages)">
              <StaleLag staleSince={m.flowing ? null : m.staleSince}>{formatCount(m.maxLag)}</StaleLag>
            </Fact>
            <Fact label="Total lag (messages)">
              <StaleLag staleSince={m.flowing ? null : m.staleSince}>{formatCount(m.totalLag)}</StaleLag>
            </Fact>
            <Fact label="Behind the source (estimate)">
              <span
                className="font-mono tabular-nums"
                title="Worst partition's lag ÷ its source's produce rate over the last ~5 minutes of Linkscope's readings; while the mirror is stale, a floor that grows with the time since it stopped."
              >
                {formatLagSeconds(m.lagSeconds, m.staleSince !== null)}
              </span>
            </Fact>
            <Fact label={`In ${m.status} for`}>
              <span title={formatTimestamp(m.stateTimeMs)}>{formatDuration(now - m.stateTimeMs)}</span>
            </Fact>
            <Fact label="Since">{formatTimestamp(m.stateTimeMs)}</Fact>
          </dl>
        </>
      ) : mirror.isPending ? (
        <Skeleton className="h-12 w-full" />
      ) : null}
    </header>
  );
}
