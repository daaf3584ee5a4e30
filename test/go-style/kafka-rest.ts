/**
 * Kafka REST v3 answers the way servers written in Go serialize them (Confluent's CLI test server, its migration
 * tool's test server, kafka-rest mocks): an empty slice is `null`, an unset string is `""` (so `"kind": ""`), and
 * optional fields are sometimes left out altogether. Linkscope must read these as a Java server's answers.
 */

const CLUSTER = "/kafka/v3/clusters";

export function goCollection(data: unknown[] | null): { kind: string; metadata: { self: string; next: null }; data: unknown[] | null } {
  return { kind: "", metadata: { self: "", next: null }, data };
}

export interface GoLinkRow {
  kind: string;
  metadata: { self: string; resource_name: null };
  link_name: string;
  cluster_link_id?: string;
  source_cluster_id?: string;
  destination_cluster_id?: string;
  remote_cluster_id?: string;
  topic_names?: string[] | null;
  link_state: string;
  link_error: string;
  link_error_message: string;
  tasks: null;
}

export function goLink(name: string, overrides: Partial<GoLinkRow> = {}): GoLinkRow {
  return {
    kind: "",
    metadata: { self: "", resource_name: null },
    link_name: name,
    cluster_link_id: `id-${name}`,
    source_cluster_id: "lkc-src",
    topic_names: null,
    link_state: "ACTIVE",
    link_error: "NO_ERROR",
    link_error_message: "",
    tasks: null,
    ...overrides,
  };
}

/** The nameless leftover of a deleted source-initiated link as the CLI's test server writes it. */
export const goUnmanagedSource = { ...goLink(""), link_state: "UNMANAGED_SOURCE", topic_names: null } satisfies GoLinkRow;

/** The same leftover as Confluent's migration tool's test server writes it: no topic_names, no cluster_link_id. */
export const goUnmanagedSourceBare = (() => {
  const { cluster_link_id: _id, topic_names: _topics, ...rest } = goUnmanagedSource;
  return rest;
})();

export function goMirror(link: string, topic: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: "",
    metadata: { self: "", resource_name: null },
    link_name: link,
    mirror_topic_name: topic,
    source_topic_name: topic,
    num_partitions: 1,
    mirror_lags: null,
    mirror_status: "ACTIVE",
    mirror_topic_error: "",
    state_time_ms: 1_700_000_000_000,
    mirror_state_transition_errors: null,
    ...overrides,
  };
}

export const goPaths = {
  cluster: (id: string) => `${CLUSTER}/${id}`,
  links: (id: string) => `${CLUSTER}/${id}/links`,
  link: (id: string, name: string) => `${CLUSTER}/${id}/links/${name}`,
  configs: (id: string, name: string) => `${CLUSTER}/${id}/links/${name}/configs`,
  allMirrors: (id: string) => `${CLUSTER}/${id}/links/-/mirrors`,
};
