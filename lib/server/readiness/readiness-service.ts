import "server-only";
import { clusterGroups, linkConsumerGroups, type ClusterGroupsReading } from "@/lib/server/consumer-groups-service";
import type { ReadinessMirror, ReadinessResponse } from "@/lib/api/readiness";
import type { LinkConfig, LinkTask, MirrorTopic } from "@/lib/confluent/types";
import { measuredMessagesAtRisk, measuredSourceEndOffsets } from "@/lib/domain/failover/consumer-groups";
import { hostedLink, remoteEnd } from "@/lib/domain/failover/failover-impact";
import { assessMirror, recommendAction, type Assessment, type LinkReadinessInput, type SyncInput } from "@/lib/domain/failover/readiness";
import {
  dataAtRisk,
  dataAtRiskWithoutHistory,
  sourceOffsetsFromHistory,
  staleDataAtRisk,
  withMeasuredAtRisk,
  type DataAtRisk,
  type MeasuredAtRisk,
} from "@/lib/domain/failover/rpo";
import { configuredCluster } from "../confluent-clients";
import { fleetService } from "../fleet/fleet-service";
import { historyBackend } from "../history/runtime";
import { ApiError } from "../http/api-error";

/** History is read per mirror; beyond this many the rest say their seconds are unknown rather than load the store. */
export const MAX_HISTORY_MIRRORS = 40;
const HISTORY_WINDOW_MS = 60 * 60_000;
const HISTORY_STEP_MS = 15_000;

function syncOf(configs: readonly LinkConfig[] | null, tasks: readonly LinkTask[] | null, config: string, task: string): SyncInput {
  if (!configs) return { enabled: null, taskState: null, taskErrors: [] };
  const value = configs.find((c) => c.name === config)?.value;
  const t = tasks?.find((x) => x.name === task);
  return {
    enabled: value === null || value === undefined ? false : value.toLowerCase() === "true",
    taskState: t?.state ?? null,
    taskErrors: (t?.errors ?? []).map((e) => `${e.code}: ${e.message}`),
  };
}

async function riskOf(cluster: string, link: string, m: MirrorTopic, withHistory: boolean, now: number): Promise<DataAtRisk> {
  const lags = m.lags.map((l) => ({ partition: l.partition, lag: l.lag }));
  if (!withHistory) return dataAtRiskWithoutHistory(lags, `history is read for the first ${MAX_HISTORY_MIRRORS} mirrors only`);
  try {
    const series = await historyBackend().query({
      level: "mirror",
      cluster,
      link,
      topic: m.mirrorTopicName,
      partition: null,
      metrics: ["lag", "lastSourceFetchOffset"],
      from: now - HISTORY_WINDOW_MS,
      to: now,
      stepMs: HISTORY_STEP_MS,
    });
    return dataAtRisk(lags, sourceOffsetsFromHistory(m.mirrorTopicName, series));
  } catch {
    return dataAtRiskWithoutHistory(lags, "lag history could not be read");
  }
}

/**
 * The source's consumer groups, read only when some mirror is stale (their lags measure the source's end offsets);
 * null when there is no configured source or it cannot be read: the figures then stay the last known lag and estimate.
 */
async function sourceGroupsIfStale(source: string | null, anyStale: boolean): Promise<ClusterGroupsReading | null> {
  if (!anyStale || source === null || !configuredCluster(source)) return null;
  try {
    return await clusterGroups(source);
  } catch {
    return null;
  }
}

function measuredOf(groups: ClusterGroupsReading | null, m: MirrorTopic): MeasuredAtRisk | null {
  if (groups === null) return null;
  const end = measuredSourceEndOffsets(groups.groups, m.sourceTopicName, groups.readAtMs);
  if (end === null) return null;
  const { messages, complete, asOfMs } = measuredMessagesAtRisk(end, m.lags);
  return { messages, complete, asOfMs, groups: end.groups };
}

/**
 * Promote/failover readiness of the mirrors of `link` hosted on `cluster` (optionally only `topics`): the one
 * computation behind GET /api/readiness and the failover runbook. Figures come from the fleet snapshot; a mirror
 * that does not flow is judged on its last known lag as a floor.
 */
export async function linkReadiness(clusterName: string, linkName: string, topics: readonly string[] | null): Promise<ReadinessResponse> {
  if (!configuredCluster(clusterName)) throw new ApiError("not-found", `No cluster named "${clusterName}" is configured.`);
  const { readings, topology, readAt, mirrorFlows, mirrorLags } = await fleetService().snapshot();
  const reading = readings.get(clusterName);
  const link = hostedLink(topology, clusterName, linkName);
  if (!reading || !link) throw new ApiError("not-found", `${clusterName} hosts no mirrors of a cluster link named "${linkName}".`);
  if (reading.mirrors === null) {
    throw new ApiError("cluster-unreachable", `${clusterName}'s mirrors could not be read: ${reading.observation.error ?? "no answer"}.`, {
      cluster: clusterName,
    });
  }
  let mirrors = reading.mirrors.filter((m) => m.linkName === linkName);
  if (topics) {
    const known = new Set(mirrors.map((m) => m.mirrorTopicName));
    const unknown = topics.filter((t) => !known.has(t));
    if (unknown.length > 0)
      throw new ApiError(
        "not-found",
        `topics: ${unknown.join(", ")} ${unknown.length === 1 ? "is not a mirror" : "are not mirrors"} of ${linkName} on ${clusterName}.`,
      );
    mirrors = mirrors.filter((m) => topics.includes(m.mirrorTopicName));
  }

  const detail = reading.links.get(linkName);
  const source = remoteEnd(link, clusterName);
  const half = link.halves.find((h) => h.cluster === clusterName && h.linkMode !== "SOURCE");
  const linkInput: LinkReadinessInput = {
    cluster: clusterName,
    link: linkName,
    linkState: link.state,
    linkError: detail?.half.linkError ?? half?.error ?? null,
    sourceCluster: source,
    sourceClusterStatus: topology.clusters.find((c) => c.name === source)?.status ?? null,
    problems: link.problems,
    flowing: link.flowing,
    cause: link.cause,
    causeCode: link.causeCode,
    offsetSync: syncOf(detail?.configs ?? null, detail?.half.tasks ?? null, "consumer.offset.sync.enable", "ConsumerOffsetSync"),
    aclSync: syncOf(detail?.configs ?? null, detail?.half.tasks ?? null, "acl.sync.enable", "AclSync"),
  };

  const now = Date.now();
  const groups = consumerGroupsOf(clusterName, linkName);
  const flowOf = (m: MirrorTopic) => {
    const flow = mirrorFlows.get(clusterName, linkName, m.mirrorTopicName);
    return { flowing: flow?.flowing ?? false, staleSince: flow && !flow.stopped && !flow.flowing ? flow.staleSince : null };
  };
  const sourceGroups = await sourceGroupsIfStale(
    source,
    mirrors.some((m) => flowOf(m).staleSince !== null),
  );
  const assessed = await Promise.all(
    mirrors.map(async (m, i) => {
      const { flowing, staleSince } = flowOf(m);
      const live = await riskOf(clusterName, linkName, m, i < MAX_HISTORY_MIRRORS, now);
      const atRisk = staleSince !== null ? withMeasuredAtRisk(staleDataAtRisk(live, staleSince, now), measuredOf(sourceGroups, m)) : live;
      const maxLag = m.lags.length ? Math.max(...m.lags.map((l) => l.lag)) : null;
      const totalLag = m.lags.length ? m.lags.reduce((s, l) => s + l.lag, 0) : null;
      const r = assessMirror(linkInput, {
        topic: m.mirrorTopicName,
        status: m.mirrorStatus,
        flowing,
        staleSince,
        maxLag,
        totalLag,
        atRisk,
      });
      // One figure on every surface: the fleet read's estimate (as on the pages and in the metrics); when it has too few
      // readings yet (after a restart), the one worked out from the history store for this answer.
      const estimate = mirrorLags.get(clusterName, linkName, m.mirrorTopicName)?.seconds ?? null;
      const lagSeconds = estimate ?? (staleSince !== null ? atRisk.seconds : live.seconds);
      return { r, lagSeconds, maxLag, totalLag };
    }),
  );
  const rec = recommendAction(
    assessed.map((a) => a.r),
    link.flowing ? null : link.causeCode,
  );
  const view = ({ r, lagSeconds, maxLag, totalLag }: (typeof assessed)[number]): ReadinessMirror => ({
    name: r.topic,
    status: r.status,
    flowing: r.flowing,
    staleSince: r.staleSince,
    lag: { max: maxLag, total: totalLag, asOf: readAt },
    lagSeconds,
    dataAtRisk: {
      messages: r.atRisk.messages,
      atLeast: r.atRisk.atLeast,
      estimate: r.atRisk.estimate,
      seconds: r.atRisk.seconds,
      unknownBecause: r.atRisk.unknownBecause,
      measured: r.atRisk.measured && {
        messages: r.atRisk.measured.messages,
        asOf: r.atRisk.measured.asOfMs,
        complete: r.atRisk.measured.complete,
        groups: [...r.atRisk.measured.groups],
      },
    },
    promote: assessmentView(r.promote),
    failover: assessmentView(r.failover),
  });
  return {
    asOf: readAt,
    link: {
      name: linkName,
      state: link.state,
      flowing: link.flowing,
      staleSince: link.staleSince,
      cause: link.cause,
      causeCode: link.causeCode,
      error: linkInput.linkError,
      sourceCluster: linkInput.sourceCluster,
      sourceClusterStatus: linkInput.sourceClusterStatus,
      offsetSync: { ...linkInput.offsetSync, taskErrors: [...linkInput.offsetSync.taskErrors] },
      aclSync: { ...linkInput.aclSync, taskErrors: [...linkInput.aclSync.taskErrors] },
    },
    recommendation: rec.action ?? "none",
    reasons: [rec.why],
    mirrors: assessed.map(view),
    ...(await groups),
  };
}

function assessmentView(a: Assessment): ReadinessMirror["promote"] {
  return {
    verdict: a.verdict,
    reasons: a.reasons.map((x) => x.text),
    checks: a.reasons.map((x) => ({ level: x.level, text: x.text, ...(x.code ? { code: x.code } : {}) })),
  };
}

/** The groups never fail readiness: when they cannot be read, the answer says why and the mirrors still come back. */
async function consumerGroupsOf(
  clusterName: string,
  linkName: string,
): Promise<Pick<ReadinessResponse, "consumerGroups" | "consumerGroupsError">> {
  try {
    const r = await linkConsumerGroups(clusterName, linkName);
    return {
      consumerGroups: r.consumerGroups.map((g) => ({
        group: g.group,
        topics: g.topics,
        inFilter: g.inFilter,
        verdict: g.verdict,
        reason: g.reason,
        behindMessages: g.behindMessages,
        destinationOffsetsAgeMs: g.destinationOffsetsAgeMs,
        activeMembersOnDestination: g.activeMembersOnDestination,
      })),
      consumerGroupsError: null,
    };
  } catch (err) {
    return { consumerGroups: [], consumerGroupsError: err instanceof Error ? err.message : String(err) };
  }
}
