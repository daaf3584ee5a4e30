/** Topics: creation, deletion (which is also how a mirror topic is deleted), produce rates. */
import { badRequest, notFound } from "./errors";
import { PartitionLogs, spread } from "./offsets";
import { partitionWeights, rngFor } from "./rng";
import type { ClusterState, MirrorInfo, TopicState } from "./types";
import type { World } from "./world";

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export function validateTopicName(name: string): void {
  if (!TOPIC_NAME.test(name) || name === "." || name === "..") {
    throw badRequest(
      `Topic name '${name}' is illegal: only ASCII alphanumerics, '.', '_' and '-' are allowed (1 to 249 characters).`,
      40002,
    );
  }
}

/** A new topic object (not yet registered). Offsets start at `initialOffsets` (per partition). */
export function newTopic(
  world: World,
  cluster: ClusterState,
  opts: {
    name: string;
    partitions: number;
    replicationFactor?: number;
    produceRate?: number;
    initialOffsets?: readonly number[];
    initialMessages?: number;
    at: number;
  },
): TopicState {
  const weights = partitionWeights(rngFor(world.settings.seed, `weights:${cluster.name}:${opts.name}`), opts.partitions);
  return {
    cluster,
    name: opts.name,
    partitions: opts.partitions,
    replicationFactor: opts.replicationFactor ?? 3,
    createdAt: opts.at,
    produceRate: opts.produceRate ?? 0,
    log: new PartitionLogs(weights, opts.at, opts.initialOffsets ?? spread(opts.initialMessages ?? 0, weights)),
    mirror: null,
    deleted: false,
  };
}

export function registerTopic(world: World, topic: TopicState, at: number): void {
  topic.cluster.topics.set(topic.name, topic);
  world.refreshLogMode(topic, at);
  for (const hook of world.onTopicCreated) hook(topic, at);
}

export function checkReplicationFactor(cluster: ClusterState, rf: number | undefined): number {
  if (rf === undefined) return 3;
  if (cluster.flavor === "cloud" && rf !== 3) {
    throw badRequest(`Replication factor ${rf} is not allowed: Confluent Cloud topics use a replication factor of 3.`, 40002);
  }
  if (!Number.isInteger(rf) || rf < 1 || rf > 3) throw badRequest(`Replication factor: ${rf} larger than available brokers: 3.`, 40002);
  return rf;
}

export function createTopic(
  world: World,
  cluster: ClusterState,
  req: { name: string; partitions?: number; replicationFactor?: number; produceRate?: number },
  opts: { at: number; validateOnly: boolean },
): TopicState {
  validateTopicName(req.name);
  if (cluster.topics.has(req.name)) throw badRequest(`Topic '${req.name}' already exists.`, 40002);
  const partitions = req.partitions ?? 6;
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 4096) {
    throw badRequest(`Number of partitions must be between 1 and 4096, got ${partitions}.`, 40002);
  }
  const rf = checkReplicationFactor(cluster, req.replicationFactor);
  const topic = newTopic(world, cluster, { name: req.name, partitions, replicationFactor: rf, produceRate: req.produceRate, at: opts.at });
  if (!opts.validateOnly) registerTopic(world, topic, opts.at);
  return topic;
}

export function getTopic(cluster: ClusterState, name: string): TopicState {
  const t = cluster.topics.get(name);
  if (!t || t.deleted) throw notFound("This server does not host this topic-partition.", 40403);
  return t;
}

/** Mirrors anywhere in the fleet whose source is this topic. */
function mirrorsOf(world: World, topic: TopicState): TopicState[] {
  const out: TopicState[] = [];
  for (const c of world.clusters) {
    for (const half of c.links.values()) {
      if (half.deleted || half.remoteClusterId !== topic.cluster.id) continue;
      for (const m of half.mirrors.values()) if (m.mirror?.sourceTopicName === topic.name) out.push(m);
    }
  }
  return out;
}

export function deleteTopic(world: World, topic: TopicState, at: number): void {
  for (const dependent of mirrorsOf(world, topic)) {
    const m = dependent.mirror as MirrorInfo;
    if (m.status === "STOPPED" || m.status === "FAILED") continue;
    // The destination learns of the deletion only while it can see the source; otherwise on recovery.
    if (m.link.health.problem === null) world.failMirror(dependent, at, "SOURCE_TOPIC_MAY_BE_DELETED");
  }
  topic.deleted = true;
  topic.cluster.topics.delete(topic.name);
  if (topic.mirror) {
    topic.mirror.link.mirrors.delete(topic.name);
    world.forgetTopic(topic);
  }
  topic.log.detach(at);
  for (const hook of world.onTopicDeleted) hook(topic, at);
}

export function setProduceRate(world: World, topic: TopicState, rate: number, at: number): void {
  if (!Number.isFinite(rate) || rate < 0) throw badRequest("produce rate must be a finite number >= 0 (messages per second)");
  if (!isWritableTopic(topic))
    throw badRequest(
      `Topic '${topic.name}' is a mirror topic (${topic.mirror?.status}): producers cannot write to it until it is promoted or failed over.`,
    );
  topic.produceRate = rate;
  world.refreshLogMode(topic, at);
}

export function isWritableTopic(topic: TopicState): boolean {
  return !topic.mirror || topic.mirror.status === "STOPPED";
}
