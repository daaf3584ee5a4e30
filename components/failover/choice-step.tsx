"use client";
import clsx from "clsx";
import type { Recommendation, StopAction } from "@/lib/domain/failover/readiness";
import { lossText } from "./loss-text";
import { StateBadge } from "@/components/ui/state-badge";

const EXPLAIN: Record<StopAction, { title: string; text: (loss: string) => string }> = {
  promote: {
    title: "Promote (planned migration)",
    text: () =>
      "For when the source is still reachable: each mirror waits until it has copied everything (lag 0), syncs offsets one last time, then becomes a writable topic. Nothing is lost, but it cannot finish while the source is down.",
  },
  failover: {
    title: "Failover (the source is down)",
    text: (loss) =>
      `Each mirror becomes a writable topic at once, with whatever it has already copied. Messages not yet mirrored are lost: ${loss}.`,
  },
};

/** Promote or failover: two sentences each, the recommendation from readiness, and the person's choice. */
export function ChoiceStep({
  value,
  onChange,
  recommendation,
  risk,
  disabled,
}: {
  /** null while nothing is chosen and readiness recommends neither. */
  value: StopAction | null;
  onChange: (a: StopAction) => void;
  recommendation: Recommendation;
  risk: { messages: number | null; seconds: number | null; atLeast?: boolean; estimate?: number | null };
  disabled: boolean;
}) {
  return (
    <fieldset disabled={disabled} className="space-y-3">
      <legend className="sr-only">Promote or failover</legend>
      <div className="grid gap-3 md:grid-cols-2" role="radiogroup" aria-label="Action">
        {(["promote", "failover"] as const).map((a) => (
          <label
            key={a}
            className={clsx("block cursor-pointer rounded-lg border p-3", value === a ? "border-accent bg-info-bg" : "border-border")}
          >
            <span className="flex items-center gap-2">
              <input type="radio" name="stop-action" value={a} checked={value === a} onChange={() => onChange(a)} />
              <span className="font-semibold">{EXPLAIN[a].title}</span>
              {recommendation.action === a ? <StateBadge tone="ok" label="Recommended" /> : null}
            </span>
            <span className="mt-1 block text-sm text-fg">{EXPLAIN[a].text(lossText(risk))}</span>
          </label>
        ))}
      </div>
      <p className="text-sm" data-testid="recommendation">
        <span className="font-semibold">Recommendation: </span>
        {recommendation.why}
      </p>
    </fieldset>
  );
}
