import { Suspense } from "react";
import { ClusterList } from "@/components/clusters/cluster-list";
import { TopologySkeleton } from "@/components/topology/topology-skeleton";
import { TopologyView } from "@/components/topology/topology-view";
import { NewLinkButton } from "@/components/wizards/link-admin/new-link-button";

export default function HomePage() {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Fleet topology</h1>
          <p className="mt-1 text-sm text-muted">
            What replicates where, which way the connections go, and what is broken: live from every cluster&apos;s REST API.
          </p>
        </div>
        <NewLinkButton />
      </div>
      <Suspense fallback={<TopologySkeleton />}>
        <TopologyView />
      </Suspense>
      <ClusterList />
    </div>
  );
}
