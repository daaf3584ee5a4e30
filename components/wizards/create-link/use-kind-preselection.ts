"use client";
import { useEffect } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ClusterSummary } from "@/lib/api/clusters";
import type { LinkWizardForm } from "./form-model";
import { recommendationFor } from "./kind-advice";

/**
 * Keeps the selected kind on the recommendation until the person picks one themselves, so following the advice is
 * the default (whichever step they jump to). Ticking "both ways" always switches to bidirectional.
 */
export function useKindPreselection(methods: UseFormReturn<LinkWizardForm>, clusters: readonly ClusterSummary[]) {
  const [sourceMode, source, destination, bothWays, kindPicked, kind] = methods.watch([
    "sourceMode",
    "source",
    "destination",
    "bothWays",
    "kindPicked",
    "kind",
  ]);
  const recommended = recommendationFor({ sourceMode, source, destination, bothWays }, clusters).kind;
  const { setValue } = methods;
  useEffect(() => {
    if (!kindPicked && kind !== recommended) setValue("kind", recommended, { shouldValidate: false });
  }, [kindPicked, kind, recommended, setValue]);
}
