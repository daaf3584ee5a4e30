"use client";
import { AlertTriangle, CircleCheck, CircleHelp } from "lucide-react";
import { isOverBudget } from "@/lib/domain/failover/rpo-budget";
import { formatSeconds } from "@/components/ui/format";

/**
 * The link's RPO budget beside its lag, and how the seconds are estimated: clusters report lag in messages only, so a
 * figure in seconds is Linkscope's estimate and the page says how it is made.
 */
export function RpoBudgetNote({
  rpoSeconds,
  lagSeconds,
  atLeast = false,
}: {
  rpoSeconds: number;
  lagSeconds: number | null;
  atLeast?: boolean;
}) {
  const over = isOverBudget(lagSeconds, rpoSeconds);
  return (
    <div className="space-y-1 text-sm" data-testid="rpo-budget">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span>
          RPO budget <span className="font-mono font-semibold tabular-nums">{formatSeconds(rpoSeconds)}</span>
        </span>
        <span aria-hidden className="text-muted">
          ·
        </span>
        {lagSeconds === null ? (
          <span className="flex items-center gap-1 text-muted">
            <CircleHelp aria-hidden className="size-4" />
            Lag in seconds unknown, so not compared with the budget.
          </span>
        ) : (
          <span className={over ? "flex items-center gap-1 font-semibold text-err" : "flex items-center gap-1 text-ok"}>
            {over ? <AlertTriangle aria-hidden className="size-4" /> : <CircleCheck aria-hidden className="size-4" />}
            <span className="text-fg">
              Worst mirror {atLeast ? "at least" : "an estimated"}{" "}
              <span className="font-mono tabular-nums">{formatSeconds(lagSeconds)}</span> behind{atLeast ? " (not flowing)" : ""}:
            </span>
            {over ? "over budget" : "within budget"}
          </span>
        )}
      </p>
      <details className="text-muted">
        <summary className="cursor-pointer">How lag in seconds is estimated</summary>
        <p className="mt-1 max-w-prose">
          Clusters report lag in messages. Linkscope turns each partition&apos;s lag into time with its source&apos;s recent produce rate,
          from its own readings (the source&apos;s end offset is the mirror&apos;s last fetch offset plus its lag): seconds = lag ÷ messages
          per second, averaged over about the last 5 minutes in which the mirror was flowing. A mirror&apos;s figure is its worst partition,
          a link&apos;s its worst mirror whose figure is known. With under 30 seconds of readings (after a restart too), or a source that
          produced nothing recently, the seconds are unknown and no budget is called exceeded. A link that is not flowing shows a floor (≥):
          the lag&apos;s worth when it stopped plus the time since. The chart above works the same out from the stored lag history. The same
          figure raises the <code>lag-over-budget</code> problem and Prometheus&apos;s <code>LinkscopeLagOverBudget</code> alert (
          <code>linkscope_link_max_lag_seconds</code> above <code>linkscope_link_rpo_budget_seconds</code> for 5 minutes). The budget is{" "}
          <code>rpoSeconds</code> in Linkscope&apos;s config.
        </p>
      </details>
    </div>
  );
}
