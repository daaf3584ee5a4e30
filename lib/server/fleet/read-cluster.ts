import "server-only";
import type { ConfluentClient } from "@/lib/confluent/client";
import type { LinkConfig, LinkHalf, MirrorTopic } from "@/lib/confluent/types";
import type { ClusterConfig } from "@/lib/config/schema";
import type { ClusterObservation, LinkHalfObservation } from "@/lib/domain/types";
import { hostsMirrors } from "@/lib/domain/link-modes";
import { checkClusterStatus } from "../cluster-status";
import { linkModesFromConfigs } from "./link-modes-from-configs";
import { mirrorsByLink, summarizeMirror } from "./mirror-summary";

/** Everything one refresh learned about one cluster. */
export interface ClusterReading {
  observation: ClusterObservation;
  /** The link halves this cluster hosts, ready for topology derivation. */
  halves: LinkHalfObservation[];
  /** Raw detail per hosted link name, for the link pages. */
  links: Map<string, { half: LinkHalf; configs: LinkConfig[] | null }>;
  /** Every mirror topic on this cluster (`links/-/mirrors`), or null when not read. */
  mirrors: MirrorTopic[] | null;
}

/** Link configs rarely change; re-reading them every refresh would double the per-link cost. */
export type ConfigsCache = (key: string, load: () => Promise<LinkConfig[]>) => Promise<LinkConfig[]>;

function emptyReading(observation: ClusterObservation): ClusterReading {
  return { observation, halves: [], links: new Map(), mirrors: null };
}

async function settle<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Reads one cluster in two dependent round trips: (status, link list) in parallel, then per link its details
 * (with tasks) and configs, plus the cluster's mirror list, all in parallel. Never throws: failures become the
 * cluster's status, or a half with less detail.
 */
export async function readCluster(
  cluster: ClusterConfig,
  client: ConfluentClient,
  { lastKnownId, configsCache, signal }: { lastKnownId: string | null; configsCache: ConfigsCache; signal?: AbortSignal },
): Promise<ClusterReading> {
  const [status, listed] = await Promise.all([checkClusterStatus(cluster, client.clusters), settle(client.links.list({ signal }))]);
  const observation: ClusterObservation = { ...status, id: status.id ?? lastKnownId };
  if (status.status !== "ok") return emptyReading(observation);
  if (!listed.ok) {
    const message = listed.error instanceof Error ? listed.error.message : "an unexpected error occurred";
    return emptyReading({ ...observation, status: "error", error: `Could not list cluster links: ${message}` });
  }

  const hostsAnyMirror = listed.value.some((l) => l.topicNames.length > 0);
  // The mirror list goes out first: it is the largest answer, and behind the per-cluster in-flight cap it would
  // otherwise wait for every link's details and configs.
  const mirrorsPending = hostsAnyMirror ? settle(client.mirrors.listAll({ signal })) : Promise.resolve({ ok: true as const, value: [] as MirrorTopic[] });
  const [details, mirrorsRead] = await Promise.all([
    Promise.all(
      listed.value.map(async (listedHalf) => {
        const [detail, configs] = await Promise.all([
          settle(client.links.get(listedHalf.linkName, { includeTasks: true, signal })),
          settle(configsCache(`${cluster.name}/${listedHalf.linkName}@${listedHalf.clusterLinkId}`, () => client.linkConfigs.list(listedHalf.linkName, { signal }))),
        ]);
        return { half: detail.ok ? detail.value : listedHalf, configs: configs.ok ? configs.value : null };
      }),
    ),
    mirrorsPending,
  ]);

  const mirrors = mirrorsRead.ok ? mirrorsRead.value : null;
  const grouped = mirrors ? mirrorsByLink(mirrors) : null;
  const links = new Map<string, { half: LinkHalf; configs: LinkConfig[] | null }>();
  const halves: LinkHalfObservation[] = details.map(({ half, configs }) => {
    links.set(half.linkName, { half, configs });
    const modes = linkModesFromConfigs(configs);
    const observationHalf: LinkHalfObservation = {
      cluster: cluster.name,
      linkName: half.linkName,
      clusterLinkId: half.clusterLinkId,
      ...modes,
      sourceClusterId: half.sourceClusterId,
      destinationClusterId: half.destinationClusterId,
      remoteClusterId: half.remoteClusterId,
      state: half.linkState ?? "UNKNOWN",
      error: half.linkError,
      errorMessage: half.linkErrorMessage,
      tasks: half.tasks,
      categoryCounts: half.categoryCounts,
      mirrors: null,
      topicNames: half.topicNames,
    };
    if (grouped && hostsMirrors(observationHalf)) observationHalf.mirrors = (grouped.get(half.linkName) ?? []).map(summarizeMirror);
    return observationHalf;
  });
  return { observation, halves, links, mirrors };
}
