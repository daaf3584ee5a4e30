import type { Metadata } from "next";
import { Suspense } from "react";
import { MirrorPage } from "@/components/mirrors/mirror-page";
import { decodeParam } from "@/components/links/link-paths";
import { SkeletonBlock } from "@/components/ui/skeleton";

type Props = PageProps<"/clusters/[cluster]/links/[link]/mirrors/[topic]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cluster, topic } = await params;
  return { title: `${decodeParam(topic)} on ${decodeParam(cluster)}` };
}

export default async function Page({ params }: Props) {
  const { cluster, link, topic } = await params;
  return (
    <Suspense fallback={<SkeletonBlock label="Loading the mirror page" lines={8} />}>
      <MirrorPage cluster={decodeParam(cluster)} link={decodeParam(link)} topic={decodeParam(topic)} />
    </Suspense>
  );
}
