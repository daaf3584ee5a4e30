/** Link halves: create (with the checks a real cluster makes), delete, and config changes. */
import { dial, sameCredentials } from "./connectivity";
import { parseJaas } from "./jaas";
import { badRequest, conflict, notFound } from "./errors";
import { HEALTHY } from "./link-availability";
import { IMMUTABLE_CONFIGS, isKnownConfig, isReadOnlyConfig, LinkConfigs, validateConfigValue } from "./link-configs";
import { clusterLinkId, rngFor, uuid } from "./rng";
import type { ClusterState, ConnectionMode, LinkHalf, LinkMode } from "./types";
import type { World } from "./world";

const LINK_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export interface CreateLinkRequest {
  source_cluster_id?: string | undefined;
  destination_cluster_id?: string | undefined;
  remote_cluster_id?: string | undefined;
  cluster_link_id?: string | undefined;
  configs?: Array<{ name: string; value?: string | null | undefined }> | undefined;
}

export interface CreateLinkOptions {
  at: number;
  validateOnly: boolean;
  validateLink: boolean;
  /** Scenario building: skip the remote checks (both halves are declared at once). */
  trusted?: boolean;
  fetchRate?: number;
  clusterLinkId?: string;
}

export function getLink(cluster: ClusterState, name: string): LinkHalf {
  const half = cluster.links.get(name);
  if (!half || half.deleted) throw notFound(`Cluster link '${name}' does not exist.`);
  return half;
}

function idField(mode: LinkMode): "source_cluster_id" | "destination_cluster_id" | "remote_cluster_id" {
  if (mode === "DESTINATION") return "source_cluster_id";
  if (mode === "SOURCE") return "destination_cluster_id";
  return "remote_cluster_id";
}

export function createLink(world: World, cluster: ClusterState, name: string | null, req: CreateLinkRequest, opts: CreateLinkOptions): LinkHalf {
  if (!name) throw badRequest("The query parameter link_name is required.");
  if (!LINK_NAME.test(name)) throw badRequest(`Cluster link name '${name}' is illegal: use ASCII alphanumerics, '.', '_' and '-'.`);
  const existing = cluster.links.get(name);
  if (existing && !existing.deleted) throw conflict(`Cluster link '${name}' already exists.`);

  const configs = new LinkConfigs();
  for (const c of req.configs ?? []) {
    if (c.value === null || c.value === undefined) continue;
    const problem = validateConfigValue(c.name, c.value);
    if (problem) throw badRequest(problem);
    if (!opts.trusted && isReadOnlyConfig(c.name)) throw badRequest(`Cannot set read-only config '${c.name}' on cluster link '${name}'.`);
    configs.set(c.name, c.value);
  }
  const mode = (configs.get("link.mode") ?? "DESTINATION") as LinkMode;
  const connectionMode = (configs.get("connection.mode") ?? "OUTBOUND") as ConnectionMode;
  const wanted = idField(mode);
  for (const field of ["source_cluster_id", "destination_cluster_id", "remote_cluster_id"] as const) {
    if (field !== wanted && req[field]) {
      throw badRequest(`${field} must not be set when link.mode is ${mode}; set ${wanted} to the remote cluster's id.`);
    }
  }
  const remoteId = req[wanted];
  if (!remoteId) throw badRequest(`${wanted} is required when link.mode is ${mode}.`);
  if (remoteId === cluster.id) throw badRequest(`A cluster link cannot point at its own cluster (${remoteId}).`);
  if (mode === "SOURCE" && connectionMode !== "OUTBOUND") throw badRequest("A link with link.mode=SOURCE must use connection.mode=OUTBOUND.");
  if (connectionMode === "OUTBOUND" && !configs.get("bootstrap.servers")) {
    throw badRequest(`Missing required configuration "bootstrap.servers" which has no default value (connection.mode=OUTBOUND).`);
  }

  let linkId = opts.clusterLinkId ?? req.cluster_link_id ?? null;
  const remote = world.clusterById(remoteId);
  if (mode === "SOURCE" && !opts.trusted) {
    // The source half registers with the destination's INBOUND half, so that half must exist either way;
    // validate_link adds the connection and credential checks.
    let target = remote;
    if (opts.validateLink) {
      const r = dial(world, cluster, configs, remoteId);
      if (!r.ok) throw badRequest(`Cluster link '${name}' could not be created: ${r.problem.message}`);
      target = r.target;
    }
    const partner = target?.links.get(name);
    if (!partner || partner.deleted) {
      throw badRequest(`Cluster link '${name}' could not be created: the destination cluster ${remoteId} does not have a link named ${name}.`);
    }
    if (partner.mode !== "DESTINATION" || partner.connectionMode !== "INBOUND" || partner.remoteClusterId !== cluster.id) {
      throw badRequest(`Cluster link '${name}' on the destination cluster ${remoteId} is not an INBOUND destination link for source cluster ${cluster.id}.`);
    }
    if (linkId && linkId !== partner.clusterLinkId) throw badRequest(`cluster_link_id ${linkId} does not match the destination link's id ${partner.clusterLinkId}.`);
    linkId = partner.clusterLinkId;
  } else if (mode === "SOURCE") {
    const partner = remote?.links.get(name);
    if (partner && !partner.deleted) linkId = partner.clusterLinkId;
  }
  if (mode === "BIDIRECTIONAL") {
    const partner = remote?.links.get(name);
    if (partner && !partner.deleted && partner.mode === "BIDIRECTIONAL" && partner.remoteClusterId === cluster.id) {
      if (linkId && linkId !== partner.clusterLinkId && !opts.trusted) {
        throw badRequest(`cluster_link_id ${linkId} does not match the id ${partner.clusterLinkId} of link '${name}' on cluster ${remoteId}.`);
      }
      linkId = partner.clusterLinkId;
    }
  }
  if (opts.validateLink && !opts.trusted && connectionMode === "OUTBOUND" && mode !== "SOURCE") {
    const r = dial(world, cluster, configs, remoteId);
    if (!r.ok) throw badRequest(`Cluster link '${name}' validation failed: ${r.problem.message}`);
  }
  if (opts.validateLink && !opts.trusted && (mode === "SOURCE" || configs.get("remote.link.connection.mode") === "INBOUND")) {
    if (!sameCredentials(parseJaas(configs.get("local.sasl.jaas.config")), cluster.kafka)) throw badRequest(`Cluster link '${name}' validation failed: local.sasl.jaas.config does not authenticate to cluster ${cluster.id}.`);
  }

  const rng = rngFor(world.settings.seed, `link:${cluster.name}:${name}:${world.nextSerial()}`);
  const half: LinkHalf = {
    cluster,
    name,
    clusterLinkId: linkId ?? clusterLinkId(rng),
    linkId: uuid(rng),
    createdAt: opts.at,
    mode,
    connectionMode,
    remoteClusterId: remoteId,
    configs,
    mirrors: new Map(),
    health: HEALTHY,
    fetchRate: opts.fetchRate ?? world.settings.defaultFetchRate,
    autoCreateScanAt: null,
    offsetSyncAt: null,
    deleted: false,
  };
  if (opts.validateOnly) return half;
  cluster.links.set(name, half);
  world.recomputeHealth(opts.at);
  for (const hook of world.onLinkChanged) hook(half, opts.at);
  return half;
}

export function deleteLink(world: World, half: LinkHalf, opts: { at: number; force: boolean; validateOnly: boolean }): void {
  const busy = [...half.mirrors.values()].filter((t) => t.mirror && t.mirror.status !== "STOPPED" && t.mirror.status !== "FAILED");
  if (busy.length > 0 && !opts.force) {
    const names = busy.slice(0, 5).map((t) => t.name).join(", ");
    throw badRequest(
      `Cluster link '${half.name}' has ${busy.length} mirror topic(s) that are not stopped (${names}${busy.length > 5 ? ", …" : ""}). Promote or fail them over first, or delete with force=true.`,
    );
  }
  if (opts.validateOnly) return;
  const cluster = half.cluster;
  half.deleted = true;
  cluster.links.delete(half.name);
  for (const topic of half.mirrors.values()) {
    // Without its link a mirror topic is left behind as a plain topic, frozen where it stopped.
    topic.mirror = null;
    world.forgetTopic(topic);
    topic.produceRate = 0;
    world.refreshLogMode(topic, opts.at);
  }
  half.mirrors.clear();
  if (half.mode === "DESTINATION" && half.connectionMode === "INBOUND") {
    const source = world.clusterById(half.remoteClusterId);
    const partner = source?.links.get(half.name);
    if (source && partner && partner.mode === "SOURCE" && !source.unmanagedSources.some((u) => u.clusterLinkId === half.clusterLinkId)) {
      source.unmanagedSources.push({ clusterLinkId: half.clusterLinkId, linkId: partner.linkId });
    }
  }
  world.recomputeHealth(opts.at);
}

export interface ConfigChange {
  name: string;
  value: string | null;
  operation: "SET" | "DELETE";
}

export function alterLinkConfigs(world: World, half: LinkHalf, changes: ConfigChange[], opts: { at: number; validateOnly: boolean }): void {
  for (const c of changes) {
    if (isReadOnlyConfig(c.name)) throw badRequest(`Cannot alter read-only config '${c.name}' of cluster link '${half.name}'.`);
    if (IMMUTABLE_CONFIGS.has(c.name)) throw badRequest(`Config '${c.name}' of cluster link '${half.name}' cannot be changed after the link is created.`);
    if (c.operation === "SET") {
      if (c.value === null) throw badRequest(`A value is required to SET config '${c.name}'.`);
      const problem = validateConfigValue(c.name, c.value);
      if (problem) throw badRequest(problem);
    } else if (!isKnownConfig(c.name) && !half.configs.has(c.name)) {
      throw notFound(`Config '${c.name}' cannot be found for cluster link '${half.name}'.`);
    }
  }
  if (opts.validateOnly) return;
  for (const c of changes) {
    if (c.operation === "SET" && c.value !== null) half.configs.set(c.name, c.value);
    else half.configs.delete(c.name);
  }
  world.recomputeHealth(opts.at);
  world.refreshLink(half, opts.at);
  for (const hook of world.onLinkChanged) hook(half, opts.at);
}

/** Throttle or free a link's fetchers (messages per second per partition). */
export function setLinkFetchRate(world: World, half: LinkHalf, rate: number, at: number): void {
  if (!Number.isFinite(rate) || rate <= 0) throw badRequest("fetch rate must be a finite number > 0 (messages per second per partition)");
  half.fetchRate = rate;
  world.refreshLink(half, at);
}
