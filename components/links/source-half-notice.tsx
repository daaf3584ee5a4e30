import Link from "next/link";
import { ArrowRight, Info } from "lucide-react";
import { pagePaths } from "./link-paths";

/**
 * The source half of a source-initiated link hosts no mirrors (its topic_names is always empty): say so, and
 * send the reader to the half that does, instead of showing an empty table that looks like data loss.
 */
export function SourceHalfNotice({ cluster, link, destination }: { cluster: string; link: string; destination: string | null }) {
  return (
    <section aria-labelledby="source-half-heading" className="rounded-lg border border-info bg-info-bg px-4 py-4 text-sm">
      <h2 id="source-half-heading" className="flex items-center gap-2 text-base font-semibold text-info">
        <Info aria-hidden className="size-5" />
        This is the source half: no mirror topics live here
      </h2>
      <p className="mt-2 text-fg">
        {link} is source-initiated: {cluster} dials out and serves data, and the mirror topics, their lag and the link tasks live on the
        destination half{destination ? ` on ${destination}` : ""}.
      </p>
      {destination ? (
        <Link
          href={pagePaths.link(destination, link)}
          className="mt-3 inline-flex items-center gap-1.5 rounded bg-accent px-3 py-1.5 font-medium text-accent-fg hover:opacity-90"
        >
          Open the destination half on {destination}
          <ArrowRight aria-hidden className="size-4" />
        </Link>
      ) : (
        <p className="mt-2 text-muted">The destination cluster is not known to Linkscope, so there is no page to link to.</p>
      )}
    </section>
  );
}
