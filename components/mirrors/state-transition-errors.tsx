import type { MirrorDetail } from "@/lib/api/links";
import { EmptyState } from "@/components/ui/empty-state";
import { CircleCheck } from "lucide-react";

/** `mirror_state_transition_errors`: why the mirror could not move to the state it was asked to. */
export function StateTransitionErrors({ errors }: { errors: MirrorDetail["stateTransitionErrors"] }) {
  if (errors.length === 0) {
    return <EmptyState icon={CircleCheck} title="No state transition errors reported." />;
  }
  return (
    <ul className="space-y-2 text-sm" aria-label="State transition errors">
      {errors.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the vendor may repeat an error code; the list is replaced as a whole on each poll
        <li key={`${e.code}-${i}`} className="rounded-md bg-err-bg px-3 py-2">
          <span className="font-mono text-xs font-semibold text-err">{e.code}</span>
          <p className="mt-0.5 break-words text-fg">{e.message}</p>
        </li>
      ))}
    </ul>
  );
}
