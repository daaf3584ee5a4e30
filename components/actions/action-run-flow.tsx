"use client";
import { FlaskConical, Play, RotateCcw, ShieldAlert } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { runCounts, type RunPhase, type RunTarget } from "@/lib/domain/actions/action-run";
import { MIRROR_ACTIONS, type MirrorActionName } from "@/lib/domain/actions/mirror-actions";
import type { ReportContext } from "@/lib/domain/failover/runbook-report";
import { usePermission } from "@/lib/client/permissions";
import { buttonClass } from "./button-styles";
import { DryRunResults } from "./dry-run-results";
import { RunProgress } from "./run-progress";
import { RunReport } from "./run-report";
import { RunTimeline } from "./run-timeline";
import { TypedConfirmation } from "./typed-confirmation";
import { useActionRun } from "./use-action-run";

export interface ActionRunFlowProps {
  cluster: string;
  action: MirrorActionName;
  targets: readonly RunTarget[];
  /** For the report: the cluster's Kafka id (CLI commands) and what readiness said. */
  report: Omit<ReportContext, "generatedAt" | "user">;
  /** Tells the page when the run is under way, so it can freeze what feeds it. */
  onPhaseChange?: (phase: RunPhase) => void;
  /** Told the run's id when its real run starts: every request of the run is in the audit log under it. */
  onRunStarted?: (runId: string) => void;
  /** Extra words above the confirmation, e.g. the data a failover loses. */
  consequence?: ReactNode;
  watchMs?: number;
}

function Stage({ n, title, children, muted = false }: { n: number; title: string; children: ReactNode; muted?: boolean }) {
  return (
    <section aria-label={title} className={muted ? "opacity-60" : undefined}>
      <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold">
        <span aria-hidden className="inline-flex size-5 items-center justify-center rounded-full bg-surface-2 text-xs">
          {n}
        </span>
        {title}
      </h3>
      <div className="pl-7">{children}</div>
    </section>
  );
}

function Flow({
  cluster,
  action,
  targets,
  report,
  onPhaseChange,
  onRunStarted,
  consequence,
  watchMs,
  onStartOver,
}: ActionRunFlowProps & { onStartOver: () => void }) {
  const { run, busy, dryRun, execute, keepWatching, runId } = useActionRun({ cluster, action, targets, watchMs });
  const [typed, setTyped] = useState("");
  const permission = usePermission("operator");
  const info = MIRROR_ACTIONS[action];
  const c = runCounts(run);
  const showLink = new Set(targets.map((t) => t.link)).size > 1;
  const started = run.phase === "executing" || run.phase === "watching" || run.phase === "finished";
  const confirmed = !info.irreversible || typed === cluster;
  const verb = info.label;

  useEffect(() => onPhaseChange?.(run.phase), [run.phase, onPhaseChange]);
  useEffect(() => {
    if (run.phase === "executing") onRunStarted?.(runId);
  }, [run.phase, runId, onRunStarted]);

  return (
    <div className="space-y-5">
      <Stage n={1} title="Dry run">
        <p className="mb-2 text-sm text-muted">
          Asks {cluster} whether {targets.length === 1 ? "the topic" : `each of the ${targets.length} topics`} would succeed (validate
          only). Nothing changes.
        </p>
        {!started ? (
          <button
            type="button"
            className={buttonClass.primary}
            onClick={() => void dryRun()}
            disabled={busy || targets.length === 0 || !permission.allowed}
          >
            <FlaskConical aria-hidden className="size-4" />
            {run.phase === "dry-running"
              ? "Running the dry run…"
              : run.phase === "dry-run-done"
                ? "Run the dry run again"
                : `Dry run: ${verb.toLowerCase()} ${targets.length} topic${targets.length === 1 ? "" : "s"}`}
          </button>
        ) : null}
        {!permission.allowed ? <p className="mt-2 text-sm text-warn">{permission.reason}</p> : null}
        {run.dryRunAt !== null && run.phase !== "dry-running" ? (
          <div className="mt-3">
            <DryRunResults run={run} showLink={showLink} />
          </div>
        ) : null}
      </Stage>

      <Stage n={2} title="Confirm and run" muted={run.phase === "draft" || run.phase === "dry-running"}>
        {run.phase === "dry-run-done" && c.dryRunOk === 0 ? (
          <p className="text-sm text-err">
            The dry run accepted no topic, so there is nothing to run. Fix what it reports and run it again.
          </p>
        ) : run.phase === "dry-run-done" ? (
          <div className="space-y-3">
            {info.irreversible ? (
              <TypedConfirmation
                expected={cluster}
                value={typed}
                onChange={setTyped}
                consequence={
                  <>
                    <p>{info.effect} This cannot be undone from here.</p>
                    {consequence}
                  </>
                }
              />
            ) : (
              <p className="text-sm">{info.effect}</p>
            )}
            <button
              type="button"
              className={info.irreversible ? buttonClass.danger : buttonClass.primary}
              disabled={!confirmed || busy || !permission.allowed}
              onClick={() => void execute(typed || cluster)}
            >
              {info.irreversible ? <ShieldAlert aria-hidden className="size-4" /> : <Play aria-hidden className="size-4" />}
              {verb} {c.dryRunOk} topic{c.dryRunOk === 1 ? "" : "s"} on {cluster}
            </button>
          </div>
        ) : started ? (
          <RunProgress run={run} showLink={showLink} />
        ) : (
          <p className="text-sm text-muted">Run the dry run first.</p>
        )}
        {run.phase === "finished" && run.finish === "timed-out" ? (
          <button type="button" className={`${buttonClass.secondary} mt-3`} onClick={keepWatching}>
            Keep watching for 5 more minutes
          </button>
        ) : null}
      </Stage>

      <Stage n={3} title="Report" muted={!started}>
        {started || run.timeline.length > 0 ? (
          <div className="space-y-4">
            <RunTimeline events={run.timeline} />
            {run.phase === "finished" || run.dryRunAt !== null ? <RunReport run={run} context={report} /> : null}
            <p className="text-sm">
              <Link href={`/audit?run=${encodeURIComponent(runId)}`} className="text-accent hover:underline">
                This run in the audit log
              </Link>{" "}
              <span className="text-muted">(every request of it, and its report, after a reload too)</span>
            </p>
            {run.phase === "finished" ? (
              <button type="button" className={buttonClass.secondary} onClick={onStartOver}>
                <RotateCcw aria-hidden className="size-4" /> Start a new run
              </button>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-muted">The timeline and a downloadable report appear here.</p>
        )}
      </Stage>
    </div>
  );
}

const keyOf = (cluster: string, action: string, targets: readonly RunTarget[]) =>
  `${cluster}|${action}|${targets.map((t) => `${t.link}/${t.topic}`).join(",")}`;

/**
 * Dry run → confirmation → execution → progress → report for one action on a set of topics. A change of selection
 * before execution starts a fresh run (the old dry run no longer applies); once execution starts, the run keeps the
 * topics it started with whatever the page does, until the person starts over.
 */
export function ActionRunFlow(props: ActionRunFlowProps) {
  const [frozen, setFrozen] = useState<{ key: string; action: MirrorActionName; targets: readonly RunTarget[] } | null>(null);
  const [generation, setGeneration] = useState(0);
  const liveKey = keyOf(props.cluster, props.action, props.targets);
  const current = frozen ?? { key: liveKey, action: props.action, targets: props.targets };
  const { onPhaseChange } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: current is rebuilt each render; its key captures it
  const handlePhase = useMemo(
    () => (phase: RunPhase) => {
      if ((phase === "executing" || phase === "watching" || phase === "finished") && !frozen) setFrozen(current);
      onPhaseChange?.(phase);
    },
    [frozen, current.key, onPhaseChange],
  );
  return (
    <Flow
      key={`${current.key}#${generation}`}
      {...props}
      action={current.action}
      targets={current.targets}
      onPhaseChange={handlePhase}
      onStartOver={() => {
        setFrozen(null);
        setGeneration((g) => g + 1);
      }}
    />
  );
}
