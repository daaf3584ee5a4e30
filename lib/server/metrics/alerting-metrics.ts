import type { PrometheusText } from "./prometheus-text";

/*
 * The series the shipped alert rules (deploy/prometheus/linkscope-rules.yml) read, per link half that hosts mirrors.
 * Everything here is an input: whether a half flows, since when it is stale and the lag in seconds are judged by the
 * domain (from the clusters' reports and the history); this module only turns them into gauges. An unknown figure is
 * left out, never written as 0: an absent series raises no alert, a 0 would claim "caught up".
 */

export interface HalfFlow {
  flowing: boolean;
  /** Epoch ms of the first reading at which it stopped flowing; null while flowing (or when never known). */
  staleSinceMs: number | null;
}

export interface HostedHalfFigures {
  /** The cluster hosting this half (a link's destination, or either end of a bidirectional link). */
  cluster: string;
  link: string;
  /** null while Linkscope cannot judge it: no series. */
  flow: HalfFlow | null;
  /** Estimated seconds of the source's production the worst mirror is behind; null when unknown. */
  maxLagSeconds: number | null;
  rpoBudgetSeconds: number;
  mirrors: readonly { name: string; status: string; lagSeconds: number | null }[];
  /** null when the tasks were not read. */
  tasks: readonly { state: string }[] | null;
}

export interface ProblemOccurrence {
  cluster: string;
  /** "" for a problem of the cluster itself. */
  link: string;
  code: string;
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

export function writeAlertingMetrics(text: PrometheusText, halves: readonly HostedHalfFigures[], problems: readonly ProblemOccurrence[], nowMs: number): void {
  const at = (h: HostedHalfFigures) => ({ cluster: h.cluster, link: h.link });
  const judged = halves.filter((h): h is HostedHalfFigures & { flow: HalfFlow } => h.flow !== null);
  text.gauge(
    "linkscope_link_flowing",
    "1 while the link half hosted on cluster is fetching from its source, 0 when its figures are stale.",
    judged.map((h) => ({ labels: at(h), value: h.flow.flowing ? 1 : 0 })),
  );
  text.gauge(
    "linkscope_link_stale_seconds",
    "Seconds since the link half stopped flowing; 0 while it flows.",
    judged
      .filter((h) => h.flow.flowing || h.flow.staleSinceMs !== null)
      .map((h) => ({ labels: at(h), value: h.flow.flowing ? 0 : Math.max(0, (nowMs - (h.flow.staleSinceMs ?? nowMs)) / 1000) })),
  );
  text.gauge(
    "linkscope_mirror_lag_seconds",
    "Estimated seconds of the source's production the mirror is behind (lag divided by the recent produce rate); absent when unknown.",
    halves.flatMap((h) => h.mirrors.filter((m) => m.lagSeconds !== null).map((m) => ({ labels: { ...at(h), mirror: m.name }, value: m.lagSeconds ?? 0 }))),
  );
  text.gauge(
    "linkscope_link_max_lag_seconds",
    "Estimated seconds behind of the link half's worst mirror; absent when unknown.",
    halves.filter((h) => h.maxLagSeconds !== null).map((h) => ({ labels: at(h), value: h.maxLagSeconds ?? 0 })),
  );
  text.gauge(
    "linkscope_link_rpo_budget_seconds",
    "The link's recovery point objective (rpoSeconds in Linkscope's config, per link or the fleet default).",
    halves.map((h) => ({ labels: at(h), value: h.rpoBudgetSeconds })),
  );
  text.gauge(
    "linkscope_mirrors",
    "Mirror topics of the link half by mirror status.",
    halves.flatMap((h) => [...countBy(h.mirrors, (m) => m.status)].map(([status, count]) => ({ labels: { ...at(h), status }, value: count }))),
  );
  text.gauge(
    "linkscope_link_tasks",
    "Tasks of the link half by task state (ACTIVE, IN_ERROR, ...).",
    halves.flatMap((h) => [...countBy(h.tasks ?? [], (t) => t.state)].map(([state, count]) => ({ labels: { ...at(h), state }, value: count }))),
  );
  const problemCounts = countBy(problems, (p) => JSON.stringify([p.cluster, p.link, p.code]));
  text.gauge(
    "linkscope_problems",
    'Problems Linkscope sees, counted per stable problem code; link="" for a problem of the cluster itself.',
    [...problemCounts].map(([key, count]) => {
      const [cluster, link, code] = JSON.parse(key) as [string, string, string];
      return { labels: { cluster, link, code }, value: count };
    }),
  );
}
