import { LinkRollupStateSchema, type Topology } from "@/lib/domain/types";
import { type HostedHalfFigures, type ProblemOccurrence, writeAlertingMetrics } from "./alerting-metrics";
import { PrometheusText } from "./prometheus-text";

export interface MirrorLagSample {
  cluster: string;
  link: string;
  mirror: string;
  status: string;
  maxLag: number | null;
  /** Epoch ms since when the mirror does not flow (its lag is then a floor); null while it flows. */
  staleSince: number | null;
}

export interface AlertingInputs {
  halves: readonly HostedHalfFigures[];
  problems: readonly ProblemOccurrence[];
  nowMs: number;
}

/** Fleet health for alerting: cluster reachability, link rollup state, mirror partition states and lag. */
export function fleetMetrics(topology: Topology, mirrors: readonly MirrorLagSample[], alerting: AlertingInputs): string {
  const text = new PrometheusText();
  const configured = topology.clusters.filter((c) => c.status !== "external");
  text.gauge(
    "linkscope_cluster_up",
    "1 when Linkscope can read the cluster's REST API, else 0.",
    configured.map((c) => ({ labels: { cluster: c.name, status: c.status }, value: c.status === "ok" ? 1 : 0 })),
  );
  const linkLabels = (l: Topology["links"][number]) => ({
    link: l.name,
    link_id: l.id,
    kind: l.kind,
    source: l.source ?? "",
    destination: l.destination ?? "",
  });
  text.gauge(
    "linkscope_link_state",
    "1 for the link's rollup state (ACTIVE, DEGRADED, PAUSED, FAILED, NOT_FLOWING, UNKNOWN; docs/link-states.md), 0 for the others.",
    topology.links.flatMap((l) =>
      LinkRollupStateSchema.options.map((state) => ({ labels: { ...linkLabels(l), state }, value: l.state === state ? 1 : 0 })),
    ),
  );
  text.gauge(
    "linkscope_link_problems",
    "Number of problems Linkscope sees on the link.",
    topology.links.map((l) => ({ labels: linkLabels(l), value: l.problems.length })),
  );
  text.gauge(
    "linkscope_link_mirror_partitions",
    "Mirror partitions of the link by state category.",
    topology.links.flatMap((l) =>
      Object.entries(l.partitionStates).map(([category, count]) => ({
        labels: { ...linkLabels(l), category, counts: l.partitionStatesSource },
        value: count,
      })),
    ),
  );
  text.gauge(
    "linkscope_link_max_lag_messages",
    "Largest per-partition mirror lag of the link, in messages. While the link does not flow it is the last known lag: at least this, as of linkscope_link_lag_stale_since_timestamp_seconds.",
    topology.links.filter((l) => l.maxLag !== null).map((l) => ({ labels: linkLabels(l), value: l.maxLag ?? 0 })),
  );
  // "≥ N, as of T" for scrapers: the lag series keep their identity (no label flips when a link stops), and these say
  // from when each figure is only a floor. Absent while flowing.
  text.gauge(
    "linkscope_link_lag_stale_since_timestamp_seconds",
    "Unix time since which the link does not flow: its lag figures are at least what they show, as of then. Absent while it flows.",
    topology.links
      .filter((l) => !l.flowing && l.staleSince !== null)
      .map((l) => ({ labels: linkLabels(l), value: (l.staleSince ?? 0) / 1000 })),
  );
  const mirrorLabels = (m: MirrorLagSample) => ({ cluster: m.cluster, link: m.link, mirror: m.mirror, status: m.status });
  text.gauge(
    "linkscope_mirror_max_lag_messages",
    "Largest per-partition lag of one mirror topic, in messages. While the mirror does not flow it is the last known lag: at least this, as of linkscope_mirror_lag_stale_since_timestamp_seconds.",
    mirrors.filter((m) => m.maxLag !== null).map((m) => ({ labels: mirrorLabels(m), value: m.maxLag ?? 0 })),
  );
  text.gauge(
    "linkscope_mirror_lag_stale_since_timestamp_seconds",
    "Unix time since which the mirror does not flow: its lag is at least what linkscope_mirror_max_lag_messages shows, as of then. Absent while it flows.",
    mirrors.filter((m) => m.staleSince !== null).map((m) => ({ labels: mirrorLabels(m), value: (m.staleSince ?? 0) / 1000 })),
  );
  writeAlertingMetrics(text, alerting.halves, alerting.problems, alerting.nowMs);
  return text.toString();
}
