"use client";
import dynamic from "next/dynamic";
import { PanelPlaceholder } from "@/components/ui/panel-placeholder";

// The link page's panels below its header, partition states and tasks load apart from the page (bench item 7 holds
// each page's first-load JavaScript to 200 KB gzip): the lag panel (history, the lag-in-seconds chart, top lagging
// mirrors), the mirror table (filters and the virtualised rows: @tanstack/virtual alone is a fifth of this page's own
// code), the consumer groups and the configs. The page asks for all of them as it mounts, while the link's answers
// are on their way.
const loadLag = () => import("./link-lag-panel");
const loadMirrors = () => import("./mirrors-panel");
const loadConsumerGroups = () => import("./consumer-groups-panel");
const loadConfigs = () => import("./link-configs-panel");

/** Starts downloading the panels' code while the page's first requests are in flight; `dynamic` below reuses the downloads. */
export function preloadLinkPanels(): void {
  for (const load of [loadLag, loadMirrors, loadConsumerGroups, loadConfigs]) {
    void load().catch(() => {
      // A failed download is tried again, and reported, when the panel itself is drawn.
    });
  }
}

export const LinkLagPanel = dynamic(() => loadLag().then((m) => m.LinkLagPanel), {
  ssr: false,
  loading: () => <PanelPlaceholder id="link-lag" title="Lag over time" loading="Loading the lag charts…" height={480} />,
});

export const MirrorsPanel = dynamic(() => loadMirrors().then((m) => m.MirrorsPanel), {
  ssr: false,
  loading: () => <PanelPlaceholder id="mirrors" title="Mirror topics" loading="Loading the mirror table…" height={320} />,
});

export const ConsumerGroupsPanel = dynamic(() => loadConsumerGroups().then((m) => m.ConsumerGroupsPanel), {
  ssr: false,
  loading: () => <PanelPlaceholder id="consumer-groups" title="Consumer groups" loading="Loading the consumer groups…" height={120} />,
});

export const LinkConfigsPanel = dynamic(() => loadConfigs().then((m) => m.LinkConfigsPanel), {
  ssr: false,
  loading: () => <PanelPlaceholder id="link-configs" title="Configs" loading="Loading the configs…" height={200} />,
});
