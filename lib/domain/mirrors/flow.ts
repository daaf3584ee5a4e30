import { isLinkErrorPresent } from "../links/link-error";
import { effectiveLinkMode, hostsMirrors } from "../links/link-modes";
import { isMirrorInError, isMirrorPaused, isMirrorStopped } from "./mirror-states";
import type { z } from "zod";
import type { FlowCauseCodeSchema, LinkHalfObservation } from "../types";

/*
 * Flowing or stale: whether data moves over a link half (and each of its mirrors) right now, judged only from what
 * the clusters report, never from whether Linkscope itself can reach them. A lag read while nothing moves is the
 * last thing the destination knew of the source: a floor, not a measurement (docs/link-states.md).
 */

/**
 * Why data does not move, grouped by what a person has to do about it: network (the link cannot reach the other
 * cluster's brokers although that cluster answers Linkscope), source-down (neither can Linkscope), destination-unread
 * (Linkscope cannot read the cluster hosting the mirrors: its figures are the last reading), link-unavailable (an outage
 * Linkscope cannot attribute), credentials, configuration, paused, mirror-failed, unknown-state, not-advancing (history
 * shows the fetch positions standing still while the mirror has lag).
 */
export type FlowCauseCode = z.infer<typeof FlowCauseCodeSchema>;

export interface FlowCause {
  code: FlowCauseCode;
  /** One sentence, naming the clusters. */
  text: string;
}

/** Causes that only a configuration change fixes: the link state is FAILED. */
export const CONFIGURATION_CAUSES: readonly FlowCauseCode[] = ["credentials", "configuration"];
/** Outages that heal when the other side comes back: the link state is NOT_FLOWING. */
export const OUTAGE_CAUSES: readonly FlowCauseCode[] = [
  "network",
  "source-down",
  "destination-unread",
  "link-unavailable",
  "not-advancing",
];

/** `link_error` values that need someone to change the configuration: the remote cannot be found or refuses the login. */
const CONFIGURATION_ERRORS = new Set(["UNRESOLVABLE_BOOTSTRAP_ERROR", "INVALID_BOOTSTRAP_INTERNAL_ENDPOINT_ERROR"]);

export interface FlowContext {
  /** Status of each configured cluster as Linkscope read it (ok, unreachable, unauthorized, error); absent: external. */
  clusterStatus(name: string): string | undefined;
}

type HalfForFlow = Pick<
  LinkHalfObservation,
  | "cluster"
  | "state"
  | "error"
  | "errorMessage"
  | "linkMode"
  | "connectionMode"
  | "sourceClusterId"
  | "destinationClusterId"
  | "remoteClusterId"
>;

function errorDetail(half: HalfForFlow): string {
  if (!isLinkErrorPresent(half.error)) return `link state ${half.state}`;
  return half.errorMessage ? `${half.error}: ${half.errorMessage}` : half.error;
}

/**
 * What stops one half from moving data, or null when it reports nothing wrong. `remote` is the other end's name
 * (null when unknown): whether Linkscope can read it tells a network cut from a dead cluster.
 */
export function halfFlowCause(half: HalfForFlow, remote: string | null, context: FlowContext): FlowCause | null {
  const hostStatus = context.clusterStatus(half.cluster);
  if (hostStatus !== undefined && hostStatus !== "ok") {
    if (!hostsMirrors(half)) {
      // A source half on a cluster Linkscope cannot read: the destination's own report decides (see linkFlow).
      return null;
    }
    return {
      code: "destination-unread",
      text: `Linkscope cannot read ${half.cluster} (${hostStatus}): its lag figures are the last reading, not live`,
    };
  }
  const other = remote ?? "the other cluster";
  const remoteDown = remote !== null && context.clusterStatus(remote) === "unreachable";
  if (half.state === "PAUSED") return { code: "paused", text: `the link is paused on ${half.cluster} (cluster.link.paused)` };
  if (half.error === "AUTHENTICATION_ERROR") {
    return { code: "credentials", text: `${other} rejects the credentials of the link on ${half.cluster} (${errorDetail(half)})` };
  }
  if (isLinkErrorPresent(half.error) && CONFIGURATION_ERRORS.has(half.error)) {
    return {
      code: "configuration",
      text: `the link on ${half.cluster} cannot find ${other} (${errorDetail(half)}): fix bootstrap.servers`,
    };
  }
  if (half.state === "FAILED") return { code: "configuration", text: `the link on ${half.cluster} is FAILED (${errorDetail(half)})` };
  if (isLinkErrorPresent(half.error) || half.state === "UNAVAILABLE") {
    if (remoteDown)
      return {
        code: "source-down",
        text: `${other} is down: the link on ${half.cluster} cannot reach it and neither can Linkscope (${errorDetail(half)})`,
      };
    if (
      remote !== null &&
      context.clusterStatus(remote) === "ok" &&
      (half.error === "TIMEOUT_ERROR" || half.error === "BOOTSTRAP_TCP_CONNECTION_FAILED_ERROR")
    ) {
      return {
        code: "network",
        text: `the link on ${half.cluster} cannot reach ${other}'s brokers (${errorDetail(half)}) although ${other} answers Linkscope: the network between them is cut or blocked`,
      };
    }
    return { code: "link-unavailable", text: `the link on ${half.cluster} cannot reach ${other} (${errorDetail(half)})` };
  }
  if (half.state !== "ACTIVE")
    return { code: "unknown-state", text: `the link on ${half.cluster} reports state ${half.state}, which Linkscope does not know` };
  return null;
}

const CAUSE_PRIORITY: readonly FlowCauseCode[] = [
  "credentials",
  "configuration",
  "source-down",
  "network",
  "link-unavailable",
  "destination-unread",
  "paused",
  "unknown-state",
  "mirror-failed",
  "not-advancing",
];

/** The cause to show first: what has to be fixed before anything else can help. */
export function worstCause(causes: readonly (FlowCause | null)[]): FlowCause | null {
  let worst: FlowCause | null = null;
  for (const c of causes) {
    if (c === null) continue;
    if (worst === null || CAUSE_PRIORITY.indexOf(c.code) < CAUSE_PRIORITY.indexOf(worst.code)) worst = c;
  }
  return worst;
}

export interface LinkFlow {
  flowing: boolean;
  cause: FlowCause | null;
}

/**
 * A link flows when no visible half reports a reason it cannot. The source half of a source-initiated link counts:
 * it is the one that dials. A missing partner half the link needs is a configuration cause (given by the caller).
 */
export function linkFlow(
  halves: readonly HalfForFlow[],
  remoteOf: (half: HalfForFlow) => string | null,
  context: FlowContext,
  extra: readonly FlowCause[] = [],
): LinkFlow {
  if (halves.length === 0) return { flowing: false, cause: { code: "destination-unread", text: "no half of this link could be read" } };
  const cause = worstCause([...halves.map((h) => halfFlowCause(h, remoteOf(h), context)), ...extra]);
  return { flowing: cause === null, cause };
}

export interface MirrorFlow {
  flowing: boolean;
  /** A STOPPED mirror (promoted or failed over) is a regular topic: nothing should flow, and nothing is stale. */
  stopped: boolean;
  cause: FlowCause | null;
}

/** One mirror: its link must flow, and the mirror itself must be fetching. */
export function mirrorFlow(link: LinkFlow, mirror: { status: string }, history: FetchProgress | null = null): MirrorFlow {
  if (isMirrorStopped(mirror.status)) return { flowing: false, stopped: true, cause: null };
  if (!link.flowing) return { flowing: false, stopped: false, cause: link.cause };
  if (isMirrorPaused(mirror.status))
    return { flowing: false, stopped: false, cause: { code: "paused", text: `the mirror is ${mirror.status}` } };
  if (mirror.status === "SOURCE_UNAVAILABLE") {
    return {
      flowing: false,
      stopped: false,
      cause: { code: "link-unavailable", text: "the mirror is SOURCE_UNAVAILABLE: the destination cannot reach the source" },
    };
  }
  if (isMirrorInError(mirror.status))
    return { flowing: false, stopped: false, cause: { code: "mirror-failed", text: `the mirror is ${mirror.status}` } };
  if (history !== null && isStuck(history)) {
    return {
      flowing: false,
      stopped: false,
      cause: {
        code: "not-advancing",
        text: `its fetch positions have not moved for ${Math.round(history.spanMs / 1000)} s while it is behind`,
      },
    };
  }
  return { flowing: true, stopped: false, cause: null };
}

/** Two readings of one mirror, the older first: enough to see whether its fetch positions move. */
export interface FetchProgress {
  /** Sum of the partitions' last source fetch offsets at the older and the newer reading. */
  fetchedBefore: number;
  fetchedNow: number;
  lagNow: number;
  spanMs: number;
}

/** Minimum time between two readings before standing still means anything (fetchers answer within seconds). */
export const STUCK_AFTER_MS = 60_000;

/** Lag to catch up, yet the positions did not move over a minute or more. Lag 0 with no production is fine. */
export function isStuck(p: FetchProgress): boolean {
  return p.lagNow > 0 && p.fetchedNow <= p.fetchedBefore && p.spanMs >= STUCK_AFTER_MS;
}

/** Whether a half is a source half of a source-initiated link (it dials, never hosts). */
export function isSourceHalf(
  half: Pick<LinkHalfObservation, "linkMode" | "sourceClusterId" | "destinationClusterId" | "remoteClusterId">,
): boolean {
  return effectiveLinkMode(half) === "SOURCE";
}

/**
 * When did it stop flowing: the first reading at which it did not flow, kept while it stays that way, cleared as soon
 * as it flows again. `previous` is what was known before this reading (from the history store after a restart).
 */
export function nextStaleSince(previous: number | null | undefined, flowing: boolean, readingAt: number): number | null {
  if (flowing) return null;
  return previous ?? readingAt;
}
