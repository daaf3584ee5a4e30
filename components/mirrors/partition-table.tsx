import { Info } from "lucide-react";
import clsx from "clsx";
import { StaleLag } from "@/components/ui/stale-lag";
import type { MirrorDetail } from "@/lib/api/links";
import { formatCount, formatRate, formatSeconds } from "@/components/ui/format";
import type { Estimate, PartitionRates } from "./partition-rates";

function EstimateCell({ estimate, format }: { estimate: Estimate | undefined; format: (v: number) => string }) {
  if (!estimate) return <span className="text-muted">—</span>;
  if (!estimate.ok) {
    return (
      <span className="text-muted" title={estimate.reason}>
        —<span className="sr-only"> ({estimate.reason})</span>
      </span>
    );
  }
  return <span className="font-mono tabular-nums">{format(estimate.value)}</span>;
}

/** The distinct reasons estimates are missing, so the table says it once instead of in every cell. */
export function missingReasons(rates: readonly PartitionRates[]): string[] {
  const reasons = new Set<string>();
  for (const r of rates) for (const e of [r.throughput, r.produceRate, r.secondsBehind, r.catchUp]) if (!e.ok) reasons.add(e.reason);
  return [...reasons];
}

/**
 * Per-partition lag with the offsets behind it. Source end offset is derived (last fetch offset + lag) and the
 * rates and times are estimates from lag history: each is labelled so, and a missing one says why.
 */
export function PartitionTable({
  lags,
  rates,
  ratesLoading,
  staleSince = null,
}: {
  lags: MirrorDetail["lags"];
  rates: readonly PartitionRates[];
  ratesLoading: boolean;
  /** When the mirror stopped flowing (its lags are floors), null while it flows. */
  staleSince?: number | null;
}) {
  const byPartition = new Map(rates.map((r) => [r.partition, r]));
  const sorted = [...lags].sort((a, b) => a.partition - b.partition);
  const reasons = missingReasons(rates);
  return (
    <div className="space-y-2">
      {reasons.length > 0 && !ratesLoading ? (
        <p className="flex items-start gap-1.5 text-xs text-muted" data-testid="estimates-note">
          <Info aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          <span>Some estimates are missing: {reasons.join("; ")}. Estimates use the last 5 minutes of lag history.</span>
        </p>
      ) : null}
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[880px] text-right text-sm">
          <caption className="sr-only">Per-partition lag, offsets and estimated rates</caption>
          <thead className="text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="py-2 pr-3 text-left font-medium">
                Partition
              </th>
              <th scope="col" className="py-2 pr-3 font-medium" title="Messages the mirror is behind the source (reported)">
                Lag <span className="normal-case">(msgs)</span>
              </th>
              <th scope="col" className="py-2 pr-3 font-medium" title="The last source offset the link fetched (reported)">
                Last fetch offset
              </th>
              <th scope="col" className="py-2 pr-3 font-medium" title="Derived: last fetch offset + lag">
                Source end offset <span className="normal-case">(derived)</span>
              </th>
              <th
                scope="col"
                className="py-2 pr-3 font-medium"
                title="Estimate: messages per second the link copied, from fetch offset deltas"
              >
                Mirroring msg/s <span className="normal-case">(est.)</span>
              </th>
              <th
                scope="col"
                className="py-2 pr-3 font-medium"
                title="Estimate: messages per second produced to the source partition, from deltas of fetch offset + lag"
              >
                Produce msg/s <span className="normal-case">(est.)</span>
              </th>
              <th
                scope="col"
                className="py-2 pr-3 font-medium"
                title="Estimate: lag ÷ produce rate, how much time of source data is not yet mirrored (data at risk on failover); in s, min or h"
              >
                Time behind <span className="normal-case">(est.)</span>
              </th>
              <th
                scope="col"
                className="py-2 font-medium"
                title="Estimate: lag ÷ (mirroring rate − produce rate), when the link is catching up"
              >
                Catch-up <span className="normal-case">(est.)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => {
              const known = p.lastSourceFetchOffset >= 0;
              const r = byPartition.get(p.partition);
              return (
                <tr key={p.partition} className="border-t border-border" data-testid={`partition-row-${p.partition}`}>
                  <th scope="row" className="py-1.5 pr-3 text-left font-mono font-medium">
                    {p.partition}
                  </th>
                  <td className={clsx("py-1.5 pr-3 font-mono tabular-nums", p.lag > 0 && "font-semibold")}>
                    <StaleLag compact staleSince={staleSince}>
                      {formatCount(p.lag)}
                    </StaleLag>
                  </td>
                  <td className="py-1.5 pr-3 font-mono tabular-nums">
                    {known ? (
                      formatCount(p.lastSourceFetchOffset)
                    ) : (
                      <span className="text-muted" title="The cluster reports -1: not known yet">
                        unknown
                      </span>
                    )}
                  </td>
                  <td className="py-1.5 pr-3 font-mono tabular-nums">
                    {known ? formatCount(p.lastSourceFetchOffset + p.lag) : <span className="text-muted">unknown</span>}
                  </td>
                  <td className="py-1.5 pr-3">
                    {ratesLoading ? <span className="text-muted">…</span> : <EstimateCell estimate={r?.throughput} format={formatRate} />}
                  </td>
                  <td className="py-1.5 pr-3">
                    {ratesLoading ? <span className="text-muted">…</span> : <EstimateCell estimate={r?.produceRate} format={formatRate} />}
                  </td>
                  <td className="py-1.5 pr-3">
                    {ratesLoading ? (
                      <span className="text-muted">…</span>
                    ) : (
                      <EstimateCell estimate={r?.secondsBehind} format={formatSeconds} />
                    )}
                  </td>
                  <td className="py-1.5">
                    {ratesLoading ? <span className="text-muted">…</span> : <EstimateCell estimate={r?.catchUp} format={formatSeconds} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
