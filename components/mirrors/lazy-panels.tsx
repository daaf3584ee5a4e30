"use client";
import { preloadCode } from "@/components/ui/preload-code";
import dynamic from "next/dynamic";
import { PanelPlaceholder } from "@/components/ui/panel-placeholder";

// The mirror page's history panels, below its header and partition table, load apart from the page (bench item 7
// holds each page's first-load JavaScript to 200 KB gzip): the lag per partition with the lag-in-seconds chart, and
// the status timeline. The page asks for both as it mounts, while the mirror's answers are on their way.
const loadLag = () => import("./partition-lag-panel");
const loadTimeline = () => import("./status-timeline-panel");

/** Starts downloading the panels' code while the page's first requests are in flight; `dynamic` below reuses the downloads. */
export function preloadMirrorPanels(): void {
  preloadCode(loadLag, loadTimeline);
}

export const PartitionLagPanel = dynamic(() => loadLag().then((m) => m.PartitionLagPanel), {
  ssr: false,
  loading: () => <PanelPlaceholder id="partition-lag" title="Lag per partition" loading="Loading the lag charts…" height={480} />,
});

export const StatusTimelinePanel = dynamic(() => loadTimeline().then((m) => m.StatusTimelinePanel), {
  ssr: false,
  loading: () => <PanelPlaceholder id="status-timeline" title="Status timeline" loading="Loading the status timeline…" height={80} />,
});
