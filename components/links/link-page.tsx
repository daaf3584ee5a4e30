"use client";
import { MirrorActionsPanel } from "@/components/actions/lazy-mirror-actions-panel";
import { ApiRequestError } from "@/lib/client/fetch-json";
import { useLinkDetail } from "@/lib/client/use-link";
import { usePrefetchLinkMirrors } from "@/lib/client/use-mirrors";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { useEffect } from "react";
import { ConsumerGroupsPanel, LinkAdminActions, LinkConfigsPanel, LinkLagPanel, MirrorsPanel, preloadLinkPanels } from "./lazy-panels";
import { LinkHeader } from "./link-header";
import { LinkTasksPanel } from "./link-tasks-panel";
import { pagePaths } from "./link-paths";
import { PartitionStatesPanel } from "./partition-states-panel";
import { SourceHalfNotice } from "./source-half-notice";

function LinkBody({
  cluster,
  link,
  isSourceHalf,
  destination,
}: {
  cluster: string;
  link: string;
  isSourceHalf: boolean;
  destination: string | null;
}) {
  // The mirror table, the lag panel and the mirror actions read the mirror list, and their code loads apart: ask for it now.
  usePrefetchLinkMirrors(cluster, link, { enabled: !isSourceHalf });
  return (
    <>
      <LinkAdminActions cluster={cluster} link={link} />
      {isSourceHalf ? <SourceHalfNotice cluster={cluster} link={link} destination={destination} /> : null}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <PartitionStatesPanel cluster={cluster} link={link} />
        <LinkTasksPanel cluster={cluster} link={link} />
      </div>
      {isSourceHalf ? null : (
        <>
          <LinkLagPanel cluster={cluster} link={link} />
          <MirrorsPanel cluster={cluster} link={link} />
          <ConsumerGroupsPanel cluster={cluster} link={link} />
        </>
      )}
      <LinkConfigsPanel cluster={cluster} link={link} />
    </>
  );
}

/** One link half: what is wrong, how far behind, which mirrors, and how it is configured, in that order. */
export function LinkPage({ cluster, link }: { cluster: string; link: string }) {
  const { data, error } = useLinkDetail(cluster, link);
  // A link that does not exist has no tasks, mirrors or configs to fail loading: the header's notice says it once.
  const notFound = !data && error instanceof ApiRequestError && error.code === "not-found";
  useEffect(preloadLinkPanels, []);
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[{ label: "Fleet", href: pagePaths.fleet() }, { label: cluster, href: pagePaths.cluster(cluster) }, { label: link }]}
      />
      <LinkHeader cluster={cluster} link={link} />
      {notFound ? null : (
        <>
          <LinkBody cluster={cluster} link={link} isSourceHalf={data?.linkMode === "SOURCE"} destination={data?.remoteCluster ?? null} />
          <MirrorActionsPanel cluster={cluster} link={link} />
        </>
      )}
    </div>
  );
}
