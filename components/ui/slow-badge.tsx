"use client";
import { Snail } from "lucide-react";
import { useSettings } from "@/lib/client/settings-context";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "Slow · 4.0 s" when a cluster answers, but its median answer time is above the configured threshold. */
export function SlowBadge({ latencyMs }: { latencyMs: number | null }) {
  const { slowClusterThresholdMs } = useSettings();
  if (latencyMs === null || latencyMs <= slowClusterThresholdMs) return null;
  return (
    <span
      className="inline-flex items-center gap-1 rounded-full bg-warn-bg px-2 py-0.5 text-xs font-semibold text-warn"
      title={`Median answer time in the last reading: ${seconds(latencyMs)} (slow above ${seconds(slowClusterThresholdMs)}). Its figures still arrive, later.`}
      data-testid="slow-badge"
    >
      <Snail aria-hidden className="size-3.5" />
      Slow · {seconds(latencyMs)}
    </span>
  );
}
