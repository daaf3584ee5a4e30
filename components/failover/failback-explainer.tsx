import Link from "next/link";
import type { Topology } from "@/lib/domain/types";

/**
 * Why the Failback tab lists only bidirectional links, and the way back for a one-way link that was failed over: the
 * cluster's reverse and truncate-and-restore actions need the same link on both sides, which a one-way link is not.
 */
export function FailbackExplainer({ topology }: { topology: Topology | undefined }) {
  const oneWay = (topology?.links ?? []).flatMap(({ id, name, kind, source, destination }) =>
    kind !== "bidirectional" && source && destination ? [{ id, name, source, destination }] : [],
  );
  return (
    <div className="space-y-2 rounded-md bg-info-bg px-3 py-2 text-sm" data-testid="failback-explainer">
      <p>
        <strong>Only bidirectional links are listed here.</strong> Reverse and truncate-and-restore act on a mirror through the link it
        belongs to, and only a bidirectional link exists on both clusters, so only it can turn a topic back into a mirror of the other side.
      </p>
      {oneWay.length > 0 ? (
        <details>
          <summary className="cursor-pointer font-medium">
            The way back for a one-way link that was failed over (
            {oneWay.length === 1 ? "1 one-way link" : `${oneWay.length} one-way links`})
          </summary>
          <p className="mt-1">
            After a failover the mirrors on the destination are ordinary writable topics and the old link copies nothing. To go back: create
            a link in the other direction (destination → old source) and mirror the topics back; on the old source, the topics that still
            exist took no new writes since, but must be deleted or renamed before mirrors of the same name can be created there. Then
            repoint clients, and fail over again on the old source.
          </p>
          <ul className="mt-1 space-y-1">
            {oneWay.map((l) => (
              <li key={l.id}>
                <span className="font-mono">{l.name}</span> ({l.source} → {l.destination}):{" "}
                <Link
                  href={`/links/new?source=${encodeURIComponent(l.destination)}&destination=${encodeURIComponent(l.source)}&name=${encodeURIComponent(`${l.destination}-to-${l.source}`)}`}
                  className="text-accent hover:underline"
                >
                  create the reverse link {l.destination} → {l.source}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
