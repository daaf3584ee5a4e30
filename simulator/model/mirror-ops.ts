/** Mirror topics: creation and the seven actions, applied per topic with per-topic errors. */
import { badRequest, notFound } from "./errors";
import { decideAction, stopKindOf, type LinkCondition, type MirrorAction, type StoredMirrorStatus } from "./mirror-state";
import { checkReplicationFactor, isWritableTopic, newTopic, validateTopicName } from "./topic-ops";
import type { LinkHalf, MirrorInfo, TopicState } from "./types";
import type { MirrorLagView, World } from "./world";

export function newMirrorInfo(link: LinkHalf, sourceTopicName: string, status: StoredMirrorStatus, at: number): MirrorInfo {
  return {
    link,
    sourceTopicName,
    status,
    stateTimeMs: at,
    topicError: "NO_ERROR",
    transitionErrors: [],
    stopKind: null,
    stopNotBefore: at,
    stoppedOffsets: null,
    stoppedLags: null,
    knownSourceOffsets: null,
    everFetched: false,
    epoch: 0,
    fetchRateOverride: null,
  };
}

export function linkCondition(world: World, half: LinkHalf, at: number): LinkCondition {
  const v = world.view(half, at);
  return { flowing: v.flowing, sourceReachable: v.reachable, overlay: v.overlay, linkMode: half.mode, problem: v.linkErrorMessage };
}

export function getMirror(half: LinkHalf, name: string): TopicState {
  const t = half.mirrors.get(name);
  if (!t || t.deleted || !t.mirror) throw notFound(`Mirror topic '${name}' does not exist on cluster link '${half.name}'.`, 40403);
  return t;
}

export interface CreateMirrorRequest {
  source_topic_name: string;
  mirror_topic_name?: string | undefined;
  replication_factor?: number | undefined;
}

/** Registers a mirror of `source` on `half`; the caller has checked names and reachability. */
export function addMirror(
  world: World,
  half: LinkHalf,
  source: TopicState,
  mirrorName: string,
  at: number,
  opts: { status?: StoredMirrorStatus; initialOffsets?: readonly number[]; replicationFactor?: number } = {},
): TopicState {
  const startAtEnd = half.configs.get("mirror.start.offset.spec") === "latest";
  const initial = opts.initialOffsets ?? (startAtEnd ? source.log.endOffsets(at) : []);
  const topic = newTopic(world, half.cluster, {
    name: mirrorName,
    partitions: source.partitions,
    replicationFactor: opts.replicationFactor ?? source.replicationFactor,
    initialOffsets: initial,
    at,
  });
  const status = opts.status ?? "PENDING_MIRROR";
  topic.mirror = newMirrorInfo(half, source.name, status, at);
  if (startAtEnd || opts.initialOffsets) topic.mirror.everFetched = status !== "PENDING_MIRROR";
  half.mirrors.set(mirrorName, topic);
  half.cluster.topics.set(mirrorName, topic);
  world.setStatus(topic, status, at);
  for (const hook of world.onTopicCreated) hook(topic, at);
  return topic;
}

export function expectedMirrorName(half: LinkHalf, sourceTopic: string): string {
  return (half.configs.get("cluster.link.prefix") ?? "") + sourceTopic;
}

export function createMirror(world: World, half: LinkHalf, req: CreateMirrorRequest, opts: { at: number; validateOnly: boolean }): void {
  if (half.mode === "SOURCE") {
    throw badRequest(`Cluster link '${half.name}' is the SOURCE half of a source-initiated link: create mirror topics on the destination cluster ${half.remoteClusterId}.`);
  }
  const prefix = half.configs.get("cluster.link.prefix") ?? "";
  const expected = expectedMirrorName(half, req.source_topic_name);
  const mirrorName = req.mirror_topic_name ?? expected;
  if (mirrorName !== expected) {
    if (prefix) {
      throw badRequest(`Mirror topic name '${mirrorName}' must be the link's prefix '${prefix}' followed by the source topic name ('${expected}').`);
    }
    throw badRequest("Topic renaming for mirroring not yet supported: mirror_topic_name must equal source_topic_name.", 40035);
  }
  validateTopicName(mirrorName);
  const cluster = half.cluster;
  if (cluster.topics.has(mirrorName)) throw badRequest(`Topic '${mirrorName}' already exists.`, 40002);
  const rf = checkReplicationFactor(cluster, req.replication_factor);
  const cond = linkCondition(world, half, opts.at);
  if (!cond.sourceReachable) {
    throw badRequest(`Cannot create mirror topic '${mirrorName}': the source cluster cannot be reached over link '${half.name}' (${cond.problem ?? "unavailable"}).`);
  }
  const remote = world.clusterById(half.remoteClusterId);
  const source = remote?.topics.get(req.source_topic_name);
  if (!source || source.deleted) {
    throw notFound(`Topic '${req.source_topic_name}' does not exist on the source cluster ${half.remoteClusterId}.`, 40403);
  }
  if (opts.validateOnly) return;
  addMirror(world, half, source, mirrorName, opts.at, { replicationFactor: rf });
}

export interface ActionResult {
  mirrorTopicName: string;
  errorCode: number | null;
  errorMessage: string | null;
  lags: MirrorLagView[];
  messagesTruncated: number | null;
  truncation: Array<{ partition_id: number; offset_truncated_to: number; messages_truncated: number }>;
}

const okResult = (name: string, lags: MirrorLagView[]): ActionResult => ({
  mirrorTopicName: name,
  errorCode: null,
  errorMessage: null,
  lags,
  messagesTruncated: null,
  truncation: [],
});
const errResult = (name: string, code: number, message: string, lags: MirrorLagView[] = []): ActionResult => ({
  mirrorTopicName: name,
  errorCode: code,
  errorMessage: message,
  lags,
  messagesTruncated: null,
  truncation: [],
});

export interface AlterMirrorsRequest {
  mirror_topic_names?: string[] | undefined;
  mirror_topic_name_pattern?: string | undefined;
}

function selectNames(half: LinkHalf, action: MirrorAction, req: AlterMirrorsRequest): string[] {
  if (req.mirror_topic_names && req.mirror_topic_names.length > 0) return [...new Set(req.mirror_topic_names)];
  if (req.mirror_topic_name_pattern === undefined) {
    throw badRequest("One of mirror_topic_names or mirror_topic_name_pattern is required.");
  }
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${req.mirror_topic_name_pattern})$`);
  } catch {
    throw badRequest(`mirror_topic_name_pattern '${req.mirror_topic_name_pattern}' is not a valid regular expression.`);
  }
  const pool = action === "truncate-and-restore" ? [...half.cluster.topics.keys()] : [...half.mirrors.keys()];
  return pool.filter((n) => re.test(n));
}

export function alterMirrors(
  world: World,
  half: LinkHalf,
  action: MirrorAction,
  req: AlterMirrorsRequest,
  opts: { at: number; validateOnly: boolean; includeTruncationData: boolean },
): ActionResult[] {
  if (half.mode === "SOURCE") {
    throw badRequest(`Cluster link '${half.name}' is the SOURCE half of a source-initiated link: mirror topics live on the destination cluster ${half.remoteClusterId}.`);
  }
  const names = selectNames(half, action, req);
  return names.map((name) =>
    action === "truncate-and-restore" ? truncateAndRestore(world, half, name, opts) : applyAction(world, half, action, name, opts),
  );
}

function applyAction(
  world: World,
  half: LinkHalf,
  action: Exclude<MirrorAction, "truncate-and-restore">,
  name: string,
  opts: { at: number; validateOnly: boolean },
): ActionResult {
  const topic = half.mirrors.get(name);
  if (!topic?.mirror) {
    const local = half.cluster.topics.get(name);
    return local
      ? errResult(name, 400, `Topic '${name}' is not a mirror topic of cluster link '${half.name}'.`)
      : errResult(name, 404, `Topic '${name}' does not exist.`);
  }
  const m = topic.mirror;
  const lags = world.mirrorLags(topic, opts.at);
  const decision = decideAction(action, name, half.name, m.status, linkCondition(world, half, opts.at));
  if (!decision.ok) return errResult(name, decision.errorCode, decision.message, lags);
  if (action === "reverse-and-start-mirror" || action === "reverse-and-pause-mirror") {
    const problem = reverseProblem(world, half, topic);
    if (problem) return errResult(name, 400, problem, lags);
  }
  if (opts.validateOnly) return okResult(name, lags);
  switch (decision.effect) {
    case "noop":
      break;
    case "pause":
      world.setStatus(topic, "PAUSED", opts.at);
      break;
    case "resume":
      world.setStatus(topic, "ACTIVE", opts.at);
      break;
    case "begin-stop":
      m.stopKind = stopKindOf(action as "promote" | "reverse-and-start-mirror" | "reverse-and-pause-mirror");
      world.beginStop(topic, opts.at);
      break;
    case "stop-now":
      m.stopKind = "failover";
      world.completeStop(topic, opts.at);
      break;
  }
  return okResult(name, lags);
}

function reverseProblem(world: World, half: LinkHalf, topic: TopicState): string | null {
  const m = topic.mirror as MirrorInfo;
  const remote = world.clusterById(half.remoteClusterId);
  const remoteHalf = remote?.links.get(half.name);
  if (!remote || !remoteHalf || remoteHalf.deleted || remoteHalf.mode !== "BIDIRECTIONAL") {
    return `Cannot reverse mirror topic '${topic.name}': cluster ${half.remoteClusterId} has no bidirectional link named '${half.name}'.`;
  }
  const source = remote.topics.get(m.sourceTopicName);
  if (!source || source.deleted) return `Cannot reverse mirror topic '${topic.name}': source topic '${m.sourceTopicName}' does not exist on cluster ${remote.id}.`;
  if (!isWritableTopic(source)) return `Cannot reverse mirror topic '${topic.name}': '${m.sourceTopicName}' on cluster ${remote.id} is itself a mirror topic.`;
  return null;
}

/** Run when a pending stop finishes: a reverse continues by turning the remote source into a mirror of this topic. */
export function completeReverse(world: World, topic: TopicState, at: number): void {
  const m = topic.mirror;
  if (!m || (m.stopKind !== "reverse-and-start" && m.stopKind !== "reverse-and-pause")) return;
  const remote = world.clusterById(m.link.remoteClusterId);
  const remoteHalf = remote?.links.get(m.link.name);
  const source = remote?.topics.get(m.sourceTopicName);
  if (!remoteHalf || remoteHalf.deleted || !source || source.deleted) {
    m.transitionErrors.push({
      error_code: "REMOTE_LINK_NOT_FOUND_ERROR",
      error_message: `Reverse of '${topic.name}' could not start the remote mirror: link or topic missing on cluster ${m.link.remoteClusterId}.`,
    });
    return;
  }
  source.mirror = newMirrorInfo(remoteHalf, topic.name, "ACTIVE", at);
  source.mirror.everFetched = true;
  remoteHalf.mirrors.set(source.name, source);
  world.setStatus(source, m.stopKind === "reverse-and-pause" ? "PAUSED" : "ACTIVE", at);
}

function truncateAndRestore(world: World, half: LinkHalf, name: string, opts: { at: number; validateOnly: boolean; includeTruncationData: boolean }): ActionResult {
  if (half.mode !== "BIDIRECTIONAL") {
    return errResult(name, 400, `truncate-and-restore needs a bidirectional link; cluster link '${half.name}' has link.mode ${half.mode}.`);
  }
  const local = half.cluster.topics.get(name);
  if (!local || local.deleted) return errResult(name, 404, `Topic '${name}' does not exist.`);
  const cond = linkCondition(world, half, opts.at);
  if (!cond.sourceReachable) {
    return errResult(name, 400, `Cannot truncate and restore '${name}': the remote cluster cannot be reached over link '${half.name}' (${cond.problem ?? "unavailable"}).`);
  }
  const remote = world.clusterById(half.remoteClusterId);
  const remoteHalf = remote?.links.get(half.name);
  let restoreFrom: TopicState | undefined;
  let divergence: number[] | null = null;
  // (a) The remote topic is a stopped (failed-over) mirror of this one: this topic diverged after the failover.
  if (remoteHalf && !remoteHalf.deleted && isWritableTopic(local)) {
    for (const t of remoteHalf.mirrors.values()) {
      if (t.mirror?.sourceTopicName === name && t.mirror.status === "STOPPED" && t.mirror.stoppedOffsets) {
        restoreFrom = t;
        divergence = t.mirror.stoppedOffsets;
        break;
      }
    }
  }
  // (b) This topic is itself a stopped mirror whose source is still there: drop what was written here since.
  if (!restoreFrom && local.mirror && local.mirror.link === half && local.mirror.status === "STOPPED" && local.mirror.stoppedOffsets) {
    const src = remote?.topics.get(local.mirror.sourceTopicName);
    if (src && !src.deleted && isWritableTopic(src)) {
      restoreFrom = src;
      divergence = local.mirror.stoppedOffsets;
    }
  }
  if (!restoreFrom || !divergence) {
    return errResult(name, 400, `Topic '${name}' has no stopped mirror counterpart on cluster link '${half.name}' to restore from.`);
  }
  const lags = local.mirror ? world.mirrorLags(local, opts.at) : local.log.endOffsets(opts.at).map((o, p) => ({ partition: p, lag: 0, last_source_fetch_offset: o }));
  const current = local.log.endOffsets(opts.at);
  const target = current.map((o, p) => Math.min(o, divergence[p] ?? o));
  const removed = opts.validateOnly ? current.map((o, p) => o - (target[p] ?? o)) : local.log.truncateTo(opts.at, target);
  if (!opts.validateOnly) {
    local.mirror = newMirrorInfo(half, restoreFrom.name, "PENDING_SETUP_FOR_RESTORE", opts.at);
    local.mirror.everFetched = true;
    half.mirrors.set(name, local);
    world.setStatus(local, "PENDING_SETUP_FOR_RESTORE", opts.at);
  }
  const truncation = opts.includeTruncationData
    ? removed.flatMap((n, p) => (n > 0 ? [{ partition_id: p, offset_truncated_to: target[p] ?? 0, messages_truncated: n }] : []))
    : [];
  return { ...okResult(name, lags), messagesTruncated: removed.reduce((a, b) => a + b, 0), truncation };
}
