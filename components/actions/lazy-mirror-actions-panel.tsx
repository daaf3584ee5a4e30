"use client";
import dynamic from "next/dynamic";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";

/**
 * MirrorActionsPanel, loaded after the link page's first JavaScript: it sits below the link's figures and mirror table,
 * and its run flow (dry runs, progress, the run report) is a fifth of that page's code (bench item 7). Its place and
 * heading are held meanwhile, so a link to #mirror-actions still has somewhere to land.
 */
export const MirrorActionsPanel = dynamic(() => import("./mirror-actions-panel").then((m) => m.MirrorActionsPanel), {
  ssr: false,
  loading: () => (
    <Panel id="mirror-actions" title="Mirror actions">
      <SkeletonBlock label="Loading the mirror actions" lines={6} />
    </Panel>
  ),
});
