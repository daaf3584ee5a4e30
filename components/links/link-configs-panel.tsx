"use client";
import { useLinkDetail } from "@/lib/client/use-link";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { LinkConfigs } from "./link-configs";
import { UnreadNote } from "./unread-note";

export function LinkConfigsPanel({ cluster, link }: { cluster: string; link: string }) {
  const { data, error, isPending } = useLinkDetail(cluster, link);
  const unread = data?.problems.find((p) => p.code === "link-configs-unread");
  return (
    <Panel
      id="link-configs"
      title="Configs"
      subtitle={`As ${cluster} reports them for this half; sensitive values never leave the server.`}
    >
      {data ? (
        unread && data.configs.length === 0 ? (
          <UnreadNote problem={unread} />
        ) : (
          <LinkConfigs configs={data.configs} />
        )
      ) : isPending ? (
        <SkeletonBlock label="Loading configs" lines={8} />
      ) : (
        <ApiErrorNotice compact error={error} cluster={cluster} what="the configs" />
      )}
    </Panel>
  );
}
