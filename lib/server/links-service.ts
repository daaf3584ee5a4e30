import "server-only";
import type { LinkDetail, LinkHalfSummary, MirrorDetail, MirrorView } from "@/lib/api/links";
import { rpoBudgetSeconds } from "@/lib/config/rpo-budgets";
import { ConfluentError } from "@/lib/confluent/errors";
import type { LinkConfig, MirrorTopic } from "@/lib/confluent/types";
import { hostsMirrors } from "@/lib/domain/links/link-modes";
import { notCatchingUpProblem } from "@/lib/domain/mirrors/lag-trend";
import { derivePartitionStates, partitionStatesFromCategoryCounts } from "@/lib/domain/mirrors/mirror-states";
import type { LinkHalfObservation, Topology, TopologyLink } from "@/lib/domain/types";
import { createCoalescingCache } from "./coalescing-cache";
import { getConfig } from "./config";
import { clientFor, configuredCluster } from "./confluent-clients";
import { cacheTtlMs, fleetService } from "./fleet/fleet-service";
import type { ClusterReading } from "./fleet/read-cluster";
import { mirrorsByLink, summarizeMirror } from "./fleet/mirror-summary";
import type { FleetSnapshot } from "./fleet/fleet-service";
import type { MirrorLagEstimate } from "./fleet/lag-tracker";
import type { MirrorFlowState } from "./fleet/staleness";
import { ApiError } from "./http/api-error";
import { apiErrorFromConfluent } from "./http/confluent-error-to-api";

function clusterConfigOf(clusterName: string) {
  const cluster = configuredCluster(clusterName);
  if (!cluster) throw new ApiError("not-found", `No cluster named "${clusterName}" is configured.`);
  return cluster;
}

interface KnownReading {
  reading: ClusterReading;
  topology: Topology;
  asOf: number;
  mirrorFlows: FleetSnapshot["mirrorFlows"];
  mirrorLags: FleetSnapshot["mirrorLags"];
}

/** What a route would answer from a reading; may throw (a link the reading does not have). */
type AnswerFrom<T> = (known: KnownReading) => T;

/**
 * The cluster's last complete reading (at once, unless there is none yet: then this cluster's first reading, never
 * the rest of the fleet's). A cluster whose last reading failed answers at once with that reason, when it was last
 * seen answering well, and (`lastKnown`) what the route answered from that last good reading, so a page can show what
 * it last knew, labelled with its time, instead of nothing.
 */
async function readingOf<T>(clusterName: string, answerFrom?: AnswerFrom<T>): Promise<KnownReading> {
  clusterConfigOf(clusterName);
  const service = fleetService();
  const { readings, topology, mirrorFlows, mirrorLags } = await service.snapshot({ focus: clusterName });
  const reading = readings.get(clusterName);
  if (!reading) throw new ApiError("not-found", `No cluster named "${clusterName}" is configured.`);
  const { status, error, asOf, lastOkAt } = reading.observation;
  if (status !== "ok" || asOf === null) {
    const lastGood = service.lastGoodReading(clusterName);
    const lastKnown =
      answerFrom && lastGood?.observation.asOf != null
        ? lastKnownAnswer(answerFrom, { reading: lastGood, topology, asOf: lastGood.observation.asOf, mirrorFlows, mirrorLags })
        : undefined;
    const details = { cluster: clusterName, status, asOf, lastOkAt, ...(lastKnown === undefined ? {} : { lastKnown }) };
    const reason = `${error ?? `${clusterName} cannot be read.`} ${lastSeenWell(clusterName, lastOkAt)}`;
    throw new ApiError(status === "unreachable" ? "cluster-unreachable" : "upstream-error", reason, details);
  }
  return { reading, topology, asOf, mirrorFlows, mirrorLags };
}

/** A route's answer from the last good reading; nothing when that reading cannot answer it (the link is not in it). */
function lastKnownAnswer<T>(answerFrom: AnswerFrom<T>, known: KnownReading): T | undefined {
  try {
    return answerFrom(known);
  } catch (err) {
    if (err instanceof ApiError) return undefined;
    throw err;
  }
}

function lastSeenWell(clusterName: string, lastOkAt: number | null): string {
  return lastOkAt === null
    ? `Linkscope has not read ${clusterName} successfully since it started.`
    : `It last answered well at ${new Date(lastOkAt).toISOString()}.`;
}

function topologyLinkOf(topology: Topology, half: LinkHalfObservation): TopologyLink | undefined {
  return topology.links.find((l) => l.name === half.linkName && l.clusterLinkId === half.clusterLinkId);
}

function remoteClusterOf(link: TopologyLink | undefined, clusterName: string): string | null {
  if (!link) return null;
  const ends = [link.source, link.destination].filter((e): e is string => e !== null && e !== clusterName);
  return ends[0] ?? null;
}

function summaryOf(half: LinkHalfObservation, topology: Topology): LinkHalfSummary {
  const link = topologyLinkOf(topology, half);
  return {
    id: `${half.linkName}@${half.clusterLinkId}`,
    name: half.linkName,
    clusterLinkId: half.clusterLinkId,
    cluster: half.cluster,
    kind: link?.kind ?? null,
    linkMode: half.linkMode,
    connectionMode: half.connectionMode,
    remoteCluster: remoteClusterOf(link, half.cluster),
    state: half.state,
    error: half.error,
    errorMessage: half.errorMessage,
    mirrorCount: hostsMirrors(half) ? half.topicNames.length : 0,
  };
}

function linksFrom({ reading, topology, asOf }: KnownReading): { links: LinkHalfSummary[]; asOf: number } {
  return { links: reading.halves.map((h) => summaryOf(h, topology)), asOf };
}

export async function listClusterLinks(clusterName: string): Promise<{ links: LinkHalfSummary[]; asOf: number }> {
  return linksFrom(await readingOf(clusterName, linksFrom));
}

function configView(c: LinkConfig) {
  return {
    name: c.name,
    value: c.isSensitive ? null : c.value,
    isDefault: c.isDefault,
    isReadOnly: c.isReadOnly,
    isSensitive: c.isSensitive,
  };
}

export async function getLinkDetail(clusterName: string, linkName: string): Promise<LinkDetail> {
  const detailFrom: AnswerFrom<LinkDetail> = (known) => linkDetailFrom(known, clusterName, linkName);
  return detailFrom(await readingOf(clusterName, detailFrom));
}

function linkDetailFrom({ reading, topology, asOf }: KnownReading, clusterName: string, linkName: string): LinkDetail {
  const half = reading.halves.find((h) => h.linkName === linkName);
  const raw = reading.links.get(linkName);
  if (!half || !raw) throw new ApiError("not-found", `${clusterName} hosts no cluster link named "${linkName}".`);
  const reported = half.categoryCounts !== null;
  const partitionStates = reported
    ? partitionStatesFromCategoryCounts(half.categoryCounts ?? [])
    : derivePartitionStates(half.mirrors ?? []);
  return {
    ...summaryOf(half, topology),
    tasks: half.tasks ?? [],
    tasksReported: half.tasks !== null,
    configs: (raw.configs ?? []).map(configView),
    partitionStates,
    partitionStatesSource: reported ? "reported" : "derived",
    problems: topologyLinkOf(topology, half)?.problems ?? [],
    asOf,
    rpoSeconds: rpoBudgetSeconds(getConfig(), clusterName, linkName),
  };
}

interface MirrorsRead {
  mirrors: readonly MirrorTopic[];
  asOf: number;
}

let mirrorCache: ReturnType<typeof createCoalescingCache<MirrorsRead>> | undefined;

/** Only for a cluster whose `links/-/mirrors` could not be read in the snapshot. */
function mirrorsCache() {
  mirrorCache ??= createCoalescingCache<MirrorsRead>({ ttlMs: cacheTtlMs(getConfig().pollIntervalSeconds) });
  return mirrorCache;
}

/** The link's mirrors from the snapshot's cluster-wide list, or null when that list could not be read. */
function snapshotMirrorsOf(reading: ClusterReading, linkName: string): readonly MirrorTopic[] | null {
  if (reading.mirrors === null) return null;
  return mirrorsByLink(reading.mirrors).get(linkName) ?? EMPTY_MIRRORS;
}

const EMPTY_MIRRORS: readonly MirrorTopic[] = [];

/** The snapshot's flows and lag estimates of one half's mirrors (each map is the same object while unchanged). */
interface HalfFlows {
  flows: ReadonlyMap<string, MirrorFlowState> | undefined;
  lags: ReadonlyMap<string, MirrorLagEstimate> | undefined;
}

function flowsOf(known: Pick<KnownReading, "mirrorFlows" | "mirrorLags">, cluster: string, link: string): HalfFlows {
  return { flows: known.mirrorFlows.half(cluster, link), lags: known.mirrorLags.half(cluster, link) };
}

function mirrorView(m: MirrorTopic, half: HalfFlows): MirrorView {
  const summary = summarizeMirror(m);
  const flow = half.flows?.get(m.mirrorTopicName);
  const lag = half.lags?.get(m.mirrorTopicName);
  return {
    name: summary.name,
    sourceTopic: summary.sourceTopic,
    status: summary.status,
    partitions: summary.partitions,
    maxLag: summary.maxLag,
    totalLag: summary.totalLag,
    stateTimeMs: m.stateTimeMs,
    error: m.mirrorTopicError,
    // Unknown flow (a mirror the last fleet reading did not list yet) is not claimed to flow.
    flowing: flow?.flowing ?? false,
    staleSince: flow?.staleSince ?? null,
    lagSeconds: lag?.seconds ?? null,
    problems: lag?.notCatchingUp ? [notCatchingUpProblem(m.mirrorTopicName, lag.notCatchingUp)] : [],
  };
}

async function withUpstream<T>(clusterName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ConfluentError) throw apiErrorFromConfluent(err, clusterName);
    throw err;
  }
}

/**
 * The link's mirrors, filtered by status and a name search. They come from the fleet snapshot's cluster-wide list
 * (`links/-/mirrors`, read every refresh anyway), so the table agrees with the topology's figures and watching a
 * big link costs no upstream request of its own; only when that list could not be read is the link's own list asked.
 */
export async function listLinkMirrors(
  clusterName: string,
  linkName: string,
  filter: { status?: string; q?: string },
): Promise<{ mirrors: readonly MirrorView[]; asOf: number }> {
  const known = await readingOf(clusterName, (last) => lastKnownMirrors(last, clusterName, linkName, filter));
  const { reading, asOf: readingAsOf } = known;
  const judged = flowsOf(known, clusterName, linkName);
  const half = reading.halves.find((h) => h.linkName === linkName);
  if (!half) throw new ApiError("not-found", `${clusterName} hosts no cluster link named "${linkName}".`);
  // The source half of a source-initiated link never hosts mirrors (reference trap 13).
  if (!hostsMirrors(half)) return { mirrors: EMPTY_VIEWS, asOf: readingAsOf };
  const cluster = clusterConfigOf(clusterName);
  const fromSnapshot = snapshotMirrorsOf(reading, linkName);
  const { mirrors, asOf } = fromSnapshot
    ? { mirrors: fromSnapshot, asOf: readingAsOf }
    : await withUpstream(clusterName, () =>
        mirrorsCache().get(`${clusterName}/${linkName}`, async () => {
          const startedAt = Date.now();
          return { mirrors: await clientFor(cluster).mirrors.listUnderLink(linkName), asOf: startedAt };
        }),
      );
  return { mirrors: filteredViews(mirrors, judged, filter), asOf };
}

function filteredViews(mirrors: readonly MirrorTopic[], flows: HalfFlows, filter: { status?: string; q?: string }): readonly MirrorView[] {
  const q = filter.q?.toLowerCase();
  if (!filter.status && !q) return unfilteredViews(mirrors, flows);
  return mirrors
    .filter((m) => !filter.status || m.mirrorStatus === filter.status)
    .filter((m) => !q || m.mirrorTopicName.toLowerCase().includes(q) || m.sourceTopicName.toLowerCase().includes(q))
    .map((m) => mirrorView(m, flows));
}

/** The link's mirrors as the last good reading listed them; none when that reading has no mirror list or no such link. */
function lastKnownMirrors(
  known: KnownReading,
  clusterName: string,
  linkName: string,
  filter: { status?: string; q?: string },
): { mirrors: readonly MirrorView[]; asOf: number } | undefined {
  const { reading, asOf } = known;
  const half = reading.halves.find((h) => h.linkName === linkName);
  if (!half) return undefined;
  if (!hostsMirrors(half)) return { mirrors: EMPTY_VIEWS, asOf };
  const mirrors = snapshotMirrorsOf(reading, linkName);
  if (!mirrors) return undefined;
  return { mirrors: filteredViews(mirrors, flowsOf(known, clusterName, linkName), filter), asOf };
}

const EMPTY_VIEWS: readonly MirrorView[] = [];

const views = new WeakMap<readonly MirrorTopic[], HalfFlows & { list: readonly MirrorView[] }>();

/**
 * One view array per upstream list and judgement of it, so every viewer of the link gets the same (already encoded)
 * answer. A list is judged again when its flows or lag estimates changed without a new reading of its cluster (the
 * source went down, a stale mirror's floor grew): the views must never keep saying what the list said when it came.
 */
function unfilteredViews(mirrors: readonly MirrorTopic[], half: HalfFlows): readonly MirrorView[] {
  const cached = views.get(mirrors);
  if (cached && cached.flows === half.flows && cached.lags === half.lags) return cached.list;
  const list = mirrors.map((m) => mirrorView(m, half));
  views.set(mirrors, { ...half, list });
  return list;
}

export async function getMirror(clusterName: string, linkName: string, topic: string): Promise<MirrorDetail> {
  const known = await readingOf(clusterName, (last) => lastKnownMirror(last, clusterName, linkName, topic));
  const cluster = clusterConfigOf(clusterName);
  const asOf = Date.now();
  const m = await withUpstream(clusterName, () => clientFor(cluster).mirrors.get(linkName, topic, { includeStateTransitionErrors: true }));
  return {
    ...mirrorView(m, flowsOf(known, clusterName, linkName)),
    lags: m.lags,
    stateTransitionErrors: m.stateTransitionErrors ?? [],
    asOf,
  };
}

/** The mirror as the last good reading's mirror list had it (state-transition errors are read per mirror, so unknown: empty). */
function lastKnownMirror(known: KnownReading, clusterName: string, linkName: string, topic: string) {
  const { reading, asOf } = known;
  const m = snapshotMirrorsOf(reading, linkName)?.find((x) => x.mirrorTopicName === topic);
  if (!m) return undefined;
  const detail: MirrorDetail = {
    ...mirrorView(m, flowsOf(known, clusterName, linkName)),
    lags: m.lags,
    stateTransitionErrors: [],
    asOf,
  };
  return detail;
}
