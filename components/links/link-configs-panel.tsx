"use client";
import { useLinkDetail } from "@/lib/client/use-link";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { Panel } from "@/components/ui/panel";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { LinkConfigs } from "./link-configs";

export function LinkConfigsPanel({ cluster, link }: { cluster: string; link: string }) {
  const { data, error, isPending } = useLinkDetail(cluster, link);
  return (
    <Panel
      id="link-configs"
      title="Configs"
      subtitle={`As ${cluster} reports them for this half; sensitive values never leave the server.`}
    >
      {data ? (
        <LinkConfigs configs={data.configs} />
      ) : isPending ? (
        <SkeletonBlock label="Loading configs" lines={8} />
      ) : (
        <ApiErrorNotice compact error={error} cluster={cluster} what="the configs" />
      )}
    </Panel>
  );
}
