"use client";
import { CircleCheck, LoaderCircle, TriangleAlert, Unplug } from "lucide-react";
import clsx from "clsx";
import { useClusters } from "@/lib/client/use-clusters";
import { plural } from "@/components/topology/format";

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
  const stopped = data?.linksNotFlowing ?? [];
  const healthy = bad.length === 0 && stopped.length === 0;
  const clusters =
    bad.length === 0
      ? `${configured.length}/${configured.length} clusters OK`
      : `${bad.length} of ${configured.length} clusters need attention`;
  // Every cluster can answer while a link between two of them is cut: then the data is what is not OK.
  const links = stopped.length === 0 ? null : `${plural(stopped.length, "link")} not flowing`;
  const label = [
    bad.length === 0
      ? `Fleet: all ${configured.length} clusters OK`
      : `Fleet: ${bad.length} of ${configured.length} clusters have problems`,
    links ? `${links}: ${stopped.map((l) => l.name).join(", ")}` : null,
  ]
    .filter(Boolean)
    .join("; ");
  return (
    <span
      role="status"
      aria-label={label}
      className={clsx(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-sm font-medium",
        healthy ? "bg-ok-bg text-ok" : "bg-err-bg text-err",
        // One short phrase stays on one line on a phone ("7/7 clusters" over "OK" read as two statuses); the long
        // combined one may wrap rather than push the header wider than the screen.
        bad.length > 0 && links ? null : "shrink-0 whitespace-nowrap",
      )}
    >
      {healthy ? <CircleCheck aria-hidden className="size-4" /> : <TriangleAlert aria-hidden className="size-4" />}
      {bad.length === 0 && links ? links : clusters}
      {bad.length > 0 && links ? ` · ${links}` : null}
    </span>
  );
}
