import { downstreamOf } from "../topology/chains";
import type { Topology, TopologyLink } from "../types";
import { hostedLink, remoteEnd } from "./link-ends";

/*
 * The blast radius of stopping mirrors on one cluster. Upstream, the links being acted on stop carrying those topics
 * for good. Downstream, links that mirror the same topics onward keep running: after the failover they carry what
 * applications write to the failed-over cluster instead of the old source's data (failing over JUMP changes what DR
 * mirrors), and so does everything further down the chain.
 */

export interface ScopeLink {
  /** Link name, hosted on the cluster being failed over. */
  link: string;
  /** Mirror topic names in scope on that link. */
  topics: readonly string[];
}

export interface DownstreamMirror {
  name: string;
  sourceTopic: string;
  status: string;
}

export interface UpstreamEffect {
  linkId: string;
  link: string;
  from: string | null;
  stopping: number;
  total: number;
  sentence: string;
}

export interface DownstreamEffect {
  linkId: string;
  link: string;
  from: string;
  /** The cluster whose mirrors follow the failed-over topics. */
  host: string;
  /** Mirrors on `host` that follow one of the topics in scope; null when their list could not be read. */
  affected: string[] | null;
  /** Clusters further down the chain from `host`. */
  further: string[];
  sentence: string;
}

export interface FailoverImpact {
  upstream: UpstreamEffect[];
  downstream: DownstreamEffect[];
}

// The ends of a link as seen from one cluster are in ./link-ends (the runbook's scope step reads them without the rest).
export { hostedLink, remoteEnd };

/** Links whose data leaves `cluster` (one flow from it), with the cluster that hosts their mirrors. */
export function outgoingLinks(topology: Pick<Topology, "links">, cluster: string): { link: TopologyLink; host: string }[] {
  return topology.links.flatMap((link) => link.flows.filter((f) => f.from === cluster).map((f) => ({ link, host: f.to })));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function failoverImpact(
  topology: Pick<Topology, "links">,
  cluster: string,
  scope: readonly ScopeLink[],
  downstreamMirrors: ReadonlyMap<string, readonly DownstreamMirror[] | null>,
): FailoverImpact {
  const upstream = scope.flatMap(({ link: name, topics }): UpstreamEffect[] => {
    const link = hostedLink(topology, cluster, name);
    if (!link || topics.length === 0) return [];
    const from = remoteEnd(link, cluster);
    const which =
      topics.length === link.mirrorCount
        ? `all ${plural(topics.length, "mirror")}`
        : `${topics.length} of ${plural(link.mirrorCount, "mirror")}`;
    return [
      {
        linkId: link.id,
        link: name,
        from,
        stopping: topics.length,
        total: link.mirrorCount,
        sentence: `${which} stop following ${from ?? "the source"} for good; what is written there to these topics no longer reaches ${cluster} or anything downstream of it.`,
      },
    ];
  });

  const inScope = new Set(scope.flatMap((s) => s.topics));
  const downstream = outgoingLinks(topology, cluster).map(({ link, host }): DownstreamEffect => {
    const mirrors = downstreamMirrors.get(link.id) ?? null;
    const affected = mirrors === null ? null : mirrors.filter((m) => inScope.has(m.sourceTopic)).map((m) => m.name);
    const further = downstreamOf(topology, host).clusters.filter((c) => c !== cluster);
    const onward = further.length > 0 ? `, and on to ${further.join(", ")}` : "";
    let sentence: string;
    if (affected === null) sentence = `Linkscope could not read its mirrors on ${host}: check whether it mirrors any of these topics.`;
    else if (affected.length === 0) sentence = `It mirrors none of these topics: not affected.`;
    else {
      sentence =
        `${plural(affected.length, "mirror")} on ${host} ${affected.length === 1 ? "follows" : "follow"} these topics and keep${affected.length === 1 ? "s" : ""} running: from now on ${affected.length === 1 ? "it carries" : "they carry"} ` +
        `what applications write to ${cluster}, not the old source's data${onward}.`;
    }
    return { linkId: link.id, link: link.name, from: cluster, host, affected, further, sentence };
  });
  return { upstream, downstream };
}
