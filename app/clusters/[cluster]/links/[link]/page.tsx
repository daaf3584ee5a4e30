import type { Metadata } from "next";
import { Suspense } from "react";
import { LinkPage } from "@/components/links/link-page";
import { decodeParam } from "@/components/links/link-paths";
import { SkeletonBlock } from "@/components/ui/skeleton";

type Props = PageProps<"/clusters/[cluster]/links/[link]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cluster, link } = await params;
  return { title: `${decodeParam(link)} on ${decodeParam(cluster)}` };
}

export default async function Page({ params }: Props) {
  const { cluster, link } = await params;
  return (
    // The widgets read the URL (filters, chart range); Suspense lets that happen on the client.
    <Suspense fallback={<SkeletonBlock label="Loading the link page" lines={8} />}>
      <LinkPage cluster={decodeParam(cluster)} link={decodeParam(link)} />
    </Suspense>
  );
}
