import { CircleCheck, CircleX, Info, TriangleAlert } from "lucide-react";
import clsx from "clsx";
import type { Assessment, Reason, Verdict } from "@/lib/domain/failover/readiness";
import { StateBadge } from "@/components/ui/state-badge";
import type { Tone } from "@/components/ui/state-tones";

const LOOK: Record<Verdict, { label: string; tone: Tone }> = {
  ready: { label: "Ready", tone: "ok" },
  caution: { label: "Caution", tone: "warning" },
  blocked: { label: "Blocked", tone: "error" },
  done: { label: "Already stopped", tone: "neutral" },
};

export function VerdictBadge({ verdict, prefix }: { verdict: Verdict; prefix?: string }) {
  const look = LOOK[verdict];
  return <StateBadge tone={look.tone} label={prefix ? `${prefix}: ${look.label}` : look.label} />;
}

const REASON_ICON = { ok: CircleCheck, info: Info, warn: TriangleAlert, block: CircleX } as const;
const REASON_CLASS = { ok: "text-ok", info: "text-muted", warn: "text-warn", block: "text-err" } as const;

export function ReasonList({ reasons, className }: { reasons: readonly Reason[]; className?: string }) {
  return (
    <ul className={clsx("space-y-1 text-sm", className)}>
      {reasons.map((r, i) => {
        const Icon = REASON_ICON[r.level];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the reasons are recomputed as a whole, hold no state, and two may read alike
          <li key={i} className="flex gap-2">
            <Icon aria-hidden className={clsx("mt-0.5 size-4 shrink-0", REASON_CLASS[r.level])} />
            <span className="text-fg">
              <span className="sr-only">{r.level === "block" ? "Blocker: " : r.level === "warn" ? "Warning: " : ""}</span>
              {r.text}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A verdict that opens to its reasons. */
export function VerdictDetails({ assessment, label }: { assessment: Assessment; label: string }) {
  return (
    <details>
      <summary className="cursor-pointer list-none" aria-label={`${label}: ${LOOK[assessment.verdict].label}, show why`}>
        <VerdictBadge verdict={assessment.verdict} />
      </summary>
      <ReasonList reasons={assessment.reasons} className="mt-2 w-80" />
    </details>
  );
}
