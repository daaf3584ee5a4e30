import type { ReadinessMirror, ReadinessResponse } from "@/lib/api/readiness";
import { hostedLink } from "@/lib/domain/failover/link-ends";
import type { MirrorReadiness } from "@/lib/domain/failover/readiness";
import type { Topology, TopologyLink } from "@/lib/domain/types";

/* What the runbook needs from the API's answers (topology, readiness), as plain functions; no fetching here. */

export interface MirrorHost {
  cluster: string;
  displayName: string;
  status: string;
  links: TopologyLink[];
}

/** Configured clusters that host mirrors, each with the links whose mirrors it hosts: what can be failed over. */
export function mirrorHosts(topology: Pick<Topology, "clusters" | "links">): MirrorHost[] {
  return topology.clusters
    .filter((c) => c.status !== "external")
    .map((c) => ({
      cluster: c.name,
      displayName: c.displayName,
      status: c.status,
      links: topology.links
        .filter((l) => hostedLink({ links: [l] }, c.name, l.name) !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((h) => h.links.length > 0);
}

/** A mirror of the scope as the server judged it, with its lag figures for the table. */
export interface ScopeMirror extends MirrorReadiness {
  lag: ReadinessMirror["lag"];
}

/**
 * The server's readiness answer (GET /api/readiness) in the domain's shape, so the scope's roll-ups (counts, the
 * recommendation over the mirrors left in scope, the total at risk) are the same functions the server uses. No rule
 * is applied here: every verdict and reason comes from the answer.
 */
export function scopeMirrors(answer: ReadinessResponse): ScopeMirror[] {
  return answer.mirrors.map((m) => ({
    link: answer.link.name,
    topic: m.name,
    status: m.status,
    flowing: m.flowing,
    staleSince: m.staleSince,
    promote: { verdict: m.promote.verdict, reasons: m.promote.checks },
    failover: { verdict: m.failover.verdict, reasons: m.failover.checks },
    atRisk: {
      messages: m.dataAtRisk.messages,
      atLeast: m.dataAtRisk.atLeast,
      estimate: m.dataAtRisk.estimate,
      seconds: m.dataAtRisk.seconds,
      unknownBecause: m.dataAtRisk.unknownBecause,
      measured: m.dataAtRisk.measured && {
        messages: m.dataAtRisk.measured.messages,
        asOfMs: m.dataAtRisk.measured.asOf,
        complete: m.dataAtRisk.measured.complete,
        groups: m.dataAtRisk.measured.groups,
      },
    },
    lag: m.lag,
  }));
}
