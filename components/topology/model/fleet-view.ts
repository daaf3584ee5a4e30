import { compareLinkRollupSeverity } from "@/lib/domain/links/link-health";
import type { LinkRollupState, Topology, TopologyCluster } from "@/lib/domain/types";
import { buildEdgeSpecs, type EdgeSpec } from "./edges";
import { clusterHasProblem, linkHasProblem, type FilterResult } from "./filter";
import type { Highlight } from "./highlight";
import type { LayoutRequest } from "./layout";
import { ZONE_LABEL, zoneOf, type ZoneKey } from "./zones";

/**
 * Up to this many clusters, every cluster is a card. Above it the overview shows groups (network zone and region)
 * and the cards of the groups someone opened; a selected cluster or a narrow search shows just those clusters.
 */
export const LARGE_FLEET = 12;
/** A search or "problems only" that leaves at most this many clusters draws them as cards, even in a large fleet. */
export const FOCUS_LIMIT = 16;

/** Clusters that share a network zone and a region, rolled up. */
export interface GroupSummary {
  /** `group:<zone>:<region>`. */
  id: string;
  zone: ZoneKey;
  region: string;
  label: string;
  members: string[];
  clusters: { ok: number; problem: number; external: number };
  /** Links with a flow leaving, entering, or staying inside the group. */
  links: { out: number; in: number; inside: number };
  /** Links touching the group that need attention (not ACTIVE, or with a problem). */
  problemLinks: number;
  /** The worst state among the links touching the group; null when none does. */
  worst: LinkRollupState | null;
}

export interface FleetView {
  /**
   * `all`: every cluster a card. `overview`: a large fleet's groups, one card each, no edges. `focus`: only the
   * clusters a selection, an opened group or a narrow search picked, with the links that touch them.
   */
  mode: "all" | "overview" | "focus";
  /** Clusters drawn as cards. */
  clusters: string[];
  groups: GroupSummary[];
  /** The group whose clusters are shown (focus on a group). */
  openedGroup: GroupSummary | null;
  edges: EdgeSpec[];
  request: LayoutRequest;
}

export function groupIdOf(cluster: Pick<TopologyCluster, "network" | "region" | "status">): string {
  if (cluster.status === "external") return "group:unknown:external";
  return `group:${zoneOf(cluster)}:${cluster.region ?? "region not set"}`;
}

function worstOf(states: LinkRollupState[]): LinkRollupState | null {
  return [...states].sort(compareLinkRollupSeverity)[0] ?? null;
}

/** Groups in zone order (public, private, unknown), then by region. */
export function groupsOf(topology: Pick<Topology, "clusters" | "links">): GroupSummary[] {
  const byId = new Map<string, GroupSummary>();
  const groupOfCluster = new Map<string, GroupSummary>();
  for (const c of topology.clusters) {
    const id = groupIdOf(c);
    let g = byId.get(id);
    if (!g) {
      const zone = c.status === "external" ? "unknown" : zoneOf(c);
      const region = c.status === "external" ? "external" : (c.region ?? "region not set");
      const label = c.status === "external" ? "Clusters outside Linkscope" : `${ZONE_LABEL[zone]} · ${region}`;
      g = {
        id,
        zone,
        region,
        label,
        members: [],
        clusters: { ok: 0, problem: 0, external: 0 },
        links: { out: 0, in: 0, inside: 0 },
        problemLinks: 0,
        worst: null,
      };
      byId.set(id, g);
    }
    g.members.push(c.name);
    if (c.status === "external") g.clusters.external++;
    else if (clusterHasProblem(c)) g.clusters.problem++;
    else g.clusters.ok++;
    groupOfCluster.set(c.name, g);
  }
  const states = new Map<GroupSummary, LinkRollupState[]>();
  for (const link of topology.links) {
    const touched = new Set<GroupSummary>();
    const out = new Set<GroupSummary>();
    const into = new Set<GroupSummary>();
    const inside = new Set<GroupSummary>();
    for (const f of link.flows) {
      const a = groupOfCluster.get(f.from);
      const b = groupOfCluster.get(f.to);
      if (a && a === b) inside.add(a);
      else {
        if (a) out.add(a);
        if (b) into.add(b);
      }
      if (a) touched.add(a);
      if (b) touched.add(b);
    }
    for (const g of out) g.links.out++;
    for (const g of into) g.links.in++;
    for (const g of inside) g.links.inside++;
    for (const g of touched) {
      states.set(g, [...(states.get(g) ?? []), link.state]);
      if (linkHasProblem(link)) g.problemLinks++;
    }
  }
  for (const [g, s] of states) g.worst = worstOf(s);
  const zoneRank = { public: 0, private: 1, unknown: 2 } as const;
  return [...byId.values()].sort((a, b) => zoneRank[a.zone] - zoneRank[b.zone] || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
}

export interface FleetViewInputs {
  topology: Pick<Topology, "clusters" | "links">;
  visible: FilterResult;
  highlight: Highlight | null;
  /** The group opened from a large fleet's overview. */
  opened: string | null;
}

function drawn(
  clusters: readonly TopologyCluster[],
  shown: ReadonlySet<string>,
  edges: EdgeSpec[],
): Pick<FleetView, "clusters" | "edges" | "request"> {
  const names = clusters.filter((c) => shown.has(c.name)).map((c) => c.name);
  return { clusters: names, edges, request: { cards: names.map((id) => ({ id, container: null })), containers: [], edges } };
}

/**
 * Decides what the graph draws. A small fleet: every cluster. A large one: its groups, or, once a cluster is
 * selected, a group opened or a search narrowed it down, just those clusters with their direct neighbours and the
 * links that touch them (a fleet where every cluster reaches every other would otherwise draw everything again).
 */
export function fleetViewOf({ topology, visible, highlight, opened }: FleetViewInputs): FleetView {
  const groups = groupsOf(topology);
  if (topology.clusters.length <= LARGE_FLEET) {
    const all = new Set(topology.clusters.map((c) => c.name));
    return { mode: "all", groups, openedGroup: null, ...drawn(topology.clusters, all, buildEdgeSpecs(topology.links, all)) };
  }
  const openedGroup = groups.find((g) => g.id === opened) ?? null;
  const centre: ReadonlySet<string> | null = highlight
    ? new Set([highlight.selected])
    : openedGroup
      ? new Set(openedGroup.members)
      : visible.active && visible.clusters.size <= FOCUS_LIMIT
        ? visible.clusters
        : null;
  if (!centre)
    return { mode: "overview", groups, openedGroup: null, clusters: [], edges: [], request: { cards: [], containers: [], edges: [] } };

  const links = topology.links.filter(
    (l) =>
      (!visible.active || visible.links.has(l.id)) && l.flows.concat(l.connections).some((e) => centre.has(e.from) || centre.has(e.to)),
  );
  const shown = new Set(centre);
  for (const l of links)
    for (const e of l.flows.concat(l.connections))
      if (centre.has(e.from) || centre.has(e.to)) {
        shown.add(e.from);
        shown.add(e.to);
      }
  const known = new Set(topology.clusters.map((c) => c.name));
  for (const name of shown) if (!known.has(name)) shown.delete(name);
  return {
    mode: "focus",
    groups,
    openedGroup: highlight ? null : openedGroup,
    ...drawn(topology.clusters, shown, buildEdgeSpecs(links, shown)),
  };
}
