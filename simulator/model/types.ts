import type { LinkConfigs } from "./link-configs";
import type { LinkHealth } from "./link-availability";
import type { StopKind, StoredMirrorStatus } from "./mirror-state";
import type { PartitionLogs } from "./offsets";

export interface Credentials {
  username: string;
  password: string;
}

export type Network = "private" | "public";
export type LinkMode = "DESTINATION" | "SOURCE" | "BIDIRECTIONAL";
export type ConnectionMode = "OUTBOUND" | "INBOUND";

export interface ClusterState {
  index: number;
  name: string;
  displayName: string;
  id: string;
  network: Network;
  /** Private clusters accept connections only from clusters in the same zone (default: their own). */
  privateZone: string;
  region: string;
  cloud: string;
  flavor: "cloud" | "platform";
  /** host:port that links dial. */
  bootstrap: string;
  rest: Credentials;
  kafka: Credentials;
  up: boolean;
  topics: Map<string, TopicState>;
  links: Map<string, LinkHalf>;
  /** Source-side leftovers of deleted source-initiated links (listed with link_name ""). */
  unmanagedSources: Array<{ clusterLinkId: string; linkId: string }>;
  /** Consumer groups by id: the applications' own, and those a link's offset sync wrote. */
  groups: Map<string, ConsumerGroupState>;
}

export interface GroupMember {
  consumerId: string;
  clientId: string;
  instanceId: string | null;
}

export interface ConsumerGroupState {
  cluster: ClusterState;
  id: string;
  members: GroupMember[];
  partitionAssignor: string;
  /** Messages per second per partition the members consume (their committed offsets chase the log end at this cap). */
  consumeRate: number;
  /** Committed offsets per topic name: chasing the topic's end while members consume, frozen otherwise. */
  offsets: Map<string, PartitionLogs>;
  /** For offsets written by a link's offset sync: when each topic's offsets were last written. */
  syncedAt: Map<string, number>;
  /** Bumped per member so consumer ids stay unique after members leave. */
  memberSerial: number;
}

export interface LinkHalf {
  cluster: ClusterState;
  name: string;
  clusterLinkId: string;
  linkId: string;
  createdAt: number;
  mode: LinkMode;
  connectionMode: ConnectionMode;
  remoteClusterId: string;
  configs: LinkConfigs;
  /** Mirror topics hosted on this half, by local (mirror) name, in creation order. */
  mirrors: Map<string, TopicState>;
  health: LinkHealth;
  /** Fetch cap per partition, messages per second. */
  fetchRate: number;
  /** Next scheduled auto-create scan (null: none pending). */
  autoCreateScanAt: number | null;
  /** Next scheduled consumer offset sync (null: none pending). */
  offsetSyncAt: number | null;
  deleted: boolean;
}

export interface MirrorInfo {
  link: LinkHalf;
  sourceTopicName: string;
  status: StoredMirrorStatus;
  stateTimeMs: number;
  topicError: string;
  transitionErrors: Array<{ error_code: string; error_message: string }>;
  stopKind: StopKind | null;
  /** Earliest instant a pending stop may finish (the final sync takes a moment). */
  stopNotBefore: number;
  /** Mirror end offsets and lags frozen when the mirror stopped. */
  stoppedOffsets: number[] | null;
  stoppedLags: number[] | null;
  /** What the destination last learned of the source's end offsets, kept while the link is down. */
  knownSourceOffsets: number[] | null;
  /** True once the fetcher has moved any data (last_source_fetch_offset is -1 before). */
  everFetched: boolean;
  /** Bumped on every status change, so stale timers can tell they are stale. */
  epoch: number;
  fetchRateOverride: number | null;
}

export interface TopicState {
  cluster: ClusterState;
  name: string;
  partitions: number;
  replicationFactor: number;
  createdAt: number;
  /** Messages per second across all partitions, applied while the topic is writable and its cluster up. */
  produceRate: number;
  log: PartitionLogs;
  mirror: MirrorInfo | null;
  deleted: boolean;
}
