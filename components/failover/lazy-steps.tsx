"use client";
import { preloadCode } from "@/components/ui/preload-code";
import { type ComponentProps, lazy, Suspense } from "react";
import type { ActionRunFlow as RunFlowComponent } from "@/components/actions/action-run-flow";
import { Skeleton } from "@/components/ui/skeleton";
import type { AfterFailoverChecklist as ChecklistComponent } from "./after-failover-checklist";
import type { BlastRadiusStage as BlastRadiusComponent } from "./blast-radius-stage";
import type { ChoiceStep as ChoiceComponent } from "./choice-step";
import type { ConsumersStep as ConsumersComponent } from "./consumers-step";
import type { ReadinessStep as ReadinessComponent } from "./readiness-step";

// The runbook's stages after its scope, and the failback tab, load apart from the page (bench item 7 holds each
// page's first-load JavaScript to 200 KB gzip): the readiness table, the consumer groups, the choice between promote
// and failover, the blast radius (with the downstream mirror lists it reads), the dry run → confirm → execute flow
// with its report, the after-failover checklist, and the failback runbook. None of them has anything to show before
// a scope is chosen; the page asks for all of them as it mounts, so a click on a cluster finds them ready.
// React's own lazy rather than next/dynamic: the page renders in the browser below its search-params boundary
// either way, and next/dynamic's loader would cost this page ~1.3 KB gzip of its own.
const loadReadiness = () => import("./readiness-step");
const loadConsumers = () => import("./consumers-step");
const loadChoice = () => import("./choice-step");
const loadBlastRadius = () => import("./blast-radius-stage");
const loadRunFlow = () => import("@/components/actions/action-run-flow");
const loadChecklist = () => import("./after-failover-checklist");
const loadFailback = () => import("./failback-panel");

/** Starts downloading the stages' code as the page mounts; the lazy components below reuse the downloads. */
export function preloadRunbookStages(): void {
  preloadCode(loadReadiness, loadConsumers, loadChoice, loadBlastRadius, loadRunFlow, loadChecklist, loadFailback);
}

/** A stage whose code is still loading: a sentence saying what is coming, where it will be. */
function StagePlaceholder({ loading, testId }: { loading: string; testId: string }) {
  return (
    <div role="status" className="space-y-2" data-testid={testId}>
      <p className="text-sm text-muted">{loading}</p>
      <Skeleton className="h-4 w-3/4" />
      <Skeleton className="h-4 w-1/2" />
    </div>
  );
}

const LazyReadiness = lazy(() => loadReadiness().then((m) => ({ default: m.ReadinessStep })));
const LazyConsumers = lazy(() => loadConsumers().then((m) => ({ default: m.ConsumersStep })));
const LazyChoice = lazy(() => loadChoice().then((m) => ({ default: m.ChoiceStep })));
const LazyBlastRadius = lazy(() => loadBlastRadius().then((m) => ({ default: m.BlastRadiusStage })));
const LazyRunFlow = lazy(() => loadRunFlow().then((m) => ({ default: m.ActionRunFlow })));
const LazyChecklist = lazy(() => loadChecklist().then((m) => ({ default: m.AfterFailoverChecklist })));
const LazyFailback = lazy(() => loadFailback().then((m) => ({ default: m.FailbackPanel })));

export function ReadinessStep(props: ComponentProps<typeof ReadinessComponent>) {
  return (
    <Suspense fallback={<StagePlaceholder loading="Loading the readiness table…" testId="readiness-placeholder" />}>
      <LazyReadiness {...props} />
    </Suspense>
  );
}

export function ConsumersStep(props: ComponentProps<typeof ConsumersComponent>) {
  return (
    <Suspense fallback={<StagePlaceholder loading="Loading the consumer groups…" testId="consumers-placeholder" />}>
      <LazyConsumers {...props} />
    </Suspense>
  );
}

export function ChoiceStep(props: ComponentProps<typeof ChoiceComponent>) {
  return (
    <Suspense fallback={<StagePlaceholder loading="Loading the choice between promote and failover…" testId="choice-placeholder" />}>
      <LazyChoice {...props} />
    </Suspense>
  );
}

export function BlastRadiusStage(props: ComponentProps<typeof BlastRadiusComponent>) {
  return (
    <Suspense fallback={<StagePlaceholder loading="Loading the blast radius…" testId="blast-radius-placeholder" />}>
      <LazyBlastRadius {...props} />
    </Suspense>
  );
}

export function ActionRunFlow(props: ComponentProps<typeof RunFlowComponent>) {
  return (
    <Suspense fallback={<StagePlaceholder loading="Loading the dry run and confirmation…" testId="run-flow-placeholder" />}>
      <LazyRunFlow {...props} />
    </Suspense>
  );
}

export function AfterFailoverChecklist(props: ComponentProps<typeof ChecklistComponent>) {
  return (
    <Suspense fallback={<StagePlaceholder loading="Loading the after-failover checklist…" testId="checklist-placeholder" />}>
      <LazyChecklist {...props} />
    </Suspense>
  );
}

export function FailbackPanel() {
  return (
    <Suspense fallback={<StagePlaceholder loading="Loading the failback runbook…" testId="failback-placeholder" />}>
      <LazyFailback />
    </Suspense>
  );
}
