import Link from "next/link";
import clsx from "clsx";
import type { TopologyLinkHalf } from "@/lib/domain/types";
import { isLinkErrorPresent } from "@/lib/domain/links/link-health";
import { LinkStateBadge } from "@/components/ui/state-badge";
import { pagePaths } from "./link-paths";

const MODE_MEANING: Record<string, string> = {
  DESTINATION: "hosts the mirror topics",
  SOURCE: "serves data to the destination; hosts no mirrors",
  BIDIRECTIONAL: "mirrors in both directions",
};

/** Each half of the link: where it lives, its mode, its state and its error, each half linking to its own page. */
export function LinkHalves({ halves, link, current }: { halves: readonly TopologyLinkHalf[]; link: string; current: string }) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2" aria-label="Link halves">
      {halves.map((h) => {
        const here = h.cluster === current;
        const hasError = isLinkErrorPresent(h.error);
        return (
          <li
            key={h.cluster}
            data-testid={`link-half-${h.cluster}`}
            className={clsx(
              "rounded-md border px-3 py-2 text-sm",
              here ? "border-accent" : "border-border",
              hasError ? "bg-err-bg" : "bg-surface",
            )}
          >
            <div className="flex flex-wrap items-center gap-2">
              {here ? (
                <span className="font-semibold">
                  {h.cluster} <span className="font-normal text-muted">(this page)</span>
                </span>
              ) : (
                <Link href={pagePaths.link(h.cluster, link)} className="font-semibold text-accent hover:underline">
                  {h.cluster}
                </Link>
              )}
              <span className="ml-auto">
                <LinkStateBadge state={h.state} />
              </span>
            </div>
            <p className="mt-1 text-xs text-muted">
              <span className="font-mono text-fg">{h.linkMode}</span> · <span className="font-mono text-fg">{h.connectionMode}</span>
              {MODE_MEANING[h.linkMode] ? ` · ${MODE_MEANING[h.linkMode]}` : ""}
              {h.connectionMode === "INBOUND" ? " · never dials out" : ""}
            </p>
            {hasError ? (
              <p className="mt-1 break-words text-err">
                <span className="font-mono font-semibold">{h.error}</span>
                {h.errorMessage ? `: ${h.errorMessage}` : ""}
              </p>
            ) : (
              <p className="mt-1 text-xs text-muted">No link error reported.</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
