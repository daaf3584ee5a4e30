import "server-only";
import type { ClusterConfig } from "@/lib/config/schema";
import { createClusterIdResolver, createClustersApi, type ClustersApi } from "./clusters";
import { createConsumerGroupsApi, type ConsumerGroupsApi } from "./consumer-groups";
import { createLinkConfigsApi, type LinkConfigsApi } from "./link-configs";
import { createLinksApi, type LinksApi } from "./links";
import { createMirrorActionsApi, type MirrorActionsApi } from "./mirror-actions";
import { createMirrorsApi, type MirrorsApi } from "./mirrors";
import { createTopicsApi, type TopicsApi } from "./topics";
import { createTransport, type TransportOptions } from "./transport";

export type ConfluentClientOptions = TransportOptions;

/** A Kafka REST v3 client bound to one configured cluster. */
export interface ConfluentClient {
  readonly clusterName: string;
  /** The configured id, or the one discovered with GET /kafka/v3/clusters. */
  clusterId(): Promise<string>;
  clusters: ClustersApi;
  links: LinksApi;
  linkConfigs: LinkConfigsApi;
  mirrors: MirrorsApi;
  mirrorActions: MirrorActionsApi;
  topics: TopicsApi;
  consumerGroups: ConsumerGroupsApi;
  /** Closes the cluster's connection pool. */
  close(): Promise<void>;
}

export function createConfluentClient(cluster: ClusterConfig, options: ConfluentClientOptions = {}): ConfluentClient {
  const transport = createTransport(cluster, options);
  const clusters = createClustersApi(transport);
  const clusterId = createClusterIdResolver(cluster, clusters, transport.origin);
  const ctx = { transport, clusterId };
  return {
    clusterName: cluster.name,
    clusterId,
    clusters,
    links: createLinksApi(ctx),
    linkConfigs: createLinkConfigsApi(ctx),
    mirrors: createMirrorsApi(ctx),
    mirrorActions: createMirrorActionsApi(ctx),
    topics: createTopicsApi(ctx),
    consumerGroups: createConsumerGroupsApi(ctx),
    close: () => transport.close(),
  };
}
