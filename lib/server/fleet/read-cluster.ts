import "server-only";
import type { ConfluentClient } from "@/lib/confluent/client";
import { describeUnreadableRows, type UnreadableRows } from "@/lib/confluent/collections";
import type { LinkConfig, LinkHalf, MirrorTopic } from "@/lib/confluent/types";
import type { ClusterConfig } from "@/lib/config/schema";
import type { ClusterObservation, LinkHalfObservation, Problem } from "@/lib/domain/types";
import { hostsMirrors } from "@/lib/domain/links/link-modes";
import { checkClusterStatus } from "../cluster-status";
import { linkModesFromConfigs } from "./link-modes-from-configs";
import { mirrorsByLink, summarizeMirror } from "./mirror-summary";
import { required } from "@/lib/domain/required";

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

/** A link's configs as read, with the rows that could not be read (kept with them, so a cached list still says so). */
export interface ConfigsRead {
  configs: LinkConfig[];
  unreadable: UnreadableRows | null;
}

/** Link configs rarely change; re-reading them every refresh would double the per-link cost. */
export type ConfigsCache = (key: string, load: () => Promise<ConfigsRead>) => Promise<ConfigsRead>;

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
 * Whether the cluster may host mirror topics. `topic_names` cannot tell (Confluent Cloud lists `[]` on links that
 * mirror topics), and link.mode arrives with the configs in the same round trip as the mirror list: only a cluster
 * whose every listed half is plainly a source half (a destination id, no source id) is spared the question.
 */
function mayHostMirrors(listed: readonly LinkHalf[]): boolean {
  return listed.some((h) => !(h.destinationClusterId && !h.sourceClusterId));
}

/**
 * Reads one cluster in two dependent round trips: (status, link list) in parallel, then per link its details
 * (with tasks) and configs, plus the cluster's mirror list, all in parallel. Never throws: failures become the
 * cluster's status, or a half with less detail. Rows of a list that cannot be read are left out and become the
 * cluster's `unreadable-rows` problems.
 */
export async function readCluster(
  cluster: ClusterConfig,
  client: ConfluentClient,
  { lastKnownId, configsCache, signal }: { lastKnownId: string | null; configsCache: ConfigsCache; signal?: AbortSignal },
): Promise<ClusterReading> {
  const unreadable: UnreadableRows[] = [];
  const answerTimes: number[] = [];
  /** Times one upstream call (cache hits are not answers, so they are not timed). */
  const timed = <T>(call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    return call().finally(() => answerTimes.push(performance.now() - started));
  };
  const onUnreadableRows = (report: UnreadableRows) => unreadable.push(report);
  const withSignal = signal ? { signal } : {};
  const [status, listed] = await Promise.all([
    timed(() => checkClusterStatus(cluster, client.clusters)),
    settle(timed(() => client.links.list({ ...withSignal, onUnreadableRows }))),
  ]);
  const observation: ClusterObservation = { ...status, id: status.id ?? lastKnownId };
  if (status.status !== "ok") return emptyReading(observation);
  if (!listed.ok) {
    const message = listed.error instanceof Error ? listed.error.message : "an unexpected error occurred";
    return emptyReading({ ...observation, status: "error", error: `Could not list cluster links: ${message}` });
  }

  // The mirror list goes out first: it is the largest answer, and behind the per-cluster in-flight cap it would
  // otherwise wait for every link's details and configs.
  const mirrorsPending = mayHostMirrors(listed.value)
    ? settle(timed(() => client.mirrors.listAll({ ...withSignal, onUnreadableRows })))
    : Promise.resolve({ ok: true as const, value: [] as MirrorTopic[] });
  const [details, mirrorsRead] = await Promise.all([
    Promise.all(
      listed.value.map(async (listedHalf) => {
        const [detail, configs] = await Promise.all([
          settle(timed(() => client.links.get(listedHalf.linkName, { includeTasks: true, ...withSignal }))),
          settle(
            configsCache(`${cluster.name}/${listedHalf.linkName}@${listedHalf.clusterLinkId}`, async () => {
              let report: UnreadableRows | null = null;
              const list = await timed(() =>
                client.linkConfigs.list(listedHalf.linkName, { ...withSignal, onUnreadableRows: (r) => (report = r) }),
              );
              return { configs: list, unreadable: report };
            }),
          ),
        ]);
        if (configs.ok && configs.value.unreadable) unreadable.push(configs.value.unreadable);
        const unread: Problem[] = [];
        if (!detail.ok)
          unread.push({
            code: "link-detail-unread",
            message: `could not read this link's details on ${cluster.name} (its tasks are not shown): ${reasonOf(detail.error)}`,
          });
        if (!configs.ok)
          unread.push({
            code: "link-configs-unread",
            message: `could not read this link's configs on ${cluster.name} (its link and connection modes may be unknown): ${reasonOf(configs.error)}`,
          });
        return { listedHalf, detail: detail.ok ? detail.value : null, configs: configs.ok ? configs.value.configs : null, unread };
      }),
    ),
    mirrorsPending,
  ]);

  const mirrors = mirrorsRead.ok ? mirrorsRead.value : null;
  const grouped = mirrors ? mirrorsByLink(mirrors) : null;
  const links = new Map<string, { half: LinkHalf; configs: LinkConfig[] | null }>();
  const halves: LinkHalfObservation[] = details.map(({ listedHalf, detail, configs, unread }) => {
    const { half, problem } = listedIdentityWins(listedHalf, detail, cluster.name);
    const readProblems = problem ? [problem, ...unread] : unread;
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
      ...(readProblems.length > 0 ? { readProblems } : {}),
    };
    if (grouped && hostsMirrors(observationHalf)) observationHalf.mirrors = (grouped.get(half.linkName) ?? []).map(summarizeMirror);
    return observationHalf;
  });
  const problems: Problem[] = unreadable.map((r) => ({ code: "unreadable-rows", message: `${describeUnreadableRows(r)}.` }));
  return { observation: { ...observation, problems, latencyMs: median(answerTimes) }, halves, links, mirrors };
}

/**
 * The list names the link; a detail answer that names another (a vendor-spec mock does) keeps the listed name and
 * id, or two links would collapse into one on the graph. The mismatch is said on that half.
 */
function listedIdentityWins(listed: LinkHalf, detail: LinkHalf | null, cluster: string): { half: LinkHalf; problem: Problem | null } {
  if (detail === null) return { half: listed, problem: null };
  const half = { ...detail, linkName: listed.linkName, clusterLinkId: listed.clusterLinkId || detail.clusterLinkId };
  if (detail.linkName === listed.linkName) return { half, problem: null };
  return {
    half,
    problem: {
      code: "link-name-mismatch",
      message: `${cluster} lists the link as "${listed.linkName}" but its detail answer names it "${detail.linkName}": shown as "${listed.linkName}"`,
    },
  };
}

/** A failed call's reason as a clause: the client's message without its closing full stop. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, "") : "an unexpected error occurred";
}

/** Whole milliseconds; null when nothing was timed. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = required(sorted[mid], "the middle value");
  return Math.round(sorted.length % 2 ? upper : (required(sorted[mid - 1], "the lower middle value") + upper) / 2);
}
