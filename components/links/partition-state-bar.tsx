import { Calculator, RadioTower } from "lucide-react";
import clsx from "clsx";
import type { PartitionStates, PartitionStatesSource } from "@/lib/domain/types";
import { formatCount, formatPercent } from "@/components/ui/format";
import { StateBadge } from "@/components/ui/state-badge";
import { WarnNote } from "@/components/ui/warn-note";
import type { Tone } from "@/components/ui/state-tones";
import { CATEGORY_MEANING, partitionStateModel } from "./partition-state-model";

const FILL: Record<Tone, string> = {
  ok: "bg-ok",
  warning: "bg-warn",
  pending: "bg-info",
  error: "bg-err",
  neutral: "bg-neutral",
  unknown: "bg-muted",
};

const SOURCE_TEXT: Record<PartitionStatesSource, { label: string; explain: string }> = {
  reported: {
    label: "Reported by the cluster",
    explain: "Counts from the link's category_counts, as `confluent kafka link describe` shows them.",
  },
  derived: {
    label: "Derived by Linkscope",
    explain:
      "This cluster does not report category_counts (Confluent Platform), so each mirror's status is counted for all of its partitions. Topic granularity: an estimate, not the broker's own count.",
  },
};

/**
 * Mirror Partition States Count: a stacked bar plus the numbers, with where the numbers came from. `notFlowing`: no
 * data moves over the link, yet a destination that cannot reach its source still reports its partitions ACTIVE; a
 * green bar alone would read as healthy, so the bar is dimmed and a note says what ACTIVE does not mean here.
 */
export function PartitionStateBar({
  states,
  source,
  notFlowing = false,
}: {
  states: PartitionStates;
  source: PartitionStatesSource;
  notFlowing?: boolean;
}) {
  const model = partitionStateModel(states);
  const origin = SOURCE_TEXT[source];
  const Icon = source === "reported" ? RadioTower : Calculator;
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="partition-states-source">
        <span
          className={clsx(
            "inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold",
            source === "reported" ? "bg-info-bg text-info" : "bg-warn-bg text-warn",
          )}
        >
          <Icon aria-hidden className="size-3.5" />
          {origin.label}
        </span>
        <span className="text-muted">{formatCount(model.total)} partitions</span>
      </p>
      {notFlowing ? (
        <WarnNote testId="partition-states-not-flowing">
          No data moves over this link (its problems say why): these are the states the cluster reports, and ACTIVE here does not mean data
          arrives.
        </WarnNote>
      ) : null}
      {model.total > 0 ? (
        <div aria-hidden className={clsx("flex h-4 w-full overflow-hidden rounded-full bg-surface-2", notFlowing && "opacity-40")}>
          {model.segments.map((s) => (
            <div
              key={s.category}
              title={`${s.category}: ${formatCount(s.count)} (${formatPercent(s.fraction)})`}
              className={clsx("h-full border-r border-surface last:border-r-0", FILL[s.tone])}
              style={{ width: `${s.widthPercent}%` }}
            />
          ))}
        </div>
      ) : null}
      <table className="w-full text-sm">
        <caption className="sr-only">
          Mirror partitions by state category ({origin.label.toLowerCase()}): {model.rows.map((r) => `${r.category} ${r.count}`).join(", ")}
        </caption>
        <tbody>
          {model.rows.map((r) => (
            <tr
              key={r.category}
              className={clsx("border-t border-border first:border-t-0", r.count === 0 && "text-muted")}
              data-testid={`partition-state-${r.category}`}
            >
              <th
                scope="row"
                className="py-1 pr-3 text-left font-normal"
                title={CATEGORY_MEANING[r.category] ?? "A category this version of Linkscope does not know."}
              >
                <StateBadge label={r.category} tone={r.count === 0 ? "neutral" : r.tone} />
              </th>
              <td className="py-1 pr-3 text-right font-mono tabular-nums">{formatCount(r.count)}</td>
              <td className="w-16 py-1 text-right text-xs tabular-nums text-muted">{model.total > 0 ? formatPercent(r.fraction) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-muted">{origin.explain}</p>
    </div>
  );
}
