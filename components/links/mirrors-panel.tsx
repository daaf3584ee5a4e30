"use client";
import { SearchX } from "lucide-react";
import { useMemo } from "react";
import { useLinkMirrors } from "@/lib/client/use-mirrors";
import { useNow } from "@/lib/client/use-now";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { MirrorFilters } from "./mirror-filters";
import { filterMirrors, sortMirrors, statusCounts } from "./mirror-sort";
import { toggleSort } from "./mirror-table-state";
import { MirrorsTable } from "./mirrors-table";
import { useMirrorTableUrlState } from "./use-mirror-table-url-state";

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
