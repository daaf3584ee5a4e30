"use client";
import { SearchX } from "lucide-react";
import { formatReadingTime } from "@/lib/domain/reading-time";
import { useMemo } from "react";
import { useLinkMirrors } from "@/lib/client/use-mirrors";
import { useNow } from "@/lib/client/use-now";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { WarnNote } from "@/components/ui/warn-note";
import { MirrorFilters } from "./mirror-filters";
import { filterMirrors, sortMirrors, statusCounts } from "./mirror-sort";
import { toggleSort } from "./mirror-table-state";
import { MirrorsTable } from "./mirrors-table";
import { useMirrorTableUrlState } from "./use-mirror-table-url-state";

/** Said once above the table whose rows show stale lag as "≥ N" (StaleLag compact): since when it is only a floor. */
function StaleLagNote({ mirrors }: { mirrors: readonly { flowing: boolean; staleSince: number | null }[] }) {
  const since = mirrors.flatMap((m) => (!m.flowing && m.staleSince !== null ? [m.staleSince] : []));
  if (since.length === 0) return null;
  return (
    <WarnNote testId="stale-lag-note">
      {since.length === mirrors.length ? "No mirror" : `${since.length} of ${mirrors.length} mirrors`} of this link{" "}
      {since.length === mirrors.length ? "is" : "are not"} flowing: lag marked ≥ is the last known lag, as of{" "}
      {formatReadingTime(Math.min(...since))}, and the real lag is higher while the source produces.
    </WarnNote>
  );
}

export function MirrorsPanel({ cluster, link }: { cluster: string; link: string }) {
  const { data: mirrors, error, isPending, isError, lastKnownAsOf } = useLinkMirrors(cluster, link);
  const [state, setState] = useMirrorTableUrlState();
  const now = useNow(5_000);
  const counts = useMemo(() => statusCounts(mirrors ?? []), [mirrors]);
  const rows = useMemo(() => sortMirrors(filterMirrors(mirrors ?? [], state), state.sort, state.dir), [mirrors, state]);

  return (
    <Panel id="mirrors" title="Mirror topics" subtitle="Lag is in messages, live from the cluster; click a mirror for its partitions.">
      {mirrors ? (
        <div className="space-y-3">
          {isError ? <ApiErrorNotice compact stale error={error} cluster={cluster} what="the mirrors" asOf={lastKnownAsOf} /> : null}
          <MirrorFilters state={state} onChange={setState} counts={counts} shown={rows.length} total={mirrors.length} />
          <StaleLagNote mirrors={mirrors} />
          {mirrors.length === 0 ? (
            <EmptyState title="This link has no mirror topics yet.">
              Create mirror topics on {cluster}, or turn on <code className="font-mono">auto.create.mirror.topics.enable</code> with filters
              that match source topics.
            </EmptyState>
          ) : rows.length === 0 ? (
            <EmptyState icon={SearchX} title="No mirror matches these filters.">
              {state.status ? `Status is ${state.status}` : "Any status"}
              {state.q.trim() ? `, name contains “${state.q.trim()}”` : ""}. Clear the filters to see all {mirrors.length} mirrors.
            </EmptyState>
          ) : (
            <MirrorsTable
              mirrors={rows}
              state={state}
              onSort={(c) => setState(toggleSort(state, c))}
              cluster={cluster}
              link={link}
              now={now}
            />
          )}
        </div>
      ) : isPending ? (
        <SkeletonBlock label="Loading mirror topics" lines={6} />
      ) : (
        <ApiErrorNotice error={error} cluster={cluster} what="the mirrors" />
      )}
    </Panel>
  );
}
