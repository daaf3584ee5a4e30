"use client";
import { useMemo, useState } from "react";
import Link from "next/link";
import clsx from "clsx";
import { CircleCheck, CircleHelp, CircleX, TriangleAlert } from "lucide-react";
import { PARTITION_STATE_CATEGORIES, totalPartitions, unrecognisedPartitionCategories } from "@/lib/domain/mirrors/mirror-states";
import type { TopLagMirror } from "@/lib/api/top-lag";
import { linksByLag, mirrorHostsForTopLag } from "@/lib/domain/mirrors/top-lag";
import type { Topology } from "@/lib/domain/types";
import { useFleetTopLagMirrors } from "@/lib/client/use-fleet-top-lag";
import { isPartial, type FleetCoverage } from "@/lib/domain/topology/coverage";
import { PartialNote } from "@/components/ui/partial-note";
import { StaleLag } from "@/components/ui/stale-lag";
import { formatInteger, formatLagLong, plural } from "./format";
import { clusterHref, linkHref } from "./hrefs";
import { LINK_STATE_LOOK, LINK_STATE_MEANING, TONE_BADGE, TONE_TEXT, TONE_VAR, partitionLook } from "./looks";
import { clustersByStatus, fleetPartitionStates, linksByState, problemsOf, type ProblemItem } from "./model/summary";

const TOP = 10;

function Section({ id, title, children, aside }: { id: string; title: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="border-t border-border px-4 py-3 first:border-t-0">
      <div className="mb-2 flex items-baseline gap-2">
        <h3 id={id} className="text-sm font-semibold">
          {title}
        </h3>
        {aside ? <span className="ml-auto text-xs text-muted">{aside}</span> : null}
      </div>
      {children}
    </section>
  );
}

const LEFT_OUT = "Unread halves count with their last known state and partitions, stale ones with what they last reported.";

export function LinksByState({ topology }: { topology: Pick<Topology, "links" | "coverage"> }) {
  const counts = linksByState(topology.links);
  return (
    <>
      <PartialNote coverage={topology.coverage} what={LEFT_OUT} className="mb-2" />
      <ul className="grid grid-cols-2 gap-1.5" data-testid="links-by-state">
        {counts.map(({ state, count }) => {
          const look = LINK_STATE_LOOK[state];
          const Icon = look.icon;
          return (
            <li
              key={state}
              title={LINK_STATE_MEANING[state]}
              data-state={state}
              data-count={count}
              className={clsx(
                "flex items-center gap-1.5 rounded px-2 py-1 text-xs",
                count ? TONE_BADGE[look.tone] : "bg-surface-2 text-muted",
              )}
            >
              <Icon aria-hidden className="size-3.5 shrink-0" />
              <span className="font-semibold">{look.label}</span>
              <span className="ml-auto font-semibold tabular-nums">{count}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function PartitionStates({ topology }: { topology: Pick<Topology, "links" | "coverage"> }) {
  const states = fleetPartitionStates(topology.links);
  const total = totalPartitions(states);
  const categories = [...PARTITION_STATE_CATEGORIES, ...unrecognisedPartitionCategories(states)];
  const partial = (
    <PartialNote
      coverage={topology.coverage}
      what="Partitions of unread halves are missing from these counts; stale halves count as they last reported."
      className="mb-2"
    />
  );
  if (total === 0)
    return (
      <>
        {partial}
        <p className="text-xs text-muted">No mirror partitions yet.</p>
      </>
    );
  return (
    <div data-testid="partition-states">
      {partial}
      <div aria-hidden className="mb-2 flex h-2.5 overflow-hidden rounded-full bg-surface-2">
        {categories.map((category) => {
          const n = states[category] ?? 0;
          return n ? (
            <div key={category} style={{ width: `${(100 * n) / total}%`, background: TONE_VAR[partitionLook(category).tone] }} />
          ) : null;
        })}
      </div>
      <ul className="space-y-0.5 text-xs">
        {categories.map((category) => {
          const n = states[category] ?? 0;
          const look = partitionLook(category);
          const Icon = look.icon;
          return (
            <li
              key={category}
              data-category={category}
              data-count={n}
              className={clsx("flex items-center gap-1.5", n ? "text-fg" : "text-muted")}
            >
              <Icon aria-hidden className={clsx("size-3.5", n ? TONE_TEXT[look.tone] : "")} />
              {look.label}
              <span className="ml-auto tabular-nums font-semibold">{formatInteger(n)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const PROBLEM_ICON = { error: CircleX, warning: TriangleAlert, unknown: CircleHelp } as const;
const PROBLEM_TONE = { error: "err", warning: "warn", unknown: "neutral" } as const;

function problemHref(item: ProblemItem): string | null {
  if (!item.target) return null;
  return item.target.kind === "cluster" ? clusterHref(item.target.cluster) : linkHref(item.target.cluster, item.target.link);
}

export function ProblemsList({ problems, limit = 8 }: { problems: readonly ProblemItem[]; limit?: number }) {
  const [expanded, setExpanded] = useState(false);
  if (problems.length === 0) {
    return (
      <p className="flex items-center gap-1.5 text-sm text-ok" data-testid="problems-none">
        <CircleCheck aria-hidden className="size-4" /> No problems: every link is ACTIVE and every cluster answers.
      </p>
    );
  }
  const shown = expanded ? problems : problems.slice(0, limit);
  return (
    <>
      <ul className="space-y-2 text-sm" data-testid="problems-list">
        {shown.map((item) => {
          const Icon = PROBLEM_ICON[item.tone];
          const href = problemHref(item);
          return (
            <li key={item.key} className="flex items-start gap-2" data-tone={item.tone}>
              <Icon
                aria-label={item.tone === "error" ? "Error" : item.tone === "warning" ? "Warning" : "Unknown"}
                className={clsx("mt-0.5 size-4 shrink-0", TONE_TEXT[PROBLEM_TONE[item.tone]])}
              />
              <div className="min-w-0">
                {href ? (
                  <Link href={href} className="font-semibold text-accent hover:underline">
                    {item.subject}
                  </Link>
                ) : (
                  <span className="font-semibold">{item.subject}</span>
                )}
                {item.texts.length === 1 ? (
                  <p className="break-words text-fg">{item.texts[0]}</p>
                ) : (
                  <ul className="list-disc space-y-0.5 pl-4 text-fg">
                    {item.texts.map((text) => (
                      <li key={text} className="break-words">
                        {text}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {problems.length > limit ? (
        <button
          type="button"
          onClick={() => setExpanded((e) => !e)}
          className="mt-2 text-xs font-medium text-accent hover:underline"
          aria-expanded={expanded}
        >
          {expanded ? "Show fewer" : `Show all ${problems.length} problems`}
        </button>
      ) : null}
    </>
  );
}

const LAG_LEFT_OUT = "Unread halves' lag is unknown; stale halves' lag is at least what they last reported (≥).";

export function TopLagList({
  mirrors,
  pending,
  failedHosts,
  laggingLinks,
  coverage,
}: {
  mirrors: readonly TopLagMirror[];
  pending: boolean;
  failedHosts: number;
  laggingLinks: number;
  coverage: FleetCoverage;
}) {
  if (laggingLinks === 0 && isPartial(coverage)) {
    // Never an all-clear while part of the fleet cannot say: "no lag" would be read as "nothing at risk".
    return (
      <div data-testid="top-lag-partial">
        <p className="text-sm text-fg">No lag among the halves that were read and flow.</p>
        <PartialNote coverage={coverage} what={LAG_LEFT_OUT} className="mt-1" />
      </div>
    );
  }
  if (laggingLinks === 0) {
    return (
      <p className="flex items-center gap-1.5 text-sm text-ok">
        <CircleCheck aria-hidden className="size-4" /> No mirror lags behind its source.
      </p>
    );
  }
  if (pending && mirrors.length === 0) {
    return (
      <div role="status" aria-label="Loading the mirrors with the most lag" className="space-y-1.5">
        {[0, 1, 2].map((i) => (
          <div key={i} aria-hidden className="h-4 animate-pulse rounded bg-surface-2" />
        ))}
      </div>
    );
  }
  return (
    <>
      <ol className="space-y-1 text-xs" data-testid="top-lag-list">
        {mirrors.map((m) => (
          <li key={m.key} className="flex items-baseline gap-2">
            <div className="min-w-0 flex-1">
              <Link
                href={linkHref(m.cluster, m.linkName)}
                className="block truncate font-medium text-accent hover:underline"
                title={`${m.mirror} on ${m.cluster} (${m.linkName}), ${m.status}`}
              >
                {m.mirror}
              </Link>
              <span className="flex min-w-0 items-baseline gap-1 text-muted">
                <span className="truncate">
                  {m.linkName} on {m.cluster}
                </span>
                {/* The state is what matters most in the row: it never truncates away with the names. */}
                {m.status !== "ACTIVE" ? <span className="shrink-0 font-semibold text-warn">· {m.status}</span> : null}
              </span>
            </div>
            <span className="shrink-0 text-right font-semibold tabular-nums text-fg" title={formatLagLong(m.maxLag)}>
              <StaleLag staleSince={m.staleSince}>{formatLagLong(m.maxLag)}</StaleLag>
            </span>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-muted">
        Largest partition lag per mirror, read from the mirror lists of the {TOP} links with the most lag: no other mirror can lag more.
      </p>
      <PartialNote coverage={coverage} what={LAG_LEFT_OUT} className="mt-2" />
      {failedHosts > 0 ? (
        <p className="mt-2 flex items-start gap-1.5 text-xs text-warn">
          <TriangleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          The mirror lists of {plural(failedHosts, "link half", "link halves")} could not be read; their mirrors may be missing here.
        </p>
      ) : null}
    </>
  );
}

function TopLag({ topology }: { topology: Pick<Topology, "links" | "coverage"> }) {
  // Computed by the server from the snapshot's mirror lists: one small request per poll, however big the top links are.
  const { data, error, isPending } = useFleetTopLagMirrors(TOP);
  const hosts = useMemo(() => mirrorHostsForTopLag(topology.links, TOP), [topology.links]);
  return (
    <TopLagList
      mirrors={data?.mirrors ?? []}
      pending={isPending}
      failedHosts={data ? data.unreadHalves : error ? hosts.length : 0}
      laggingLinks={linksByLag(topology.links as Topology["links"]).length}
      coverage={data?.coverage ?? topology.coverage}
    />
  );
}

/** The fleet at a glance: link states, partition states, problems with where to look, and the worst lag. */
export function FleetSummary({ topology }: { topology: Topology }) {
  const problems = useMemo(() => problemsOf(topology), [topology]);
  const clusterCounts = clustersByStatus(topology.clusters).filter((c) => c.count > 0);
  return (
    <aside aria-labelledby="fleet-summary-heading" className="rounded-lg border border-border bg-surface" data-testid="fleet-summary">
      <div className="border-b border-border px-4 py-3">
        <h2 id="fleet-summary-heading" className="text-base font-semibold">
          Fleet summary
        </h2>
        <p className="text-xs text-muted">
          {plural(topology.clusters.length, "cluster")} (
          {clusterCounts.map((c) => `${c.count} ${c.status === "ok" ? "OK" : c.status}`).join(", ")}),{" "}
          {plural(topology.links.length, "link")}; the whole fleet, whatever the filters.
        </p>
        <PartialNote
          coverage={topology.coverage}
          what={`Of ${plural(topology.coverage.hostingHalves, "mirror-hosting half", "mirror-hosting halves")}, the counts and lag below cover only what was read and flows.`}
          className="mt-1"
        />
      </div>
      <Section id="summary-problems" title={`Problems (${problems.length})`}>
        <ProblemsList problems={problems} />
      </Section>
      <Section id="summary-links" title="Links by state">
        <LinksByState topology={topology} />
      </Section>
      <Section id="summary-partitions" title="Mirror partitions by state">
        <PartitionStates topology={topology} />
      </Section>
      <Section id="summary-lag" title={`Top ${TOP} mirrors by lag`} aside="messages behind">
        <TopLag topology={topology} />
      </Section>
    </aside>
  );
}
