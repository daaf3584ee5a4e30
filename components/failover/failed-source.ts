import type { MirrorHost } from "./runbook-model";

export interface FedDestination {
  cluster: string;
  /** The links on `cluster` whose data comes from the failed source. */
  links: string[];
}

/** Clusters that are the source of at least one link whose mirrors a configured cluster hosts: what can "be down". */
export function feedingSources(hosts: readonly MirrorHost[]): string[] {
  return [...new Set(hosts.flatMap((h) => h.links.map((l) => l.source).filter((s): s is string => !!s && s !== h.cluster)))].sort();
}

/** Everything `source` feeds, per destination cluster: the scope of "source is down, fail over what it feeds". */
export function fedBy(hosts: readonly MirrorHost[], source: string): FedDestination[] {
  return hosts
    .map((h) => ({ cluster: h.cluster, links: h.links.filter((l) => l.source === source && h.cluster !== source).map((l) => l.name) }))
    .filter((d) => d.links.length > 0);
}
