import { CircleCheck, CircleDashed, CircleX } from "lucide-react";
import type { LinkStep } from "@/lib/api/link-admin";

const ICON = { ok: CircleCheck, failed: CircleX, skipped: CircleDashed } as const;
const TONE = { ok: "text-ok", failed: "text-err", skipped: "text-muted" } as const;

/** One line per half, in execution order: what happened, how many attempts, and the cluster's own words on failure. */
export function StepResults({ steps, validateOnly }: { steps: LinkStep[]; validateOnly: boolean }) {
  return (
    <ol aria-label={validateOnly ? "Dry-run results per half" : "Results per half"} className="space-y-2">
      {steps.map((s, i) => {
        const Icon = ICON[s.status];
        const verb =
          s.status === "ok"
            ? validateOnly
              ? "would be created"
              : "created"
            : s.status === "failed"
              ? validateOnly
                ? "would fail"
                : "failed"
              : "not attempted";
        return (
          <li key={`${s.cluster}-${s.role}`} className="flex items-start gap-2 text-sm">
            <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${TONE[s.status]}`} />
            <div className="min-w-0">
              <p>
                <span className="font-medium">
                  Step {i + 1} on {s.cluster}: {s.half}
                </span>{" "}
                <span className={TONE[s.status]}>{verb}</span>
                {s.attempts > 1 ? <span className="text-muted"> after {s.attempts} attempts (waited for the destination half)</span> : null}
              </p>
              {s.error ? <p className="break-words text-err">{s.error}</p> : null}
              {s.note ? <p className="text-muted">{s.note}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
