"use client";
import { useMemo } from "react";
import { failoverImpact, outgoingLinks } from "@/lib/domain/failover/failover-impact";
import type { Topology } from "@/lib/domain/types";
import { BlastRadiusStep } from "./blast-radius-step";
import { useMirrorLists } from "./use-scope-data";

/**
 * The blast radius with what it reads: the mirror lists of the links that copy from this cluster onward, and the
 * impact worked out from them. Apart from the runbook so that all of it loads after the scope step.
 */
export function BlastRadiusStage({
  topology,
  cluster,
  scope,
}: {
  topology: Topology;
  cluster: string;
  scope: readonly { link: string; topics: string[] }[];
}) {
  const downstreamRefs = useMemo(
    () => outgoingLinks(topology, cluster).map(({ link, host }) => ({ key: link.id, cluster: host, link: link.name })),
    [topology, cluster],
  );
  const downstreamMirrors = useMirrorLists(downstreamRefs);
  const impact = useMemo(() => failoverImpact(topology, cluster, scope, downstreamMirrors), [topology, cluster, scope, downstreamMirrors]);
  return <BlastRadiusStep cluster={cluster} impact={impact} />;
}
