"use client";
import { useLinkDetail } from "@/lib/client/use-link";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { LinkTasksTable } from "./link-tasks-table";
import { UnreadNote } from "./unread-note";

export function LinkTasksPanel({ cluster, link }: { cluster: string; link: string }) {
  const { data, error, isPending } = useLinkDetail(cluster, link);
  const unread = data?.problems.find((p) => p.code === "link-detail-unread");
  const inError = data?.tasks.filter((t) => t.state === "IN_ERROR" || t.errors.length > 0).length ?? 0;
  return (
    <Panel
      id="link-tasks"
      title="Link tasks"
      subtitle={
        data
          ? inError > 0
            ? `${inError} of ${data.tasks.length} in error`
            : data.tasks.length > 0
              ? "No task errors"
              : undefined
          : undefined
      }
    >
      {data ? (
        unread && data.tasks.length === 0 ? (
          <UnreadNote problem={unread} />
        ) : (
          <LinkTasksTable tasks={data.tasks} tasksReported={data.tasksReported} linkMode={data.linkMode} />
        )
      ) : isPending ? (
        <SkeletonBlock label="Loading link tasks" lines={4} />
      ) : (
        <ApiErrorNotice compact error={error} cluster={cluster} what="the link tasks" />
      )}
    </Panel>
  );
}
