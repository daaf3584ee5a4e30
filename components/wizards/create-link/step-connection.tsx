"use client";
import { useFormContext } from "react-hook-form";
import type { ClusterSummary } from "@/lib/api/clusters";
import type { LinkKind } from "@/lib/domain/types";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { ConnectionDiagram } from "./connection-diagram";
import type { LinkWizardForm } from "./form-model";
import { recommendationFor } from "./kind-advice";

const KINDS: Array<{ kind: LinkKind; title: string; text: string }> = [
  {
    kind: "destination-initiated",
    title: "Destination-initiated (default)",
    text: "The destination dials the source and pulls the data. One link, on the destination.",
  },
  {
    kind: "source-initiated",
    title: "Source-initiated",
    text: "The destination cannot reach the source (private data centre, firewall): the source dials out. Two halves: an INBOUND half on the destination, then a SOURCE half on the source.",
  },
  {
    kind: "bidirectional",
    title: "Bidirectional",
    text: "Active-active or failback: each cluster hosts a half and mirrors from the other.",
  },
];

export function StepConnection({ clusters }: { clusters: readonly ClusterSummary[] }) {
  const { register, watch, setValue, formState } = useFormContext<LinkWizardForm>();
  const [kind, sourceMode, source, destination, bothWays, kindPicked] = watch([
    "kind",
    "sourceMode",
    "source",
    "destination",
    "bothWays",
    "kindPicked",
  ]);
  const network = (name: string) => clusters.find((c) => c.name === name)?.network ?? null;
  const sourceName = sourceMode === "external" ? "external source" : source;
  const rec = recommendationFor({ sourceMode, source, destination, bothWays }, clusters);
  const follow = () => {
    setValue("kindPicked", false);
    setValue("kind", rec.kind, { shouldValidate: true });
  };
  return (
    <div className="space-y-4">
      <Notice tone={rec.kind === kind ? "ok" : "info"} title={`Recommended: ${rec.kind}`}>
        <p>{rec.reason}</p>
        {rec.warning ? <p className="mt-1 text-warn">{rec.warning}</p> : null}
        <p className="mt-1 text-xs text-muted">
          From the configured network zones: {sourceName} is {sourceMode === "external" ? "unknown" : (network(source) ?? "unknown")},{" "}
          {destination} is {network(destination) ?? "unknown"}.
        </p>
        {rec.kind !== kind ? (
          <Button variant="secondary" className="mt-2" onClick={follow}>
            Use {rec.kind}
          </Button>
        ) : !kindPicked ? (
          <p className="mt-1 text-xs text-muted">Selected below for you; you can still choose another kind.</p>
        ) : null}
      </Notice>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          {...register("bothWays", {
            // Both ways needs a bidirectional link whatever was picked before: one-way kinds cannot carry it.
            onChange: (ev: { target: { checked: boolean } }) => {
              if (ev.target.checked) setValue("kindPicked", false);
            },
          })}
        />
        Data must flow both ways (active-active, or failback after a failover)
      </label>
      <fieldset className="space-y-2" aria-describedby={formState.errors.kind ? "kind-error" : undefined}>
        <legend className="text-sm font-medium">Who opens the connection</legend>
        {KINDS.map((k) => (
          <label
            key={k.kind}
            className="flex cursor-pointer gap-3 rounded-md border border-border bg-surface p-3 has-[:checked]:border-accent has-[:checked]:bg-info-bg"
          >
            <input type="radio" value={k.kind} {...register("kind", { onChange: () => setValue("kindPicked", true) })} className="mt-1" />
            <span>
              <span className="block text-sm font-medium">{k.title}</span>
              <span className="block text-sm text-muted">{k.text}</span>
            </span>
          </label>
        ))}
        {formState.errors.kind ? (
          <p id="kind-error" role="alert" className="text-sm text-err">
            {formState.errors.kind.message}
          </p>
        ) : null}
      </fieldset>
      <ConnectionDiagram kind={kind} source={sourceName || "source"} destination={destination || "destination"} />
    </div>
  );
}
