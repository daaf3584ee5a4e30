import { ArrowDownToLine, ArrowUpDown, ArrowUpFromLine, Crosshair, type LucideIcon } from "lucide-react";
import type { TopologyCluster } from "@/lib/domain/types";
import type { ChainRole } from "./model/highlight";

export const ROLE_LOOK: Record<Exclude<ChainRole, "outside">, { label: string; icon: LucideIcon }> = {
  selected: { label: "Selected", icon: Crosshair },
  upstream: { label: "Upstream", icon: ArrowUpFromLine },
  downstream: { label: "Downstream", icon: ArrowDownToLine },
  both: { label: "Up- and downstream", icon: ArrowUpDown },
};

const STATUS_WORD: Record<TopologyCluster["status"], string> = {
  ok: "OK",
  unreachable: "unreachable",
  unauthorized: "unauthorized",
  error: "error",
  external: "external (not configured in Linkscope)",
};

/** The node's accessible name: who it is, its state and zone, and its part in a highlighted chain. */
export function clusterNodeLabel(cluster: TopologyCluster, role: ChainRole | null, selectedLabel: string | null): string {
  const zone = cluster.network ? `${cluster.network} network` : "network zone not set";
  const parts = [`Cluster ${cluster.displayName || cluster.name} (${cluster.name})`, STATUS_WORD[cluster.status], zone];
  if (cluster.region) parts.push(cluster.region);
  if (cluster.error) parts.push(cluster.error);
  if (role && role !== "outside" && role !== "selected" && selectedLabel)
    parts.push(`${ROLE_LOOK[role].label.toLowerCase()} of ${selectedLabel}`);
  if (role === "selected") parts.push("selected: its chain is highlighted");
  return parts.join(", ");
}
