"use client";
import { ProblemList } from "@/components/ui/problem-list";
import { ClusterFailoverLinks } from "@/components/failover/failover-entry-links";
import { useMemo } from "react";
import Link from "next/link";
import clsx from "clsx";
import { ChevronRight, CircleHelp, Crosshair, Network, RefreshCw, TriangleAlert } from "lucide-react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ClusterStatusBadge } from "@/components/ui/cluster-status-badge";
import { Freshness, formatAge } from "@/components/ui/freshness";
import { SlowBadge } from "@/components/ui/slow-badge";
import { useNow } from "@/lib/client/use-now";
import type { LinkHalfSummary, MirrorView } from "@/lib/api/links";
import { categoryOfMirrorStatus, compareMirrorStatusSeverity, mirrorStatusTone } from "@/lib/domain/mirrors/mirror-states";
import type { Topology, TopologyCluster, TopologyLink } from "@/lib/domain/types";
import { useClusterLinks } from "@/lib/client/use-cluster-links";
import { useSettings } from "@/lib/client/settings-context";
import { useMirrorLists } from "@/lib/client/use-top-lag-mirrors";
import { useTopology } from "@/lib/client/use-topology";
import { formatInteger, formatLagLong, plural } from "../topology/format";
import { LinkStateBadge } from "../topology/hover-card";
import { clusterHref, linkHref } from "../topology/hrefs";
import { KIND_LOOK, LINK_STATE_LOOK, TONE_BADGE, ZONE_LOOK, partitionLook, type Tone } from "../topology/looks";
import { highlightOf } from "../topology/model/highlight";
import { zoneOf } from "../topology/model/layout";
import { clusterAdvice, linksInvolving, mirrorHostingHalves, sortMirrorRows, type MirrorRow } from "./cluster-model";
import { StaleLag } from "@/components/ui/stale-lag";

const MIRROR_ROWS = 200;

function mirrorHref(cluster: string, link: string, topic: string): string {
  return `${linkHref(cluster, link)}/mirrors/${encodeURIComponent(topic)}`;
}

const MIRROR_TONE: Record<ReturnType<typeof mirrorStatusTone>, Tone> = {
  error: "err",
  unknown: "neutral",
  warning: "warn",
  pending: "info",
  ok: "ok",
  neutral: "neutral",
};

function MirrorStatusBadge({ status }: { status: string }) {
  const Icon = partitionLook(categoryOfMirrorStatus(status)).icon;
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold",
        TONE_BADGE[MIRROR_TONE[mirrorStatusTone(status)]],
      )}
    >
      <Icon aria-hidden className="size-3.5" />
      {status}
    </span>
  );
}

function Section({ id, title, subtitle, children }: { id: string; title: string; subtitle?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-border bg-surface">
      <div className="border-b border-border px-4 py-3">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {subtitle ? <p className="text-sm text-muted">{subtitle}</p> : null}
      </div>
      {children}
    </section>
  );
}

function HalfStateBadge({ state, error }: { state: string; error: string | null }) {
  const look =
    state === "ACTIVE" || state === "PAUSED" || state === "FAILED"
      ? LINK_STATE_LOOK[state]
      : state === "UNAVAILABLE"
        ? LINK_STATE_LOOK.NOT_FLOWING
        : LINK_STATE_LOOK.UNKNOWN;
  const tone: Tone = error ? "err" : look.tone;
  const Icon = error ? TriangleAlert : look.icon;
  return (
    <span className={clsx("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold", TONE_BADGE[tone])}>
      <Icon aria-hidden className="size-3.5" />
      {state}
      {error ? ` · ${error}` : ""}
    </span>
  );
}

function nameOf(topology: Topology | undefined, name: string | null): string {
  if (!name) return "unknown";
  const c = topology?.clusters.find((x) => x.name === name);
  return c ? c.displayName || c.name : name;
}

function ClusterRef({ topology, name }: { topology: Topology | undefined; name: string | null }) {
  const cluster = topology?.clusters.find((c) => c.name === name);
  if (!name) return <span className="text-muted">unknown</span>;
  if (!cluster || cluster.status === "external") return <span>{nameOf(topology, name)}</span>;
  return (
    <Link href={clusterHref(name)} className="text-accent hover:underline">
      {nameOf(topology, name)}
    </Link>
  );
}

function Header({ cluster, topology }: { cluster: TopologyCluster; topology: Topology }) {
  const zone = ZONE_LOOK[zoneOf(cluster)];
  const ZoneIcon = zone.icon;
  const advice = clusterAdvice(cluster.status);
  const h = highlightOf(topology, cluster.name);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{cluster.displayName || cluster.name}</h1>
        <ClusterStatusBadge status={cluster.status} />
        <SlowBadge latencyMs={cluster.status === "ok" ? cluster.latencyMs : null} />
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-muted">Name</dt>
          <dd className="font-mono">{cluster.name}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-muted">Cluster id</dt>
          <dd className="font-mono">{cluster.id ?? "unknown"}</dd>
        </div>
        <div className="flex items-center gap-1.5">
          <dt className="text-muted">Network</dt>
          <dd className="inline-flex items-center gap-1">
            <ZoneIcon aria-hidden className="size-3.5 text-muted" />
            {cluster.network ?? "not set"}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-muted">Region</dt>
          <dd>{cluster.region ?? "not set"}</dd>
        </div>
      </dl>
      {cluster.error || advice ? (
        <div role="status" className="rounded-md border border-err bg-err-bg px-3 py-2 text-sm" data-testid="cluster-reason">
          {cluster.error ? <p className="font-semibold text-err">{cluster.error}</p> : null}
          {advice ? <p className="mt-1 text-fg">{advice}</p> : null}
          {cluster.status !== "ok" && cluster.status !== "external" ? <LastSeenWell cluster={cluster} /> : null}
        </div>
      ) : null}
      {cluster.problems.length > 0 ? (
        <div role="status" aria-label="Cluster problems" className="rounded-md bg-warn-bg px-3 py-2 text-sm" data-testid="cluster-problems">
          <p className="flex items-center gap-1.5 font-semibold text-warn">
            <TriangleAlert aria-hidden className="size-4" />
            Part of what {cluster.name} answered could not be read; the rest is shown.
          </p>
          <ProblemList problems={cluster.problems} className="mt-1 list-disc space-y-0.5 pl-6 text-fg" itemClassName="break-words" />
        </div>
      ) : null}
      {h ? (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm" data-testid="cluster-chain">
          <Crosshair aria-hidden className="size-4 text-info" />
          <span>
            Fed by <strong>{h.upstream.length ? h.upstream.map((n) => nameOf(topology, n)).join(", ") : "nothing"}</strong>; feeds{" "}
            <strong>{h.downstream.length ? h.downstream.map((n) => nameOf(topology, n)).join(", ") : "nothing"}</strong>.
          </span>
          <Link
            href={`/?cluster=${encodeURIComponent(cluster.name)}`}
            className="inline-flex items-center gap-1 font-medium text-accent hover:underline"
          >
            <Network aria-hidden className="size-4" /> Show its chain on the graph
          </Link>
        </p>
      ) : null}
      {h ? (
        <ClusterFailoverLinks cluster={cluster.name} hostsMirrors={h.upstream.length > 0} feedsOthers={h.downstream.length > 0} />
      ) : null}
    </div>
  );
}

/** When a cluster that cannot be read now last answered well: what the page still shows is from then. */
function LastSeenWell({ cluster }: { cluster: TopologyCluster }) {
  const now = useNow();
  if (cluster.lastOkAt === null) {
    return (
      <p className="mt-1 text-fg" data-testid="last-seen-well">
        Linkscope has not read {cluster.name} successfully since it started: nothing is known about its links yet.
      </p>
    );
  }
  return (
    <p className="mt-1 text-fg" data-testid="last-seen-well">
      Last answered well {formatAge(now - cluster.lastOkAt)} (at {new Date(cluster.lastOkAt).toLocaleTimeString()}); what this page shows
      about it is from then.
    </p>
  );
}

function HostedLinks({
  cluster,
  topology,
  halves,
}: {
  cluster: string;
  topology: Topology | undefined;
  halves: readonly LinkHalfSummary[];
}) {
  const byId = new Map(topology?.links.map((l) => [l.id, l]));
  if (halves.length === 0) {
    return <p className="px-4 py-4 text-sm text-muted">This cluster hosts no link halves.</p>;
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="hosted-links">
        <caption className="sr-only">Link halves hosted on {cluster}</caption>
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Link
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Kind
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              This half
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Other end
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Half state
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Link state
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Mirrors
            </th>
          </tr>
        </thead>
        <tbody>
          {halves.map((half) => {
            const link = byId.get(half.id);
            const kind = half.kind ? KIND_LOOK[half.kind] : null;
            return (
              <tr key={half.id} className="border-t border-border align-top" data-link={half.name}>
                <th scope="row" className="px-4 py-2.5 font-normal">
                  <Link href={linkHref(cluster, half.name)} className="font-semibold text-accent hover:underline">
                    {half.name}
                  </Link>
                  <div className="font-mono text-xs text-muted">{half.clusterLinkId}</div>
                </th>
                <td className="px-3 py-2.5">{kind ? kind.label : <span className="text-muted">unknown</span>}</td>
                <td className="px-3 py-2.5 font-mono text-xs">
                  {half.linkMode} / {half.connectionMode}
                </td>
                <td className="px-3 py-2.5">
                  <ClusterRef topology={topology} name={half.remoteCluster} />
                </td>
                <td className="px-3 py-2.5">
                  <HalfStateBadge state={half.state} error={half.error} />
                  {half.errorMessage ? <p className="mt-1 max-w-sm text-xs text-fg">{half.errorMessage}</p> : null}
                </td>
                <td className="px-3 py-2.5">
                  {link ? <LinkStateBadge state={link.state} /> : <span className="text-muted">—</span>}
                  {link?.problems.length ? (
                    <ProblemList problems={link.problems} className="mt-1 max-w-sm list-disc pl-4 text-xs text-fg" />
                  ) : null}
                </td>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatInteger(half.mirrorCount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ElsewhereLinks({ cluster, topology, links }: { cluster: string; topology: Topology; links: readonly TopologyLink[] }) {
  if (links.length === 0) return null;
  return (
    <Section
      id="elsewhere-heading"
      title="Links hosted elsewhere that involve this cluster"
      subtitle="Another cluster hosts these links; this one is their source or destination, so a failover here touches them too."
    >
      <ul className="divide-y divide-border text-sm" data-testid="elsewhere-links">
        {links.map((link) => {
          const host = link.halves[0]?.cluster;
          const role =
            link.kind === "bidirectional"
              ? "one end"
              : link.source === cluster
                ? "the source"
                : link.destination === cluster
                  ? "the destination"
                  : "an end";
          return (
            <li key={link.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5">
              {host ? (
                <Link href={linkHref(host, link.name)} className="font-semibold text-accent hover:underline">
                  {link.name}
                </Link>
              ) : (
                <span className="font-semibold">{link.name}</span>
              )}
              <LinkStateBadge state={link.state} />
              <span className="text-muted">
                hosted on {nameOf(topology, host ?? null)}; this cluster is {role}
              </span>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function MirrorsOnCluster({ cluster, halves }: { cluster: string; halves: readonly LinkHalfSummary[] }) {
  const sources = useMemo(() => mirrorHostingHalves(cluster, halves), [cluster, halves]);
  const results = useMirrorLists(sources);
  const rows: MirrorRow[] = sortMirrorRows(
    results.flatMap((r) => (r.mirrors ?? []).map((m: MirrorView) => ({ ...m, link: r.source.linkName }))),
    compareMirrorStatusSeverity,
  );
  const failed = results.filter((r) => r.error && !r.mirrors);
  const pending = results.some((r) => r.isPending);
  if (sources.length === 0) {
    return <p className="px-4 py-4 text-sm text-muted">No mirror topics: no destination or bidirectional link half is hosted here.</p>;
  }
  return (
    <>
      {failed.map((r) => (
        <ApiErrorNotice
          key={r.source.linkName}
          error={r.error}
          cluster={cluster}
          what={`the mirrors of ${r.source.linkName}`}
          className="mx-4 mt-3"
        />
      ))}
      {pending && rows.length === 0 ? (
        <div role="status" aria-label="Loading the mirrors" className="space-y-2 px-4 py-4">
          {[0, 1, 2].map((i) => (
            <div key={i} aria-hidden className="h-4 animate-pulse rounded bg-surface-2" />
          ))}
        </div>
      ) : rows.length === 0 && failed.length === 0 ? (
        <p className="px-4 py-4 text-sm text-muted">The links hosted here mirror no topics yet.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="cluster-mirrors">
            <caption className="sr-only">Mirror topics on {cluster}, worst status first</caption>
            <thead className="text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Mirror topic
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Link
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Source topic
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Partitions
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Max lag
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, MIRROR_ROWS).map((m) => (
                <tr key={`${m.link}/${m.name}`} className="border-t border-border align-top">
                  <th scope="row" className="px-4 py-2 font-normal">
                    <Link href={mirrorHref(cluster, m.link, m.name)} className="font-medium text-accent hover:underline">
                      {m.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2">
                    <Link href={linkHref(cluster, m.link)} className="text-accent hover:underline">
                      {m.link}
                    </Link>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{m.sourceTopic}</td>
                  <td className="px-3 py-2">
                    <MirrorStatusBadge status={m.status} />
                    {m.error ? <p className="mt-1 text-xs text-fg">{m.error}</p> : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatInteger(m.partitions)}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                    <StaleLag staleSince={m.flowing ? null : m.staleSince}>{formatLagLong(m.maxLag)}</StaleLag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > MIRROR_ROWS ? (
            <p className="px-4 py-2 text-sm text-muted">
              Showing the {MIRROR_ROWS} worst of {plural(rows.length, "mirror")}; each link page lists all of its mirrors with filters.
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}

/** One cluster: its status and why, the link halves it hosts, links elsewhere that touch it, and its mirror topics. */
export function ClusterPage({ cluster: name }: { cluster: string }) {
  const { pollIntervalMs } = useSettings();
  const topologyQuery = useTopology();
  const linksQuery = useClusterLinks(name);
  const topology = topologyQuery.data;
  const cluster = topology?.clusters.find((c) => c.name === name);
  const elsewhere = useMemo(() => (topology ? linksInvolving(topology, name) : []), [topology, name]);

  const crumbs = (
    <nav aria-label="Breadcrumb" className="text-sm text-muted">
      <ol className="flex items-center gap-1">
        <li>
          <Link href="/" className="hover:text-fg hover:underline">
            Fleet
          </Link>
        </li>
        <li className="inline-flex items-center gap-1">
          <ChevronRight aria-hidden className="size-3.5" />
          <span aria-current="page" className="font-medium text-fg">
            {cluster ? cluster.displayName || cluster.name : name}
          </span>
        </li>
      </ol>
    </nav>
  );

  if (topologyQuery.isPending) {
    return (
      <div className="space-y-6">
        {crumbs}
        <div role="status" aria-label="Loading the cluster" className="space-y-3">
          <div aria-hidden className="h-8 w-72 animate-pulse rounded bg-surface-2" />
          <div aria-hidden className="h-4 w-96 max-w-full animate-pulse rounded bg-surface-2" />
          <div aria-hidden className="h-40 animate-pulse rounded-lg bg-surface-2" />
        </div>
      </div>
    );
  }
  if (!topology) {
    return (
      <div className="space-y-6">
        {crumbs}
        <ApiErrorNotice error={topologyQuery.error} what="the fleet topology" />
      </div>
    );
  }
  if (!cluster || cluster.status === "external") {
    return (
      <div className="space-y-4">
        {crumbs}
        <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
        <div role="alert" className="flex items-start gap-2 rounded-md border border-border bg-surface px-4 py-3 text-sm">
          <CircleHelp aria-hidden className="mt-0.5 size-4 shrink-0 text-muted" />
          <p>
            {cluster
              ? "This is an external cluster: links name it, but it is not configured in Linkscope, so it cannot be read."
              : `No configured cluster is called “${name}”.`}{" "}
            <Link href="/" className="font-medium text-accent hover:underline">
              Back to the fleet topology
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const halves = linksQuery.data ?? [];
  return (
    <div className="space-y-6">
      {crumbs}
      <div className="flex flex-wrap items-start gap-4">
        {/* basis-72: on a phone the refresh controls wrap below instead of squeezing the reason into a narrow column */}
        <div className="min-w-0 flex-1 basis-72">
          <Header cluster={cluster} topology={topology} />
        </div>
        <div className="flex items-center gap-3">
          <Freshness updatedAt={topologyQuery.dataUpdatedAt} pollIntervalMs={pollIntervalMs} failing={topologyQuery.isError} />
          <button
            type="button"
            onClick={() => {
              void topologyQuery.refetch();
              void linksQuery.refetch();
            }}
            disabled={topologyQuery.isFetching || linksQuery.isFetching}
            className="inline-flex items-center gap-1.5 rounded border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60"
          >
            <RefreshCw aria-hidden className={topologyQuery.isFetching || linksQuery.isFetching ? "size-4 animate-spin" : "size-4"} />
            Refresh
          </button>
        </div>
      </div>
      <Section
        id="hosted-heading"
        title="Links hosted on this cluster"
        subtitle="Each row is the half of a link that lives here; open it for tasks, configs and mirrors."
      >
        {linksQuery.error ? (
          <ApiErrorNotice
            error={linksQuery.error}
            cluster={name}
            what="its links"
            stale={Boolean(linksQuery.data)}
            asOf={linksQuery.lastKnownAsOf}
            className="m-4"
          />
        ) : null}
        {linksQuery.isPending ? (
          <div role="status" aria-label="Loading the links" className="space-y-2 px-4 py-4">
            {[0, 1].map((i) => (
              <div key={i} aria-hidden className="h-4 animate-pulse rounded bg-surface-2" />
            ))}
          </div>
        ) : linksQuery.data ? (
          <HostedLinks cluster={name} topology={topology} halves={halves} />
        ) : null}
      </Section>
      <ElsewhereLinks cluster={name} topology={topology} links={elsewhere} />
      <Section
        id="mirrors-heading"
        title="Mirror topics on this cluster"
        subtitle="Read-only topics this cluster mirrors through the links it hosts, worst status first."
      >
        {linksQuery.data ? (
          <MirrorsOnCluster cluster={name} halves={halves} />
        ) : (
          <p className="px-4 py-4 text-sm text-muted">
            {linksQuery.error
              ? "The mirror topics cannot be listed until the links hosted here can be read (see above)."
              : "Waiting for the list of links."}
          </p>
        )}
      </Section>
    </div>
  );
}
