"use client";
import { lazy } from "react";
import { BrowserOnly } from "@/components/ui/browser-only";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";

const LazyPanel = lazy(() => import("./mirror-actions-panel").then((m) => ({ default: m.MirrorActionsPanel })));

/**
 * MirrorActionsPanel, loaded after the link page's first JavaScript: it sits below the link's figures and mirror table,
 * and its run flow (dry runs, progress, the run report) is a fifth of that page's code (bench item 7). Its place and
 * heading are held meanwhile, so a link to #mirror-actions still has somewhere to land.
 */
export function MirrorActionsPanel(props: { cluster: string; link: string }) {
  return (
    <BrowserOnly
      fallback={
        <Panel id="mirror-actions" title="Mirror actions">
          <SkeletonBlock label="Loading the mirror actions" lines={6} />
        </Panel>
      }
    >
      <LazyPanel {...props} />
    </BrowserOnly>
  );
}
