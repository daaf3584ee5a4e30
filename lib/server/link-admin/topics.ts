import "server-only";
import type { TopicView } from "@/lib/api/mirror-admin";
import { requireCluster, upstream, type LinkAdminDeps } from "./upstream";

/** A cluster's topics, for the wizards' pickers and filter previews. */
export async function listTopics(clusterName: string, deps: LinkAdminDeps): Promise<TopicView[]> {
  const { client } = requireCluster(deps, clusterName);
  const topics = await upstream(clusterName, () => client.topics.list());
  return topics
    .map((t) => ({ name: t.topicName, internal: t.isInternal, partitions: t.partitionsCount, replicationFactor: t.replicationFactor }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
