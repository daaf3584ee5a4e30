import "server-only";
import type { CreateMirrorsRequest, CreateMirrorsResponse, MirrorResult } from "@/lib/api/mirror-admin";
import { effectiveLinkMode } from "@/lib/domain/links/link-modes";
import { validateMirrorTopicName } from "@/lib/domain/names";
import { ApiError } from "../http/api-error";
import { failureText, requireCluster, upstream, type LinkAdminDeps } from "./upstream";

const BATCH = 5;

interface Planned {
  topic: string;
  mirror: string;
  problem: string | null;
}

/** The configured cluster at the other end of the link, whose topics are the mirrors' sources. */
async function sourceClusterOf(deps: LinkAdminDeps, clusterName: string, linkName: string): Promise<string | null> {
  const { topology } = await deps.snapshot();
  const link = topology.links.find((l) => l.name === linkName && l.halves.some((h) => h.cluster === clusterName));
  const other = [link?.source, link?.destination].find((c) => c && c !== clusterName);
  return other && deps.cluster(other) ? other : null;
}

/**
 * POST …/links/{link}/mirrors. The upstream has no dry run for mirror creation, so validation is Linkscope's own:
 * names, the link's prefix rule, collisions with the destination's topics, and (when the source is configured)
 * that each source topic exists. Creation runs in small batches, one result per requested topic, in request order.
 */
export async function createMirrors(
  clusterName: string,
  linkName: string,
  req: CreateMirrorsRequest,
  deps: LinkAdminDeps,
): Promise<CreateMirrorsResponse> {
  const { client } = requireCluster(deps, clusterName);
  const configs = await upstream(clusterName, () => client.linkConfigs.list(linkName));
  const value = (name: string) => configs.find((c) => c.name === name)?.value ?? null;
  const mode = effectiveLinkMode({
    linkMode: value("link.mode") ?? "DESTINATION",
    sourceClusterId: null,
    destinationClusterId: null,
    remoteClusterId: null,
  });
  if (mode === "SOURCE") {
    throw new ApiError(
      "invalid-request",
      `"${linkName}" on ${clusterName} is the source half of a source-initiated link: mirrors are created on the destination cluster's half.`,
    );
  }
  const prefix = value("cluster.link.prefix") ?? "";
  const sourceName = await sourceClusterOf(deps, clusterName, linkName);
  const [destinationTopics, sourceTopics] = await Promise.all([
    upstream(clusterName, () => client.topics.list()),
    sourceName
      ? upstream(sourceName, () => requireCluster(deps, sourceName).client.topics.list()).catch(() => null)
      : Promise.resolve(null),
  ]);
  const existing = new Set(destinationTopics.map((t) => t.topicName));
  const sources = sourceTopics ? new Set(sourceTopics.map((t) => t.topicName)) : null;

  const planned: Planned[] = req.topics.map((t) => {
    const mirror = t.mirror ?? prefix + t.source;
    let problem: string | null = null;
    if (prefix && mirror !== prefix + t.source)
      problem = `The link adds the prefix "${prefix}", so the mirror must be named "${prefix + t.source}".`;
    else if (!prefix && mirror !== t.source) problem = "This link has no cluster.link.prefix, so a mirror keeps its source topic's name.";
    else problem = validateMirrorTopicName(prefix, t.source);
    if (!problem && existing.has(mirror)) problem = `${clusterName} already has a topic named "${mirror}".`;
    if (!problem && sources && !sources.has(t.source)) problem = `The source cluster ${sourceName} has no topic named "${t.source}".`;
    return { topic: t.source, mirror, problem };
  });

  if (req.validateOnly) {
    return { validateOnly: true, checkedBy: "linkscope", results: planned.map((p) => result(p, p.problem)) };
  }

  const results: MirrorResult[] = [];
  for (let i = 0; i < planned.length; i += BATCH) {
    const batch = planned.slice(i, i + BATCH);
    results.push(
      ...(await Promise.all(
        batch.map(async (p) => {
          if (p.problem) return result(p, p.problem);
          try {
            await client.mirrors.create(linkName, {
              sourceTopicName: p.topic,
              mirrorTopicName: p.mirror,
              ...(req.replicationFactor === undefined ? {} : { replicationFactor: req.replicationFactor }),
              ...(req.configs ? { configs: Object.entries(req.configs).map(([name, v]) => ({ name, value: v })) } : {}),
            });
            return result(p, null);
          } catch (err) {
            return result(p, failureText(err, []));
          }
        }),
      )),
    );
  }
  if (results.some((r) => r.ok)) deps.invalidate();
  return { validateOnly: false, checkedBy: "cluster", results };
}

function result(p: Planned, problem: string | null): MirrorResult {
  return { topic: p.topic, mirror: p.mirror, ok: problem === null, ...(problem === null ? {} : { error: problem }) };
}
