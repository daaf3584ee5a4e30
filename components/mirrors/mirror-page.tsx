"use client";
import { ApiRequestError } from "@/lib/client/fetch-json";
import { useMirror } from "@/lib/client/use-mirror";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { pagePaths } from "@/components/links/link-paths";
import { MirrorHeader } from "./mirror-header";
import { useEffect } from "react";
import { PartitionLagPanel, preloadMirrorPanels, StatusTimelinePanel } from "./lazy-panels";
import { PartitionsPanel } from "./partitions-panel";
import { StateTransitionErrors } from "./state-transition-errors";

function TransitionErrorsPanel({ cluster, link, topic }: { cluster: string; link: string; topic: string }) {
  const { data, isPending, error } = useMirror(cluster, link, topic);
  return (
    <Panel id="transition-errors" title="State transition errors">
      {/* Read per mirror, live: a last-known answer cannot say whether there are any. */}
      {data && !error ? (
        <StateTransitionErrors errors={data.stateTransitionErrors} />
      ) : isPending ? (
        <SkeletonBlock label="Loading state transition errors" lines={2} />
      ) : (
        <p className="text-sm text-muted">Not available while the mirror cannot be read.</p>
      )}
    </Panel>
  );
}

/** One mirror topic: is each partition caught up, how much would be lost on failover now, and what went wrong. */
export function MirrorPage({ cluster, link, topic }: { cluster: string; link: string; topic: string }) {
  const { data, error } = useMirror(cluster, link, topic);
  // No such mirror: the header says so once, instead of every panel failing to load.
  const notFound = !data && error instanceof ApiRequestError && error.code === "not-found";
  useEffect(preloadMirrorPanels, []);
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          { label: "Fleet", href: pagePaths.fleet() },
          { label: cluster, href: pagePaths.cluster(cluster) },
          { label: link, href: pagePaths.link(cluster, link) },
          { label: topic },
        ]}
      />
      <MirrorHeader cluster={cluster} link={link} topic={topic} />
      {notFound ? null : (
        <>
          <PartitionsPanel cluster={cluster} link={link} topic={topic} />
          <PartitionLagPanel cluster={cluster} link={link} topic={topic} />
          <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-2">
            <StatusTimelinePanel cluster={cluster} link={link} topic={topic} />
            <TransitionErrorsPanel cluster={cluster} link={link} topic={topic} />
          </div>
        </>
      )}
    </div>
  );
}
