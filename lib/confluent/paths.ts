import "server-only";

/*
 * Typed path builders. Names are URL-encoded segment by segment; `:action` suffixes are literal path text and are
 * appended after encoding so the colon is never escaped.
 */
const seg = encodeURIComponent;
const V3 = "/kafka/v3";

export const apiPaths = {
  clusters: () => `${V3}/clusters`,
  cluster: (clusterId: string) => `${V3}/clusters/${seg(clusterId)}`,
  links: (clusterId: string) => `${apiPaths.cluster(clusterId)}/links`,
  link: (clusterId: string, linkName: string) => `${apiPaths.links(clusterId)}/${seg(linkName)}`,
  linkConfigs: (clusterId: string, linkName: string) => `${apiPaths.link(clusterId, linkName)}/configs`,
  linkConfig: (clusterId: string, linkName: string, configName: string) =>
    `${apiPaths.linkConfigs(clusterId, linkName)}/${seg(configName)}`,
  linkConfigsAlter: (clusterId: string, linkName: string) => `${apiPaths.linkConfigs(clusterId, linkName)}:alter`,
  mirrors: (clusterId: string, linkName: string) => `${apiPaths.link(clusterId, linkName)}/mirrors`,
  /** Every mirror on the cluster, across links: the literal `-` link name. */
  allMirrors: (clusterId: string) => `${apiPaths.links(clusterId)}/-/mirrors`,
  mirror: (clusterId: string, linkName: string, topicName: string) => `${apiPaths.mirrors(clusterId, linkName)}/${seg(topicName)}`,
  mirrorAction: (clusterId: string, linkName: string, action: string) => `${apiPaths.mirrors(clusterId, linkName)}:${action}`,
  consumerGroups: (clusterId: string) => `${apiPaths.cluster(clusterId)}/consumer-groups`,
  consumerGroup: (clusterId: string, groupId: string) => `${apiPaths.consumerGroups(clusterId)}/${seg(groupId)}`,
  topics: (clusterId: string) => `${apiPaths.cluster(clusterId)}/topics`,
  topic: (clusterId: string, topicName: string) => `${apiPaths.topics(clusterId)}/${seg(topicName)}`,
};
