import type { Metadata } from "next";
import { ClusterPage } from "@/components/clusters/cluster-page";

type Props = PageProps<"/clusters/[cluster]">;

function decode(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cluster } = await params;
  return { title: decode(cluster) };
}

export default async function Page({ params }: Props) {
  const { cluster } = await params;
  return <ClusterPage cluster={decode(cluster)} />;
}
