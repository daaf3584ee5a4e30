import { ShieldAlert } from "lucide-react";
import Link from "next/link";

/** Where the runbook opens with its scope already set (the runbook itself checks roles and asks for a dry run first). */
export const failoverPaths = {
  link: (cluster: string, link: string) => `/failover?cluster=${encodeURIComponent(cluster)}&scope=link&links=${encodeURIComponent(link)}`,
  cluster: (cluster: string) => `/failover?cluster=${encodeURIComponent(cluster)}&scope=cluster`,
  failedSource: (source: string) => `/failover?source=${encodeURIComponent(source)}`,
};

const LINK_CLASS =
  "inline-flex items-center gap-1 rounded-md border border-border bg-surface px-3 py-1.5 text-sm font-medium text-fg hover:bg-surface-2";

/** "Fail over…" from a cluster page: the mirrors it hosts, and, if it is the one that is down, everything it feeds. */
export function ClusterFailoverLinks({
  cluster,
  hostsMirrors,
  feedsOthers,
}: {
  cluster: string;
  hostsMirrors: boolean;
  feedsOthers: boolean;
}) {
  if (!hostsMirrors && !feedsOthers) return null;
  return (
    <p className="flex flex-wrap gap-2" data-testid="cluster-failover-links">
      {hostsMirrors ? (
        <Link href={failoverPaths.cluster(cluster)} className={LINK_CLASS}>
          <ShieldAlert aria-hidden className="size-4 text-warn" /> Fail over mirrors on {cluster}…
        </Link>
      ) : null}
      {feedsOthers ? (
        <Link href={failoverPaths.failedSource(cluster)} className={LINK_CLASS}>
          <ShieldAlert aria-hidden className="size-4 text-warn" /> {cluster} is down: fail over what it feeds…
        </Link>
      ) : null}
    </p>
  );
}

/** "Fail over…" from a link page that hosts mirrors. */
export function LinkFailoverLink({ cluster, link }: { cluster: string; link: string }) {
  return (
    <Link href={failoverPaths.link(cluster, link)} className={LINK_CLASS}>
      <ShieldAlert aria-hidden className="size-4 text-warn" /> Fail over…
    </Link>
  );
}
