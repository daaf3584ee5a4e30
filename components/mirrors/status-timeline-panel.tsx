"use client";
import { useMemo } from "react";
import { historyRange, useHistory } from "@/lib/client/use-history";
import { useMirror } from "@/lib/client/use-mirror";
import { useNow } from "@/lib/client/use-now";
import { useChartUrlState } from "@/components/charts/use-chart-url-state";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { statusTimeline } from "./status-timeline-model";
import { StatusTimeline } from "./status-timeline";
import { useObservedStatusChanges } from "./use-observed-status";

export function StatusTimelinePanel({ cluster, link, topic }: { cluster: string; link: string; topic: string }) {
  const { range, utc } = useChartUrlState();
  const preset = historyRange(range);
  const mirror = useMirror(cluster, link, topic);
  // Same key as the lag chart: no extra request.
  const history = useHistory({ cluster, link, topic, range });
  const now = useNow(5_000);
  const observed = useObservedStatusChanges(mirror.data?.status, mirror.dataUpdatedAt);
  const m = mirror.data;
  const timeline = useMemo(() => {
    if (!m) return null;
    const to = history.data?.to ?? now;
    const from = history.data?.from ?? to - preset.ms;
    const sampleTimes = (history.data?.series ?? []).flatMap((s) => s.points.map(([t]) => t));
    return statusTimeline({ status: m.status, stateTimeMs: m.stateTimeMs, from, to, sampleTimes, observed });
  }, [m, history.data, now, preset.ms, observed]);

  return (
    <Panel
      id="status-timeline"
      title="Status timeline"
      subtitle={`${preset.title}; built from state_time_ms, lag history and what this page has seen.`}
    >
      {timeline ? (
        <StatusTimeline timeline={timeline} utc={utc} now={now} />
      ) : mirror.isPending ? (
        <SkeletonBlock label="Loading status timeline" lines={2} />
      ) : (
        <ApiErrorNotice compact error={mirror.error} cluster={cluster} what="the status timeline" />
      )}
    </Panel>
  );
}
