/**
 * Kafka REST v3 answers the project's own tests serve (the fixture server), written here so that tests of the client's
 * behaviour need nothing outside the repository. bodies.test.ts checks each against Confluent's OpenAPI spec (tag
 * vendor-refs). Recorded vendor answers stay in ../shared/refs/fixtures, for the tests that judge the client on them.
 */
const HOST = "https://pkc-test.region.provider.confluent.cloud";
const self = (path: string) => `${HOST}${path}`;

/**
 * GET /kafka/v3/clusters/{cluster}/links: three links as a destination cluster sees them: one it pulls from its
 * source, one (bidirectional) failing authentication, one whose destination it is the source for.
 */
export function linkList(cluster = "cluster-1") {
  const links = `/kafka/v3/clusters/${cluster}/links`;
  return {
    kind: "KafkaLinkDataList",
    metadata: { self: self(links), next: null },
    data: [
      {
        kind: "KafkaLinkData",
        metadata: { self: self(`${links}/pull-from-east`), resource_name: null },
        source_cluster_id: "east-cluster-id",
        link_name: "pull-from-east",
        link_id: "0b6d4bb2-6d0e-4c55-9a4d-2f0a8f2a1e01",
        cluster_link_id: "q3Vh1mM0Q8ak0Xz1b2c3dA",
        topic_names: ["orders", "payments"],
        link_state: "ACTIVE",
      },
      {
        kind: "KafkaLinkData",
        metadata: { self: self(`${links}/both-ways`), resource_name: null },
        remote_cluster_id: "west-cluster-id",
        link_name: "both-ways",
        link_id: "6a1f0c7e-31f4-4a8e-b0c2-8d9e7f6a5b02",
        cluster_link_id: "r4Wi2nN1R9bl1Ya2c3d4eB",
        topic_names: ["audit"],
        link_state: "UNAVAILABLE",
        link_error: "AUTHENTICATION_ERROR",
        link_error_message: "The link's credentials for the remote cluster were rejected",
      },
      {
        kind: "KafkaLinkData",
        metadata: { self: self(`${links}/push-to-dr`), resource_name: null },
        destination_cluster_id: "dr-cluster-id",
        link_name: "push-to-dr",
        link_id: "c2d3e4f5-0718-4293-a4b5-c6d7e8f90a03",
        cluster_link_id: "s5Xj3oO2S0cm2Zb3d4e5fC",
        topic_names: [],
        link_state: "ACTIVE",
      },
    ],
  };
}

/** GET /kafka/v3/clusters/{cluster}/links/{link} from an older Platform: no link_state, no category_counts. */
export function platformLink(linkName: string, cluster = "cluster-1") {
  return {
    kind: "KafkaLinkData",
    metadata: { self: self(`/kafka/v3/clusters/${cluster}/links/${linkName}`) },
    resource_name: null,
    source_cluster_id: "east-cluster-id",
    destination_cluster_id: null,
    link_name: linkName,
    link_id: "d3e4f5a6-1829-4a3b-b5c6-d7e8f9a0b104",
    cluster_link_id: "t6Yk4pP3T1dn3Ac4e5f6gD",
    topic_names: ["orders", "payments"],
  };
}

/**
 * The answer of a mirror action on an older Platform (promote-local-and-*-remote-mirror): one item per topic, the first
 * accepted, the others refused with the vendor's per-topic error.
 */
export function legacyActionResults(linkName: string, topics: readonly string[], cluster = "cluster-1") {
  const mirrors = `/kafka/v3/clusters/${cluster}/links/${linkName}/mirrors`;
  return {
    kind: "KafkaPromoteMirror",
    metadata: { self: self(mirrors), resource_name: `crn:///kafka=${cluster}` },
    data: topics.map((topic, i) => ({
      kind: "AlterMirrorsData",
      metadata: { self: self(`${mirrors}/${topic}`), resource: `crn:///kafka=${cluster}` },
      mirror_topic_name: topic,
      error_code: i === 0 ? null : 400,
      error_message: i === 0 ? null : `Topic '${topic}' has already stopped its mirror from '${linkName}'`,
      mirror_lags: [
        { partition: 0, lag: 0, last_source_fetch_offset: 120 },
        { partition: 1, lag: 35, last_source_fetch_offset: 98 },
      ],
    })),
  };
}
