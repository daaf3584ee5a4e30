/** One handler per REST route: parse input, call the model, shape the answer. */
import type { z } from "zod";
import { ApiError, badRequest, notFound } from "../model/errors";
import { alterLinkConfigs, createLink, deleteLink, getLink, type ConfigChange } from "../model/link-ops";
import { isKnownConfig } from "../model/link-configs";
import { alterMirrors, createMirror, getMirror } from "../model/mirror-ops";
import { isMirrorTopicStatus, type MirrorAction } from "../model/mirror-state";
import { createTopic, deleteTopic, getTopic } from "../model/topic-ops";
import type { ClusterState, TopicState } from "../model/types";
import type { World } from "../model/world";
import {
  AlterConfigBatchBodySchema,
  AlterMirrorsBodySchema,
  CreateLinkBodySchema,
  CreateMirrorBodySchema,
  CreateTopicBodySchema,
  UpdateLinkConfigBodySchema,
} from "./request-bodies";
import {
  actionResponse,
  clusterData,
  clusterPath,
  collection,
  linkConfigData,
  linkData,
  mirrorData,
  topicData,
  unmanagedSourceData,
  type Json,
  type UrlBase,
} from "./responses";
import type { RouteId } from "./rest-router";
import { getGroup } from "../model/consumer-groups";
import { consumerGroupData, consumerGroupList, consumerLagList, consumerLagSummary, consumerList } from "./consumer-group-responses";

export interface RestRequest {
  world: World;
  cluster: ClusterState;
  base: UrlBase;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Raw body text ("" when none). */
  bodyText: string;
}

export interface RestResponse {
  status: number;
  body?: Json;
}

function boolParam(q: URLSearchParams, name: string, fallback: boolean): boolean {
  const v = q.get(name);
  if (v === null || v === "") return fallback;
  const lower = v.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  throw badRequest(`Cannot deserialize value of type \`boolean\` from String "${v}" (query parameter ${name}): only "true" or "false" recognized`);
}

function parseBody<T>(req: RestRequest, schema: z.ZodType<T>): T {
  if (req.bodyText.trim() === "") throw badRequest("Request body is empty: a JSON object is required.");
  let raw: unknown;
  try {
    raw = JSON.parse(req.bodyText);
  } catch (err) {
    throw badRequest(`Cannot deserialize the request body as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
    throw badRequest(`Invalid request body: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return r.data;
}

function param(req: RestRequest, name: string): string {
  const v = req.params[name];
  if (v === undefined) throw new Error(`route without parameter ${name}`);
  return v;
}

const ACTIONS: Partial<Record<RouteId, MirrorAction>> = {
  promote: "promote",
  failover: "failover",
  pause: "pause",
  resume: "resume",
  reverseAndStart: "reverse-and-start-mirror",
  reverseAndPause: "reverse-and-pause-mirror",
  truncateAndRestore: "truncate-and-restore",
};

function mirrorStatusFilter(q: URLSearchParams): string | null {
  const v = q.get("mirror_status");
  if (v === null) return null;
  if (!isMirrorTopicStatus(v)) {
    throw badRequest(`Cannot deserialize value of type \`MirrorTopicStatus\` from String "${v}": not one of the values accepted for Enum class`);
  }
  return v;
}

function mirrorList(req: RestRequest, topics: Iterable<TopicState>, self: string, now: number): RestResponse {
  const filter = mirrorStatusFilter(req.query);
  const data: Json[] = [];
  for (const t of topics) {
    if (!t.mirror) continue;
    if (filter && req.world.mirrorDisplayStatus(t, now) !== filter) continue;
    data.push(mirrorData(req.base, req.world, t, now, { includeTransitionErrors: false }));
  }
  return { status: 200, body: collection("KafkaMirrorDataList", self, data) };
}

export function handleRest(id: RouteId, req: RestRequest): RestResponse {
  const { world, cluster, base, query } = req;
  if (id === "listClusters") {
    return { status: 200, body: collection("KafkaClusterList", `${base.origin}/kafka/v3/clusters`, [clusterData(base, cluster)]) };
  }
  const clusterId = param(req, "cluster_id");
  if (clusterId !== cluster.id) throw notFound(`Cluster ${clusterId} cannot be found.`);
  const now = world.advance();
  const self = base.origin + clusterPath(cluster);
  const validateOnly = () => boolParam(query, "validate_only", false);

  switch (id) {
    case "getCluster":
      return { status: 200, body: clusterData(base, cluster) };

    case "topics": {
      if (req.method === "GET") {
        const data = [...cluster.topics.values()].sort((a, b) => a.name.localeCompare(b.name)).map((t) => topicData(base, t));
        return { status: 200, body: collection("KafkaTopicList", `${self}/topics`, data) };
      }
      const body = parseBody(req, CreateTopicBodySchema);
      const dryRun = body.validate_only === true || validateOnly();
      const topic = createTopic(
        world,
        cluster,
        { name: body.topic_name, partitions: body.partitions_count, replicationFactor: body.replication_factor },
        { at: now, validateOnly: dryRun },
      );
      return { status: dryRun ? 200 : 201, body: topicData(base, topic) };
    }

    case "topic": {
      const topic = getTopic(cluster, param(req, "topic_name"));
      if (req.method === "GET") return { status: 200, body: topicData(base, topic) };
      if (!validateOnly()) deleteTopic(world, topic, now);
      return { status: 204 };
    }

    case "links": {
      if (req.method === "GET") {
        const data: Json[] = [...cluster.links.values()].map((h) => linkData(base, world, h, now, { includeTasks: false }));
        for (const u of cluster.unmanagedSources) data.push(unmanagedSourceData(base, cluster, u));
        return { status: 200, body: collection("KafkaLinkDataList", `${self}/links`, data) };
      }
      const body = parseBody(req, CreateLinkBodySchema);
      createLink(world, cluster, query.get("link_name"), body, {
        at: now,
        validateOnly: validateOnly(),
        validateLink: boolParam(query, "validate_link", true),
      });
      return { status: 204 };
    }

    case "consumerGroups":
      return { status: 200, body: consumerGroupList(base, cluster.groups.values(), `${self}/consumer-groups`) };
    case "consumerGroup":
      return { status: 200, body: consumerGroupData(base, getGroup(cluster, param(req, "consumer_group_id"))) };
    case "consumers":
      return { status: 200, body: consumerList(base, getGroup(cluster, param(req, "consumer_group_id"))) };
    case "consumerLags":
      return { status: 200, body: consumerLagList(base, getGroup(cluster, param(req, "consumer_group_id")), now) };
    case "consumerLagSummary":
      return { status: 200, body: consumerLagSummary(base, getGroup(cluster, param(req, "consumer_group_id")), now) };

    case "allMirrors": {
      const topics = [...cluster.links.values()].flatMap((h) => (h.mode === "SOURCE" ? [] : [...h.mirrors.values()]));
      return mirrorList(req, topics, `${self}/links/-/mirrors`, now);
    }

    default:
      break;
  }

  const half = getLink(cluster, param(req, "link_name"));
  const linkSelf = `${self}/links/${encodeURIComponent(half.name)}`;
  switch (id) {
    case "link":
      if (req.method === "GET") {
        return { status: 200, body: linkData(base, world, half, now, { includeTasks: boolParam(query, "include_tasks", false) }) };
      }
      deleteLink(world, half, { at: now, force: boolParam(query, "force", false), validateOnly: validateOnly() });
      return { status: 204 };

    case "linkConfigs":
      return {
        status: 200,
        body: collection("KafkaLinkConfigDataList", `${linkSelf}/configs`, half.configs.listing().map((c) => linkConfigData(base, half, c))),
      };

    case "linkConfig": {
      const name = param(req, "config_name");
      if (req.method === "GET") {
        if (!isKnownConfig(name) && !half.configs.has(name)) throw notFound(`Config '${name}' cannot be found for cluster link '${half.name}'.`);
        return { status: 200, body: linkConfigData(base, half, half.configs.describe(name)) };
      }
      const change: ConfigChange =
        req.method === "PUT" ? { name, value: parseBody(req, UpdateLinkConfigBodySchema).value, operation: "SET" } : { name, value: null, operation: "DELETE" };
      alterLinkConfigs(world, half, [change], { at: now, validateOnly: validateOnly() });
      return { status: 204 };
    }

    case "linkConfigsAlter": {
      const body = parseBody(req, AlterConfigBatchBodySchema);
      const changes: ConfigChange[] = body.data.map((d) => ({ name: d.name, value: d.value ?? null, operation: d.operation ?? "SET" }));
      alterLinkConfigs(world, half, changes, { at: now, validateOnly: body.validate_only === true || validateOnly() });
      return { status: 204 };
    }

    case "mirrors": {
      if (req.method === "GET") {
        // The source half of a source-initiated link lists no mirrors: they live on the destination.
        return mirrorList(req, half.mode === "SOURCE" ? [] : half.mirrors.values(), `${linkSelf}/mirrors`, now);
      }
      const body = parseBody(req, CreateMirrorBodySchema);
      createMirror(world, half, body, { at: now, validateOnly: validateOnly() });
      return { status: 204 };
    }

    case "mirror": {
      const topic = getMirror(half, param(req, "mirror_topic_name"));
      return {
        status: 200,
        body: mirrorData(base, world, topic, now, { includeTransitionErrors: boolParam(query, "include_state_transition_errors", false) }),
      };
    }

    default: {
      const action = ACTIONS[id];
      if (!action) throw new ApiError(500, 500, `no handler for route ${id}`);
      const body = parseBody(req, AlterMirrorsBodySchema);
      const results = alterMirrors(world, half, action, body, {
        at: now,
        validateOnly: validateOnly(),
        includeTruncationData: boolParam(query, "include_partition_level_truncation_data", false),
      });
      return { status: 200, body: actionResponse(base, half, results) };
    }
  }
}
