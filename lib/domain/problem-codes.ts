/*
 * Every problem Linkscope reports carries one of these codes beside its sentence. The codes are a contract: scripts,
 * alert rules and tests match them, so a code is never renamed or reused for another meaning (docs/http-api.md lists
 * them with these meanings).
 */
export const PROBLEM_CODES = {
  "unknown-link-mode": "A half reports a `link.mode` Linkscope does not know; the direction shown is a guess.",
  "unknown-connection-mode": "A half reports a `connection.mode` Linkscope does not know; it is treated as OUTBOUND.",
  "source-half-inbound": "The source half of a source-initiated link is INBOUND, so neither side dials.",
  "link-not-active": "A half's `link_state` is not ACTIVE (PAUSED, FAILED, UNAVAILABLE, or a state Linkscope does not know).",
  "link-error": "A half reports a `link_error` other than NO_ERROR, with the cluster's message.",
  "tasks-in-error": "One or more of a half's tasks (mirroring, offset sync, ACL sync, …) is IN_ERROR.",
  "remote-cluster-unknown": "No visible half names the other cluster's id: the other end of the link is unknown.",
  "half-missing": "The other half of a two-half link does not exist on a configured cluster that answered.",
  "half-not-visible": "The other half lives on a configured cluster Linkscope cannot read (unreachable, unauthorized, error).",
  "both-halves-inbound": "Both halves of a bidirectional link are INBOUND: neither cluster dials the other.",
  "unexpected-half": "A half with the link's name and id that does not pair with the others (e.g. a second SOURCE half).",
  "cluster-unreachable":
    "Linkscope cannot reach a configured end of the link; the link is NOT_FLOWING only when its halves report that they cannot either.",
  "link-not-flowing":
    "No data moves over the link (state NOT_FLOWING or FAILED, docs/link-states.md); the message names the cause. Its lags are at least what they show.",
  "mirrors-in-error": "Mirror topics of the link are in an error status (FAILED, …), named up to five.",
  "mirror-partitions-in-error": "Mirror partitions are IN_ERROR although no mirror topic reports an error status.",
  "mirror-partitions-paused": "Some (not all) of the link's mirror partitions are paused.",
  "unknown-partition-states": "Mirror partitions are in state categories Linkscope does not know.",
  "unreadable-rows":
    "A cluster answered a list (links, mirrors, link configs, topics) with rows Linkscope could not read; they are left out and the rest is shown. The message says how many, of which request, and why the first failed.",
  "link-detail-unread":
    "A half's detail answer (with its tasks) could not be read at the last reading; the half is shown as the link list gave it, without tasks. The message says why.",
  "link-configs-unread":
    "A half's configs could not be read at the last reading; its link and connection modes may be unknown and its configs are not shown. The message says why.",
  "link-name-mismatch":
    "A link's detail answer named another link than the cluster's link list did; the listed name is kept (two links must not collapse into one).",
  "mirror-not-catching-up":
    "A flowing mirror's lag grew over the last `lagTrendMinutes` (config, default 10) while it fetched no faster than its source produced; the message names the mirror and the rate it loses ground at (messages/s).",
  "lag-over-budget":
    "The link's worst mirror is an estimated number of seconds behind its source that exceeds the link's RPO budget (`rpoSeconds`).",
} as const satisfies Record<string, string>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
