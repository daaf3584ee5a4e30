"use client";
import { preloadCode } from "@/components/ui/preload-code";
import { lazy } from "react";
import { BrowserOnly } from "@/components/ui/browser-only";
import { PanelPlaceholder } from "@/components/ui/panel-placeholder";
import { Skeleton } from "@/components/ui/skeleton";

// The link page's panels below its header, partition states and tasks load apart from the page (bench item 7 holds
// each page's first-load JavaScript to 200 KB gzip): the lag panel (history, the lag-in-seconds chart, top lagging
// mirrors), the mirror table (filters and the virtualised rows: @tanstack/virtual alone is a fifth of this page's own
// code), the consumer groups and the configs. The page asks for all of them as it mounts, while the link's answers
// are on their way. So does the row of admin buttons above them (their permission rules and the failover entry), which
// stay disabled until the link's answer is there anyway.
const loadAdminActions = () => import("@/components/wizards/link-admin/link-admin-actions");
const loadLag = () => import("./link-lag-panel");
const loadMirrors = () => import("./mirrors-panel");
const loadConsumerGroups = () => import("./consumer-groups-panel");
const loadConfigs = () => import("./link-configs-panel");

/** Starts downloading the panels' code while the page's first requests are in flight; the lazy panels below reuse the downloads. */
export function preloadLinkPanels(): void {
  preloadCode(loadAdminActions, loadLag, loadMirrors, loadConsumerGroups, loadConfigs);
}

const LazyAdminActions = lazy(() => loadAdminActions().then((m) => ({ default: m.LinkAdminActions })));

const LazyLag = lazy(() => loadLag().then((m) => ({ default: m.LinkLagPanel })));
const LazyMirrors = lazy(() => loadMirrors().then((m) => ({ default: m.MirrorsPanel })));
const LazyConsumerGroups = lazy(() => loadConsumerGroups().then((m) => ({ default: m.ConsumerGroupsPanel })));
const LazyConfigs = lazy(() => loadConfigs().then((m) => ({ default: m.LinkConfigsPanel })));

/** What every panel of the link page is drawn from. */
interface LinkPanelProps {
  cluster: string;
  link: string;
}

export function LinkAdminActions(props: LinkPanelProps) {
  return (
    <BrowserOnly
      fallback={
        <div role="status" className="flex flex-wrap gap-2" data-testid="link-actions-placeholder">
          <span className="sr-only">Loading the link's actions…</span>
          <Skeleton className="h-[34px] w-36" />
          <Skeleton className="h-[34px] w-32" />
          <Skeleton className="h-[34px] w-28" />
        </div>
      }
    >
      <LazyAdminActions {...props} />
    </BrowserOnly>
  );
}

export function LinkLagPanel(props: LinkPanelProps) {
  return (
    <BrowserOnly fallback={<PanelPlaceholder id="link-lag" title="Lag over time" loading="Loading the lag charts…" height={480} />}>
      <LazyLag {...props} />
    </BrowserOnly>
  );
}

export function MirrorsPanel(props: LinkPanelProps) {
  return (
    <BrowserOnly fallback={<PanelPlaceholder id="mirrors" title="Mirror topics" loading="Loading the mirror table…" height={320} />}>
      <LazyMirrors {...props} />
    </BrowserOnly>
  );
}

export function ConsumerGroupsPanel(props: LinkPanelProps) {
  return (
    <BrowserOnly
      fallback={<PanelPlaceholder id="consumer-groups" title="Consumer groups" loading="Loading the consumer groups…" height={120} />}
    >
      <LazyConsumerGroups {...props} />
    </BrowserOnly>
  );
}

export function LinkConfigsPanel(props: LinkPanelProps) {
  return (
    <BrowserOnly fallback={<PanelPlaceholder id="link-configs" title="Configs" loading="Loading the configs…" height={200} />}>
      <LazyConfigs {...props} />
    </BrowserOnly>
  );
}
