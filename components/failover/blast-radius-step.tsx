import { ArrowDownRight, ArrowUpLeft } from "lucide-react";
import type { FailoverImpact } from "@/lib/domain/failover/failover-impact";

/** What else moves when these mirrors stop: the links they come from, and everything that mirrors them onward. */
export function BlastRadiusStep({ cluster, impact }: { cluster: string; impact: FailoverImpact }) {
  return (
    <div className="space-y-3 text-sm">
      <div>
        <h3 className="flex items-center gap-1.5 font-semibold">
          <ArrowUpLeft aria-hidden className="size-4" /> Upstream: the links being cut
        </h3>
        <ul className="mt-1 space-y-1">
          {impact.upstream.length === 0 ? <li className="text-muted">No mirror selected yet.</li> : null}
          {impact.upstream.map((u) => (
            <li key={u.linkId}>
              <span className="font-mono font-semibold">{u.link}</span> ({u.from ?? "?"} → {cluster}): {u.sentence}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="flex items-center gap-1.5 font-semibold">
          <ArrowDownRight aria-hidden className="size-4" /> Downstream: links that mirror {cluster} onward
        </h3>
        <ul className="mt-1 space-y-1" data-testid="blast-radius-downstream">
          {impact.downstream.length === 0 ? <li className="text-muted">None: nothing mirrors {cluster}&apos;s topics onward.</li> : null}
          {impact.downstream.map((d) => (
            <li key={`${d.linkId}-${d.host}`}>
              <span className="font-mono font-semibold">{d.link}</span> ({cluster} → {d.host}): {d.sentence}
              {d.affected && d.affected.length > 0 ? (
                <span className="block font-mono text-xs text-muted">{d.affected.join(", ")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <p className="text-muted">Afterwards, point producers and consumers of these topics at {cluster}.</p>
    </div>
  );
}
