import { isLinkErrorPresent } from "../links/link-health";
import { isKnownMirrorStatus } from "../mirrors/mirror-states";
import type { DataAtRisk } from "./rpo";
import type { Problem } from "../types";
import { required } from "../required";
import { formatReadingTime } from "../reading-time";

/*
 * Failover readiness: per mirror, whether promote and failover can run and what each would cost, with every reason
 * in words. The verdict is the worst reason: a blocker (the action would fail) makes it "blocked", a warning (it runs
 * but read this first) "caution"; a mirror that has already stopped is "done" and is left out of the run.
 */

export type Verdict = "ready" | "caution" | "blocked" | "done";
export type ReasonLevel = "ok" | "info" | "warn" | "block";

export interface Reason {
  level: ReasonLevel;
  text: string;
  /** Set on the blockers that decide the recommendation: the source is gone, or data does not flow for another cause. */
  code?: "source-unreachable" | "not-flowing";
}

export interface Assessment {
  verdict: Verdict;
  reasons: Reason[];
}

export type StopAction = "promote" | "failover";

/** A link sync feature (consumer offsets, ACLs) as the link's configs and tasks report it. */
export interface SyncInput {
  /** null when the link's configs could not be read. */
  enabled: boolean | null;
  /** The sync task's state (`ConsumerOffsetSync`, `AclSync`); null when tasks are not reported. */
  taskState: string | null;
  taskErrors: readonly string[];
}

export interface LinkReadinessInput {
  /** The cluster that hosts the mirrors (the destination). */
  cluster: string;
  link: string;
  /** The topology's rollup state of the link, or null when the link is not in the topology. */
  linkState: string | null;
  /** `link_error` of the hosting half; null when healthy. */
  linkError: string | null;
  /** The other end, as the topology names it. */
  sourceCluster: string | null;
  /** That cluster's status as Linkscope sees it (ok, unreachable, external, …); null when unknown. */
  sourceClusterStatus: string | null;
  problems: readonly Problem[];
  /** Whether data moves over the link as its halves report (flow.ts); null when the link is not in the topology. */
  flowing: boolean | null;
  /** Why not: words and kind (FlowCauseCode); null while flowing. */
  cause: string | null;
  causeCode: string | null;
  offsetSync: SyncInput;
  aclSync: SyncInput;
}

export interface MirrorReadinessInput {
  topic: string;
  status: string;
  /** Data moves into it right now; a stale mirror's lag is only a floor. */
  flowing: boolean;
  /** Epoch ms of the first reading at which it stopped flowing; null while flowing. */
  staleSince: number | null;
  maxLag: number | null;
  totalLag: number | null;
  atRisk: DataAtRisk;
}

export interface MirrorReadiness {
  link: string;
  topic: string;
  status: string;
  flowing: boolean;
  staleSince: number | null;
  promote: Assessment;
  failover: Assessment;
  atRisk: RiskFigures;
}

/** Data at risk as a verdict needs it: the figures without the per-partition working. */
export type RiskFigures = Omit<DataAtRisk, "partitions">;

const LINK_DOWN_STATES = new Set(["UNAVAILABLE", "FAILED"]);
const SOURCE_DOWN_STATUSES = new Set(["SOURCE_UNAVAILABLE", "LINK_FAILED"]);
const IN_PROGRESS_STATUSES = new Set(["PENDING_STOPPED", "PENDING_SYNCHRONIZE"]);

function verdictOf(reasons: readonly Reason[]): Verdict {
  if (reasons.some((r) => r.level === "block")) return "blocked";
  if (reasons.some((r) => r.level === "warn")) return "caution";
  return "ready";
}

const count = (n: number) => n.toLocaleString("en-US");

export function formatRiskSeconds(seconds: number): string {
  if (seconds < 1) return "under a second";
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

export { formatReadingTime };

/**
 * "1,200 messages (about 40 s of production)" or "1,200 messages (seconds unknown: …)"; for a stale mirror
 * "at least 0 messages (last known lag) …, estimate about 7,900 …": never "nothing" while nothing moves. Where the
 * source's end offsets were measured (consumer groups' lags), the floor says so and when; the estimate stays labelled.
 */
export function describeAtRisk(risk: RiskFigures): string {
  if (risk.atLeast) {
    const n = risk.messages ?? 0;
    const m = risk.measured;
    const basis =
      m === null
        ? "the last known lag; nothing has been mirrored since"
        : `measured at ${formatReadingTime(m.asOfMs)} from the source's end offsets that ${m.groups.length === 1 ? "consumer group" : "consumer groups"} ${m.groups.join(", ")} report${m.groups.length === 1 ? "s" : ""}${m.complete ? "" : ", some partitions unmeasured"}`;
    const floor = `at least ${count(n)} message${n === 1 ? "" : "s"} (${basis})`;
    const estimate =
      risk.estimate === null
        ? "estimate unknown: no produce rate from before it stopped"
        : `estimate about ${count(risk.estimate.messages)} (${risk.estimate.basis})`;
    const seconds = risk.seconds === null ? "time unknown" : `at least ${formatRiskSeconds(risk.seconds)} of production`;
    return `${floor}; ${estimate}; ${seconds}`;
  }
  if (risk.messages === null) return `unknown (${risk.unknownBecause ?? "no lag reported"})`;
  if (risk.messages === 0) return "nothing: the mirror has caught up";
  const messages = `${count(risk.messages)} message${risk.messages === 1 ? "" : "s"}`;
  if (risk.seconds === null) return `${messages} (time unknown: ${risk.unknownBecause ?? "no produce rate"})`;
  return `${messages} (${formatRiskSeconds(risk.seconds)} of production)`;
}

/**
 * Whether the source is gone: the link cannot reach it and neither can Linkscope. That, and only that, makes failover
 * the answer; a link that cannot fetch for any other reason (network, credentials, paused) is named and fixed first.
 */
export function sourceReachability(link: LinkReadinessInput, mirrorStatus: string): { reachable: boolean | null; why: string | null } {
  const source = link.sourceCluster ?? "the source cluster";
  if (link.causeCode === "source-down") return { reachable: false, why: link.cause ?? `${source} is down` };
  const linkDown =
    link.flowing === false || SOURCE_DOWN_STATUSES.has(mirrorStatus) || (link.linkState !== null && LINK_DOWN_STATES.has(link.linkState));
  if (linkDown && link.sourceClusterStatus === "unreachable")
    return { reachable: false, why: `the link cannot reach ${source} and neither can Linkscope` };
  if (linkDown)
    return {
      reachable: null,
      why:
        link.cause ?? (SOURCE_DOWN_STATUSES.has(mirrorStatus) ? `the mirror is ${mirrorStatus}` : `link ${link.link} is ${link.linkState}`),
    };
  if (isLinkErrorPresent(link.linkError)) return { reachable: null, why: `link ${link.link} reports ${link.linkError}` };
  return { reachable: true, why: null };
}

function syncReasons(link: LinkReadinessInput): Reason[] {
  const reasons: Reason[] = [];
  const { offsetSync, aclSync, cluster } = link;
  if (offsetSync.enabled === null) {
    reasons.push({ level: "info", text: "Linkscope could not read whether consumer offset sync is on for this link." });
  } else if (!offsetSync.enabled) {
    reasons.push({
      level: "warn",
      text: `Consumer offset sync is off: consumer groups on ${cluster} have no offsets from the source and will start at auto.offset.reset (reprocessing or skipping messages).`,
    });
  } else if (offsetSync.taskState !== null && offsetSync.taskState !== "ACTIVE") {
    const detail = offsetSync.taskErrors.length > 0 ? `: ${offsetSync.taskErrors.join("; ")}` : "";
    reasons.push({
      level: "warn",
      text: `Consumer offset sync is on but its task is ${offsetSync.taskState}${detail}; consumer offsets on ${cluster} may be stale.`,
    });
  } else {
    reasons.push({
      level: "ok",
      text:
        offsetSync.taskState === "ACTIVE"
          ? "Consumer offset sync is on and its task is ACTIVE (the cluster does not report when it last synced)."
          : "Consumer offset sync is on (the cluster does not report its task state).",
    });
  }
  if (aclSync.enabled === false) {
    reasons.push({ level: "info", text: `ACL sync is off: make sure clients have ACLs on ${cluster} before they move.` });
  } else if (aclSync.enabled && aclSync.taskState !== null && aclSync.taskState !== "ACTIVE") {
    const detail = aclSync.taskErrors.length > 0 ? `: ${aclSync.taskErrors.join("; ")}` : "";
    reasons.push({
      level: "warn",
      text: `ACL sync is on but its task is ${aclSync.taskState}${detail}; ACLs on ${cluster} may be missing or stale.`,
    });
  } else if (aclSync.enabled) {
    reasons.push({ level: "ok", text: "ACL sync is on." });
  }
  return reasons;
}

function lagReason(mirror: MirrorReadinessInput, action: StopAction): Reason {
  const risk = mirror.atRisk;
  if (!mirror.flowing && mirror.staleSince !== null) {
    const asOf = formatReadingTime(mirror.staleSince);
    return action === "promote"
      ? {
          level: "warn",
          text: `Lag ≥ ${count(mirror.totalLag ?? 0)} messages, as of ${asOf}: nothing has been mirrored since, so the real lag is higher.`,
        }
      : { level: "warn", text: `Loses ${describeAtRisk(risk)}.` };
  }
  if (mirror.totalLag === null) {
    return {
      level: "warn",
      text:
        action === "promote"
          ? "The cluster reports no lag for this mirror."
          : "Unknown how much would be lost: the cluster reports no lag.",
    };
  }
  if (mirror.totalLag === 0) return { level: "ok", text: "Caught up: lag is 0." };
  if (action === "promote") {
    return {
      level: "warn",
      text: `${count(mirror.totalLag)} messages behind: promote waits until they are copied. Stop producers on the source first, or it may wait a long time.`,
    };
  }
  return { level: "warn", text: `Loses ${describeAtRisk(risk)} not yet mirrored.` };
}

function statusReasons(mirror: MirrorReadinessInput, action: StopAction): Reason[] {
  const { status } = mirror;
  switch (status) {
    case "ACTIVE":
      return [{ level: "ok", text: "Mirror is ACTIVE." }];
    case "PAUSED":
    case "LINK_PAUSED":
      return action === "promote"
        ? [{ level: "block", text: `Mirror is ${status}: promote needs an ACTIVE mirror. Resume it first, or fail over.` }]
        : [{ level: "info", text: `Mirror is ${status}: it has not copied anything since it was paused.` }];
    case "PENDING_STOPPED":
    case "PENDING_SYNCHRONIZE":
      return action === "promote"
        ? [
            {
              level: "block",
              text: `Mirror is already ${status}: a promote or failover is in progress. If it is stuck because the source is gone, fail over to force it.`,
            },
          ]
        : [{ level: "info", text: `Mirror is ${status}: failover forces the stop that is in progress.` }];
    case "FAILED":
      return action === "promote"
        ? [{ level: "block", text: "Mirror has FAILED for good (its source topic may be deleted): it cannot be promoted." }]
        : [{ level: "warn", text: "Mirror has FAILED: failover keeps only what it copied before it failed." }];
    case "PENDING_MIRROR":
      return action === "promote"
        ? [{ level: "block", text: "Mirror is still being set up (PENDING_MIRROR): it cannot be promoted yet." }]
        : [{ level: "warn", text: "Mirror is still being set up (PENDING_MIRROR): it may be missing most of the source's data." }];
    case "SOURCE_UNAVAILABLE":
    case "LINK_FAILED":
      return [{ level: "info", text: `Mirror is ${status}.` }];
    default:
      return isKnownMirrorStatus(status)
        ? [{ level: "warn", text: `Mirror is ${status}: not a usual starting point for a ${action}.` }]
        : [{ level: "warn", text: `Mirror status ${status} is unknown to Linkscope; check it before a ${action}.` }];
  }
}

function assess(link: LinkReadinessInput, mirror: MirrorReadinessInput, action: StopAction): Assessment {
  if (mirror.status === "STOPPED") {
    return {
      verdict: "done",
      reasons: [{ level: "info", text: "Already STOPPED (promoted or failed over): a regular writable topic; nothing to do." }],
    };
  }
  const reasons: Reason[] = [];
  const source = sourceReachability(link, mirror.status);
  const stale = !mirror.flowing && mirror.staleSince !== null;
  if (action === "promote") {
    if (source.reachable === false) {
      reasons.push({
        level: "block",
        code: "source-unreachable",
        text: `The source cannot be reached (${source.why}): promote needs it for the final sync. Fail over instead.`,
      });
    } else if (stale) {
      const since = formatReadingTime(required(mirror.staleSince, "staleSince of a stale mirror"));
      reasons.push({
        level: "block",
        code: "not-flowing",
        text: `Data is not flowing into this mirror (${source.why ?? link.cause ?? "its link cannot fetch"}) since ${since}: promote cannot finish its final sync.`,
      });
    } else if (source.reachable === null)
      reasons.push({ level: "warn", text: `The source may be unreachable (${source.why}): promote fails if it cannot reach it.` });
    else
      reasons.push({
        level: "ok",
        text: link.sourceCluster
          ? `The link reaches the source ${link.sourceCluster}: data is flowing.`
          : "The link reaches the source: data is flowing.",
      });
  } else if (stale) {
    reasons.push({
      level: "warn",
      text: `Not flowing since ${formatReadingTime(required(mirror.staleSince, "staleSince of a stale mirror"))}: the data at risk keeps growing while the source produces.`,
    });
  } else if (source.reachable === true && mirror.totalLag === 0 && mirror.status === "ACTIVE") {
    reasons.push({ level: "info", text: "The source is reachable and nothing is behind: promote would do the same without any risk." });
  }
  reasons.push(...statusReasons(mirror, action));
  if (!IN_PROGRESS_STATUSES.has(mirror.status) || action === "failover") reasons.push(lagReason(mirror, action));
  reasons.push(...syncReasons(link));
  for (const problem of link.problems) reasons.push({ level: "info", text: problem.message });
  return { verdict: verdictOf(reasons), reasons };
}

export function assessMirror(link: LinkReadinessInput, mirror: MirrorReadinessInput): MirrorReadiness {
  return {
    link: link.link,
    topic: mirror.topic,
    status: mirror.status,
    flowing: mirror.flowing,
    staleSince: mirror.staleSince,
    promote: assess(link, mirror, "promote"),
    failover: assess(link, mirror, "failover"),
    atRisk: mirror.atRisk,
  };
}

export interface VerdictCounts {
  ready: number;
  caution: number;
  blocked: number;
  done: number;
}

export function countVerdicts(mirrors: readonly MirrorReadiness[], action: StopAction): VerdictCounts {
  const counts: VerdictCounts = { ready: 0, caution: 0, blocked: 0, done: 0 };
  for (const m of mirrors) counts[m[action].verdict] += 1;
  return counts;
}

/** The verdict for the whole scope: the worst of the mirrors that still have something to do. */
export function overallVerdict(mirrors: readonly MirrorReadiness[], action: StopAction): Verdict {
  const c = countVerdicts(mirrors, action);
  if (c.blocked > 0) return "blocked";
  if (c.caution > 0) return "caution";
  if (c.ready > 0) return "ready";
  return "done";
}

export interface Recommendation {
  action: StopAction | null;
  /** One or two sentences: why. */
  why: string;
}

/**
 * The sum of what a failover of these mirrors loses, and the worst time figure (null when any is unknown). `atLeast`
 * when any mirror is stale: the sum is then a floor, and `estimate` adds up the estimates (null when any is unknown).
 */
export function totalAtRisk(mirrors: readonly MirrorReadiness[]): {
  messages: number | null;
  seconds: number | null;
  atLeast: boolean;
  estimate: number | null;
} {
  let messages: number | null = 0;
  let seconds: number | null = 0;
  let atLeast = false;
  let estimate: number | null = 0;
  for (const m of mirrors) {
    if (m.failover.verdict === "done") continue;
    messages = messages === null || m.atRisk.messages === null ? null : messages + m.atRisk.messages;
    seconds = seconds === null || m.atRisk.seconds === null ? null : Math.max(seconds, m.atRisk.seconds);
    atLeast ||= m.atRisk.atLeast;
    const own = m.atRisk.atLeast ? (m.atRisk.estimate?.messages ?? null) : m.atRisk.messages;
    estimate = estimate === null || own === null ? null : estimate + own;
  }
  return { messages, seconds, atLeast, estimate: atLeast ? estimate : null };
}

/** The first thing to fix for each kind of cause (FlowCauseCode), as the end of a sentence. */
const FIX_FIRST: Record<string, string> = {
  network: "restore the network between the two clusters (the link's brokers, not only their REST APIs)",
  credentials: "update the link's credentials (sasl.jaas.config) to ones the source accepts",
  configuration: "fix the link's configuration (bootstrap.servers, the missing half)",
  paused: "resume the link or the paused mirrors",
  "destination-unread": "make the destination readable to Linkscope again, then look at the link",
  "link-unavailable": "find out why the link cannot reach the source (its link_error says how)",
  "mirror-failed": "recreate the failed mirrors (their source topic may be gone)",
  "not-advancing": "find out why the mirror's fetchers stand still (throttling, broker trouble on either side)",
};

function describeTotal(risk: ReturnType<typeof totalAtRisk>): string {
  if (risk.messages === null) return "an unknown number of not-yet-mirrored messages";
  if (risk.atLeast) {
    const estimate = risk.estimate === null ? "estimate unknown" : `estimate about ${count(risk.estimate)}`;
    return `at least ${count(risk.messages)} not-yet-mirrored messages as last known (${estimate}, growing while the source produces)`;
  }
  if (risk.messages === 0) return "nothing: every mirror had caught up";
  return `${count(risk.messages)} not-yet-mirrored messages${risk.seconds === null ? "" : ` (${formatRiskSeconds(risk.seconds)} of production)`}`;
}

/**
 * Failover only when the source is gone: that is the one thing promote cannot wait out. A mirror that cannot be
 * promoted for another reason (paused, still setting up, failed) is no reason to throw away everyone else's unmirrored
 * data: promote stays the recommendation and those mirrors are named, to resume, leave out, or fail over on their own.
 */
export function recommendAction(mirrors: readonly MirrorReadiness[], causeCode: string | null = null): Recommendation {
  const pending = mirrors.filter((m) => m.promote.verdict !== "done");
  if (pending.length === 0)
    return { action: null, why: "Every mirror in scope has already stopped: there is nothing to promote or fail over." };
  const sourceGone = pending.filter((m) => m.promote.reasons.some((r) => r.code === "source-unreachable"));
  const stuck = pending.filter((m) => m.promote.reasons.some((r) => r.code === "not-flowing"));
  if (sourceGone.length === 0 && stuck.length > 0) {
    const first = required(stuck[0], "the first stuck mirror").promote.reasons.find((r) => r.code === "not-flowing")?.text ?? "";
    const fix = causeCode === null ? undefined : FIX_FIRST[causeCode];
    return {
      action: null,
      why: `Neither: data is not flowing for ${stuck.length} of ${pending.length} mirrors (${required(stuck[0], "the first stuck mirror").topic}: ${first}) Promote cannot finish, and the source is not gone, so a failover would throw away data that may still arrive. ${fix ? `Fix this first: ${fix}.` : "Fix what stops the link first."} Fail over only if the source is lost for good: it would lose ${describeTotal(totalAtRisk(pending))}.`,
    };
  }
  if (sourceGone.length === 0) {
    const blocked = pending.filter((m) => m.promote.verdict === "blocked");
    if (blocked.length === 0) {
      return {
        action: "promote",
        why: "Every mirror can be promoted: the source is reachable, so promote waits for zero lag and loses nothing. Fail over only if the source goes down before it finishes.",
      };
    }
    const firstReason = required(blocked[0], "the first blocked mirror").promote.reasons.find((r) => r.level === "block")?.text ?? "";
    return {
      action: "promote",
      why: `The source is reachable, so promote loses nothing, but ${blocked.length} of ${pending.length} mirrors cannot be promoted as they are (${required(blocked[0], "the first blocked mirror").topic}: ${firstReason}) Resume or leave them out; the dry run reports each one.`,
    };
  }
  const lost = `loses ${describeTotal(totalAtRisk(pending))}`;
  const which = sourceGone.length === pending.length ? "any mirror in scope" : `${sourceGone.length} of ${pending.length} mirrors`;
  const firstReason =
    required(sourceGone[0], "the first mirror whose source is gone").promote.reasons.find((r) => r.code === "source-unreachable")?.text ??
    "";
  return {
    action: "failover",
    why: `Promote cannot run for ${which}: ${firstReason} Failover stops them now and ${lost}.`,
  };
}

export interface ReasonCount {
  level: ReasonLevel;
  text: string;
  /** How many mirrors in scope share it. */
  mirrors: number;
}

/**
 * The warnings and blockers of a scope, each once with how many mirrors it concerns, worst first: the "why" of the
 * verdict at a glance, without opening every row.
 */
export function leadingReasons(mirrors: readonly MirrorReadiness[], action: StopAction, max = 5): ReasonCount[] {
  const byText = new Map<string, ReasonCount>();
  for (const m of mirrors) {
    for (const r of m[action].reasons) {
      if (r.level !== "warn" && r.level !== "block") continue;
      const key = `${r.level}:${r.text}`;
      const found = byText.get(key);
      if (found) found.mirrors += 1;
      else byText.set(key, { level: r.level, text: r.text, mirrors: 1 });
    }
  }
  const rank = (r: ReasonCount) => (r.level === "block" ? 0 : 1);
  return [...byText.values()].sort((a, b) => rank(a) - rank(b) || b.mirrors - a.mirrors).slice(0, max);
}
