"use client";
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// The runbook's stages after its scope, and the failback tab, load apart from the page (bench item 7 holds each
// page's first-load JavaScript to 200 KB gzip): the readiness table, the consumer groups, the choice between promote and failover, the blast radius (with the
// downstream mirror lists it reads), the
// dry run → confirm → execute flow with its report, the after-failover checklist, and the failback runbook. None of
// them has anything to show before a scope is chosen; the page asks for all of them as it mounts, so a click on a
// cluster finds them ready.
const loadReadiness = () => import("./readiness-step");
const loadConsumers = () => import("./consumers-step");
const loadChoice = () => import("./choice-step");
const loadBlastRadius = () => import("./blast-radius-stage");
const loadRunFlow = () => import("@/components/actions/action-run-flow");
const loadChecklist = () => import("./after-failover-checklist");
const loadFailback = () => import("./failback-panel");

/** Starts downloading the stages' code as the page mounts; `dynamic` below reuses the downloads. */
export function preloadRunbookStages(): void {
  for (const load of [loadReadiness, loadConsumers, loadChoice, loadBlastRadius, loadRunFlow, loadChecklist, loadFailback]) {
    void load().catch(() => {
      // A failed download is tried again, and reported, when the stage itself is drawn.
    });
  }
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

export const ReadinessStep = dynamic(() => loadReadiness().then((m) => m.ReadinessStep), {
  ssr: false,
  loading: () => <StagePlaceholder loading="Loading the readiness table…" testId="readiness-placeholder" />,
});

export const ConsumersStep = dynamic(() => loadConsumers().then((m) => m.ConsumersStep), {
  ssr: false,
  loading: () => <StagePlaceholder loading="Loading the consumer groups…" testId="consumers-placeholder" />,
});

export const ChoiceStep = dynamic(() => loadChoice().then((m) => m.ChoiceStep), {
  ssr: false,
  loading: () => <StagePlaceholder loading="Loading the choice between promote and failover…" testId="choice-placeholder" />,
});

export const BlastRadiusStage = dynamic(() => loadBlastRadius().then((m) => m.BlastRadiusStage), {
  ssr: false,
  loading: () => <StagePlaceholder loading="Loading the blast radius…" testId="blast-radius-placeholder" />,
});

export const ActionRunFlow = dynamic(() => loadRunFlow().then((m) => m.ActionRunFlow), {
  ssr: false,
  loading: () => <StagePlaceholder loading="Loading the dry run and confirmation…" testId="run-flow-placeholder" />,
});

export const AfterFailoverChecklist = dynamic(() => loadChecklist().then((m) => m.AfterFailoverChecklist), {
  ssr: false,
  loading: () => <StagePlaceholder loading="Loading the after-failover checklist…" testId="checklist-placeholder" />,
});

export const FailbackPanel = dynamic(() => loadFailback().then((m) => m.FailbackPanel), {
  ssr: false,
  loading: () => <StagePlaceholder loading="Loading the failback runbook…" testId="failback-placeholder" />,
});
