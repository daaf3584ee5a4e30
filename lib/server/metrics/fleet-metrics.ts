import { LinkRollupStateSchema, type Topology } from "@/lib/domain/types";
import { type HostedHalfFigures, type ProblemOccurrence, writeAlertingMetrics } from "./alerting-metrics";
import { PrometheusText } from "./prometheus-text";

export interface MirrorLagSample {
  cluster: string;
  link: string;
  mirror: string;
  status: string;
  maxLag: number | null;
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
  const linkLabels = (l: Topology["links"][number]) => ({ link: l.name, link_id: l.id, kind: l.kind, source: l.source ?? "", destination: l.destination ?? "" });
  text.gauge(
    "linkscope_link_state",
    "1 for the link's rollup state (ACTIVE, DEGRADED, PAUSED, FAILED, NOT_FLOWING, UNKNOWN; docs/link-states.md), 0 for the others.",
    topology.links.flatMap((l) => LinkRollupStateSchema.options.map((state) => ({ labels: { ...linkLabels(l), state }, value: l.state === state ? 1 : 0 }))),
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
      Object.entries(l.partitionStates).map(([category, count]) => ({ labels: { ...linkLabels(l), category, counts: l.partitionStatesSource }, value: count })),
    ),
  );
  text.gauge(
    "linkscope_link_max_lag_messages",
    "Largest per-partition mirror lag of the link, in messages.",
    topology.links.filter((l) => l.maxLag !== null).map((l) => ({ labels: linkLabels(l), value: l.maxLag ?? 0 })),
  );
  text.gauge(
    "linkscope_mirror_max_lag_messages",
    "Largest per-partition lag of one mirror topic, in messages.",
    mirrors.filter((m) => m.maxLag !== null).map((m) => ({ labels: { cluster: m.cluster, link: m.link, mirror: m.mirror, status: m.status }, value: m.maxLag ?? 0 })),
  );
  writeAlertingMetrics(text, alerting.halves, alerting.problems, alerting.nowMs);
  return text.toString();
}
