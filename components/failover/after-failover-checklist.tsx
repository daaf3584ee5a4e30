import Link from "next/link";
import type { Topology } from "@/lib/domain/types";
import type { StopAction } from "@/lib/domain/failover/readiness";

/**
 * What an SRE does once the mirrors are writable: the runbook's last step is not the button. Clients still point at the
 * old cluster, consumer groups resume from the last synced offsets, and the links now copy nothing (or diverge).
 */
export function AfterFailoverChecklist({
  cluster,
  links,
  action,
  topology,
}: {
  cluster: string;
  links: readonly string[];
  action: StopAction;
  topology: Topology | undefined;
}) {
  const sources = [
    ...new Set(
      links
        .map((name) => topology?.links.find((l) => l.name === name && l.destination === cluster)?.source)
        .filter((s): s is string => !!s),
    ),
  ];
  const from = sources.length ? sources.join(", ") : "the old source";
  const first = sources[0] ?? "";
  const back = first
    ? `/links/new?source=${encodeURIComponent(cluster)}&destination=${encodeURIComponent(first)}&name=${encodeURIComponent(`${cluster}-to-${first}`)}`
    : "/links/new";
  return (
    <section aria-labelledby="after-failover-heading" className="mt-4 rounded-md border border-border bg-surface-2 p-3 text-sm">
      <h3 id="after-failover-heading" className="font-semibold">
        Next, after the {action}
      </h3>
      <ol className="mt-2 list-decimal space-y-1.5 pl-5">
        <li>
          <strong>Repoint clients.</strong> Producers and consumers of these topics still use {from}: switch their bootstrap servers (or DNS
          alias) to {cluster}.
        </li>
        <li>
          <strong>Consumer groups.</strong> Consumers resume on {cluster} from the last offsets the link synced (if consumer offset sync was
          on); expect some messages again, or none at all for groups not in the link&apos;s filters. Check their lag on {cluster} once they
          are back.
        </li>
        <li>
          <strong>Clean up or reverse the links.</strong>{" "}
          {links.length === 1
            ? `${links[0]} no longer mirrors the stopped topics`
            : `${links.join(", ")} no longer mirror the stopped topics`}
          . Delete {links.length === 1 ? "it" : "them"} from the link page when {from} is gone for good, or plan the way back:{" "}
          <Link href={back} className="text-accent hover:underline">
            create a reverse link {cluster} → {first || "the old source"}
          </Link>{" "}
          and, on the old source&apos;s topics that kept their own writes, truncate-and-restore (Failback tab).
        </li>
        <li>
          <strong>Keep the record.</strong> Download the report above, or open this run in the audit log, for the incident channel and the
          post-mortem.
        </li>
      </ol>
    </section>
  );
}
