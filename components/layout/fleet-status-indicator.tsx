"use client";
import { CircleCheck, LoaderCircle, TriangleAlert, Unplug } from "lucide-react";
import clsx from "clsx";
import { useClusters } from "@/lib/client/use-clusters";

/** One glance at the whole fleet, in the header of every page. */
export function FleetStatusIndicator() {
  const { data, error, isPending } = useClusters();
  if (isPending) {
    return (
      <span className="inline-flex items-center gap-1.5 text-sm text-muted" role="status">
        <LoaderCircle aria-hidden className="size-4 animate-spin" /> Checking fleet…
      </span>
    );
  }
  if (error && !data) {
    return (
      <span className="inline-flex items-center gap-1.5 text-sm font-medium text-err" role="status">
        <Unplug aria-hidden className="size-4" /> Fleet status unavailable
      </span>
    );
  }
  const configured = (data?.clusters ?? []).filter((c) => c.status !== "external");
  const bad = configured.filter((c) => c.status !== "ok");
  const healthy = bad.length === 0;
  return (
    <span
      role="status"
      aria-label={
        healthy ? `Fleet: all ${configured.length} clusters OK` : `Fleet: ${bad.length} of ${configured.length} clusters have problems`
      }
      className={clsx(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-sm font-medium",
        healthy ? "bg-ok-bg text-ok" : "bg-err-bg text-err",
      )}
    >
      {healthy ? <CircleCheck aria-hidden className="size-4" /> : <TriangleAlert aria-hidden className="size-4" />}
      {healthy ? `${configured.length}/${configured.length} clusters OK` : `${bad.length} of ${configured.length} clusters need attention`}
    </span>
  );
}
