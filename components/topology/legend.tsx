import clsx from "clsx";
import { CONNECTION_MARKER_ID, flowMarkerId } from "./edge-markers";
import { LINK_STATES_WORST_FIRST } from "./model/summary";
import { LINK_STATE_LOOK, LINK_STATE_MEANING, TONE_TEXT } from "./looks";
import { Plug } from "lucide-react";

function FlowSample() {
  return (
    <svg aria-hidden width="64" height="16" viewBox="0 0 64 16" className="shrink-0 overflow-visible">
      <path d="M 2 8 L 56 8" fill="none" style={{ stroke: "var(--ok)" }} strokeWidth="3.5" markerEnd={`url(#${flowMarkerId("ok")})`} />
      <circle cx="24" cy="8" r="3" style={{ fill: "var(--surface)", stroke: "var(--ok)" }} strokeWidth="1.5" />
    </svg>
  );
}

function ConnectionSample() {
  return (
    <span aria-hidden className="relative inline-flex shrink-0 items-center">
      <svg aria-hidden="true" width="64" height="16" viewBox="0 0 64 16" className="overflow-visible">
        <path
          d="M 10 8 L 60 8"
          fill="none"
          style={{ stroke: "var(--muted)", strokeDasharray: "5 4" }}
          strokeWidth="1.5"
          markerEnd={`url(#${CONNECTION_MARKER_ID})`}
        />
      </svg>
      <span className="absolute left-0 flex size-5 items-center justify-center rounded-full border border-muted bg-surface text-muted">
        <Plug className="size-3" />
      </span>
    </span>
  );
}

/** What the two arrow kinds and the colours mean, one sentence each. */
export function TopologyLegend({ className }: { className?: string }) {
  return (
    <section aria-labelledby="topology-legend-heading" className={clsx("text-sm", className)} data-testid="topology-legend">
      <h3 id="topology-legend-heading" className="sr-only">
        Legend
      </h3>
      <ul className="flex flex-col gap-2 lg:flex-row lg:flex-wrap lg:gap-x-6">
        <li className="flex items-center gap-2">
          <FlowSample />
          <span>
            <strong className="font-semibold">Data flow</strong>: solid arrow from the source cluster to the destination (the mirrors'
            side); dots move while it runs.
          </span>
        </li>
        <li className="flex items-center gap-2">
          <ConnectionSample />
          <span>
            <strong className="font-semibold">Connection</strong>: dashed arrow from the cluster that dials (plug) to the cluster that
            listens.
          </span>
        </li>
      </ul>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-label="Link states">
        {LINK_STATES_WORST_FIRST.map((state) => {
          const look = LINK_STATE_LOOK[state];
          const Icon = look.icon;
          return (
            <li key={state} className="inline-flex items-center gap-1" title={LINK_STATE_MEANING[state]}>
              <Icon aria-hidden className={clsx("size-3.5", TONE_TEXT[look.tone])} />
              <span className={clsx("font-semibold", TONE_TEXT[look.tone])}>{look.label}</span>
              <span>{LINK_STATE_MEANING[state]}</span>
            </li>
          );
        })}
        <li className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-5 rounded-sm border-2 border-dashed border-neutral bg-surface-2" />
          External cluster (not configured)
        </li>
      </ul>
    </section>
  );
}
