"use client";
import { ProblemList } from "@/components/ui/problem-list";
import { formatLagSeconds } from "@/components/ui/format-lag-seconds";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import Link from "next/link";
import { ArrowRight, MoveHorizontal, Plug } from "lucide-react";
import { compareLinkRollupSeverity } from "@/lib/domain/links/link-health";
import type { Topology, TopologyCluster, TopologyLink } from "@/lib/domain/types";
import { formatLagLong, formatInteger } from "./format";
import { LinkStateBadge } from "./hover-card";
import { clusterHref, linkHref } from "./hrefs";
import { KIND_LOOK } from "./looks";
import { StaleLag } from "@/components/ui/stale-lag";

/** Worst state first, then by name: the order an SRE wants to read them in. */
export function sortLinksForTable(links: readonly TopologyLink[]): TopologyLink[] {
  return [...links].sort(
    (a, b) => compareLinkRollupSeverity(a.state, b.state) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1),
  );
}

function ClusterRef({ name, clusters }: { name: string | null; clusters: ReadonlyMap<string, TopologyCluster> }) {
  if (!name) return <span className="text-muted">unknown</span>;
  const cluster = clusters.get(name);
  const title = cluster ? cluster.displayName || cluster.name : name;
  if (!cluster || cluster.status === "external") {
    return (
      <span title={title} className="whitespace-nowrap font-mono text-xs">
        {name} <span className="font-sans text-muted">(external)</span>
      </span>
    );
  }
  return (
    <Link href={clusterHref(name)} title={title} className="whitespace-nowrap font-mono text-xs text-accent hover:underline">
      {name}
    </Link>
  );
}

function titleOf(name: string, clusters: ReadonlyMap<string, TopologyCluster>): string {
  const c = clusters.get(name);
  return c ? c.displayName || c.name : name;
}

/**
 * A box that scrolls sideways when its content is wider, and then says so: a line above and a shadow on the side
 * where more columns wait (a scrollbar alone is invisible on many systems until someone scrolls).
 */
function ScrollsSideways({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
  }, []);
  useLayoutEffect(() => {
    measure();
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [measure]);
  return (
    <div className="relative">
      {more.left || more.right ? (
        <p className="flex items-center gap-1 px-4 pt-2 text-xs font-medium text-muted" data-testid="table-scroll-hint">
          <MoveHorizontal aria-hidden className="size-3.5" />
          The table is wider than this window: scroll sideways for {more.right ? "the columns on the right" : "the columns on the left"}.
        </p>
      ) : null}
      <div
        ref={ref}
        onScroll={measure}
        className="relative overflow-x-auto"
        {...(more.left || more.right ? { tabIndex: 0, role: "region", "aria-label": "Link table, scrolls sideways" } : {})}
      >
        {children}
      </div>
      {more.right ? (
        <div aria-hidden className="pointer-events-none absolute inset-y-0 right-0 w-6 bg-gradient-to-l from-fg/15 to-transparent" />
      ) : null}
      {more.left ? (
        <div aria-hidden className="pointer-events-none absolute inset-y-0 left-0 w-6 bg-gradient-to-r from-fg/15 to-transparent" />
      ) : null}
    </div>
  );
}

/** The same topology as a table: one row per link, for keyboard and screen-reader users and a quick scan. */
export function LinkTable({
  topology,
  visibleLinks,
}: {
  topology: Pick<Topology, "clusters" | "links">;
  visibleLinks?: ReadonlySet<string>;
}) {
  const clusters = new Map(topology.clusters.map((c) => [c.name, c]));
  const rows = sortLinksForTable(topology.links.filter((l) => !visibleLinks || visibleLinks.has(l.id)));
  return (
    <ScrollsSideways>
      <table className="w-full text-left text-sm" data-testid="topology-table">
        <caption className="px-4 py-2 text-left text-sm text-muted">
          Cluster links, worst state first: one row per link. Connection is who dials whom; source → destination is where data goes.
        </caption>
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr className="border-t border-border">
            <th scope="col" className="px-4 py-2 font-medium">
              Link
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Kind
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Source
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Destination
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Connection (from → to)
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              State
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Mirrors
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Max lag
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((link) => {
            const kind = KIND_LOOK[link.kind];
            const KindIcon = kind.icon;
            const [main, ...others] = link.halves;
            return (
              <tr key={link.id} className="border-t border-border align-top" data-testid={`link-row-${link.id}`} data-link={link.name}>
                <th scope="row" className="px-4 py-2.5 font-normal">
                  {main ? (
                    <Link href={linkHref(main.cluster, link.name)} className="whitespace-nowrap font-semibold text-accent hover:underline">
                      {link.name}
                    </Link>
                  ) : (
                    <span className="font-semibold">{link.name}</span>
                  )}
                  {main ? (
                    <div className="text-xs text-muted">
                      <span className="whitespace-nowrap" title={titleOf(main.cluster, clusters)}>
                        on {main.cluster}
                      </span>
                      {others.map((half) => (
                        <div key={half.cluster}>
                          <Link
                            href={linkHref(half.cluster, link.name)}
                            className="whitespace-nowrap text-accent hover:underline"
                            title={titleOf(half.cluster, clusters)}
                          >
                            {half.linkMode.toLowerCase()} half on {half.cluster}
                          </Link>
                        </div>
                      ))}
                    </div>
                  ) : null}
                </th>
                <td className="px-3 py-2.5">
                  <span className="inline-flex items-center gap-1 whitespace-nowrap">
                    <KindIcon aria-hidden className="size-3.5 text-muted" />
                    {kind.label}
                  </span>
                </td>
                <td className="px-3 py-2.5">
                  <ClusterRef name={link.source} clusters={clusters} />
                </td>
                <td className="px-3 py-2.5">
                  <ClusterRef name={link.destination} clusters={clusters} />
                  {link.kind === "bidirectional" ? <div className="text-xs text-muted">data flows both ways</div> : null}
                </td>
                <td className="px-3 py-2.5">
                  {link.connections.length ? (
                    <ul className="space-y-0.5">
                      {link.connections.map((c) => (
                        <li
                          key={`${c.from}>${c.to}`}
                          className="flex items-center gap-1 whitespace-nowrap"
                          data-connection-from={c.from}
                          data-connection-to={c.to}
                        >
                          <Plug aria-hidden className="size-3.5 text-muted" />
                          <span className="font-mono text-xs" title={titleOf(c.from, clusters)}>
                            {c.from}
                          </span>
                          <ArrowRight aria-label="dials" className="size-3.5 text-muted" />
                          <span className="font-mono text-xs" title={titleOf(c.to, clusters)}>
                            {c.to}
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-muted">nobody dials</span>
                  )}
                </td>
                <td className="px-3 py-2.5">
                  <LinkStateBadge state={link.state} />
                  {link.problems.length ? (
                    <ProblemList
                      problems={link.problems}
                      className="mt-1 max-w-xs list-disc pl-4 text-xs text-fg [overflow-wrap:anywhere]"
                    />
                  ) : null}
                </td>
                <td className="px-3 py-2.5 text-right tabular-nums">{formatInteger(link.mirrorCount)}</td>
                <td className="px-4 py-2.5 text-right tabular-nums whitespace-nowrap">
                  <StaleLag staleSince={link.flowing ? null : link.staleSince}>{formatLagLong(link.maxLag)}</StaleLag>
                  {link.maxLagSeconds === null ? null : (
                    <span className="block text-xs text-muted" title="Estimated: the worst mirror's lag ÷ its source's produce rate">
                      {formatLagSeconds(link.maxLagSeconds, !link.flowing)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollsSideways>
  );
}
