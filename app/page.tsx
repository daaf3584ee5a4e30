import { ClusterList } from "@/components/clusters/cluster-list";

export default function HomePage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Fleet</h1>
        <p className="mt-1 text-sm text-muted">Every configured cluster, checked live through its Confluent REST API.</p>
      </div>
      <ClusterList />
    </div>
  );
}
