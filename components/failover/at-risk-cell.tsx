import { describeAtRisk, formatReadingTime, formatRiskSeconds, type RiskFigures } from "@/lib/domain/failover/readiness";
import { formatCount } from "@/components/ui/format";

/**
 * Data at risk for one mirror, headline first: a stale mirror's floor in bold ("at least N messages"), then where the
 * floor comes from (measured from the source's consumer groups at T, or the last known lag), then the estimate,
 * labelled as one. A live mirror keeps the one-sentence form.
 */
export function AtRiskCell({ risk }: { risk: RiskFigures }) {
  if (!risk.atLeast) return <>{describeAtRisk(risk)}</>;
  const n = risk.messages ?? 0;
  const m = risk.measured;
  return (
    <div className="space-y-0.5">
      <p className="font-semibold">
        at least {formatCount(n)} message{n === 1 ? "" : "s"}
        {risk.seconds === null ? "" : `, ≥ ${formatRiskSeconds(risk.seconds)} of production`}
      </p>
      <p className="text-xs text-muted">
        {m === null
          ? "Last known lag: nothing has been mirrored since."
          : `Measured at ${formatReadingTime(m.asOfMs)} from the source's end offsets (consumer ${m.groups.length === 1 ? "group" : "groups"} ${m.groups.join(", ")})${m.complete ? "" : "; some partitions unmeasured"}.`}
      </p>
      <p className="text-xs text-muted" title={risk.estimate?.basis}>
        {risk.estimate === null
          ? "Estimate unknown: no produce rate from before it stopped."
          : `Estimate: about ${formatCount(risk.estimate.messages)} (produce rate × time since it stopped).`}
      </p>
    </div>
  );
}
