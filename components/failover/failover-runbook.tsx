"use client";
import { useCallback, useMemo, useRef, useState } from "react";
import type { RunPhase } from "@/lib/domain/actions/action-run";
import { countVerdicts, overallVerdict, recommendAction, totalAtRisk, type StopAction } from "@/lib/domain/failover/readiness";
import { useTopology } from "@/lib/client/use-topology";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { lossText } from "./loss-text";
import { reportConsumerGroups } from "./consumer-report";
import { useLinksConsumerGroups } from "@/lib/client/use-consumer-groups";
import { mirrorHosts, scopeMirrors } from "./runbook-model";
import { EarlierRunNotice } from "./earlier-run-notice";
import { ActionRunFlow, AfterFailoverChecklist, BlastRadiusStage, ChoiceStep, ConsumersStep, ReadinessStep } from "./lazy-steps";
import { ScopeStep } from "./scope-step";
import { Step } from "./step";
import { useLinksReadiness } from "@/lib/client/use-readiness";
import { useRunbookUrlState, type ScopeMode } from "./use-runbook-url-state";

/** The guided failover: scope, readiness, promote or failover, blast radius, then dry run → confirm → execute → report. */
export function FailoverRunbook() {
  const url = useRunbookUrlState();
  const topology = useTopology();
  // Mirrors taken out of scope live in the URL with the scope, so a reload or a pasted link keeps the selection.
  // Local state answers a click at once; the URL follows (router.replace is asynchronous).
  const [excluded, setExcluded] = useState<Set<string>>(() => new Set(url.excluded));
  const [choice, setChoice] = useState<StopAction | null>(null);
  const [phase, setPhase] = useState<RunPhase>("draft");
  // What readiness said when the run started: the live view changes as mirrors stop, the run's basis must not.
  const [atStart, setAtStart] = useState<{ why: string; readiness: string } | null>(null);
  const running = phase === "executing" || phase === "watching" || phase === "finished";

  const hosts = useMemo(() => (topology.data ? mirrorHosts(topology.data) : []), [topology.data]);
  const host = hosts.find((h) => h.cluster === url.cluster);
  const linkNames = useMemo(() => {
    if (!host) return [];
    if (url.scope === "cluster") return host.links.map((l) => l.name);
    const known = new Set(host.links.map((l) => l.name));
    return url.links.filter((l) => known.has(l)).slice(0, url.scope === "link" ? 1 : undefined);
  }, [host, url.scope, url.links]);

  // One computation, on the server: every verdict, reason and figure comes from GET /api/readiness, per link in scope.
  const readinessQueries = useLinksReadiness(url.cluster, linkNames);
  const groupQueries = useLinksConsumerGroups(url.cluster, linkNames);
  const groupStates = linkNames.map((link, i) => ({
    link,
    data: groupQueries[i]?.data,
    error: groupQueries[i]?.error ?? null,
    pending: groupQueries[i]?.isPending ?? true,
  }));

  const answers = readinessQueries.map((q, i) => ({
    link: linkNames[i] ?? "",
    data: q.data,
    error: q.error,
    pending: q.isPending,
    updatedAt: q.dataUpdatedAt,
  }));
  const answersKey = answers.map((a) => `${a.link}@${a.updatedAt}`).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: answers is rebuilt each render; when each was last updated says when any changed
  const readiness = useMemo(() => answers.flatMap((a) => (a.data ? scopeMirrors(a.data) : [])), [answersKey]);
  const readinessLinks = answers.flatMap((a) => (a.data ? [a.data.link] : []));
  const included = readiness.filter((m) => !excluded.has(`${m.link}/${m.topic}`));
  const recommendation = recommendAction(included, readinessLinks.find((l) => !l.flowing)?.causeCode ?? null);
  // When the recommendation is neither, nothing is preselected: a highlighted Promote beside "Neither" reads as advice.
  const chosen: StopAction | null = choice ?? recommendation.action;
  const action: StopAction = chosen ?? "promote";
  const risk = totalAtRisk(included);
  // biome-ignore lint/correctness/useExhaustiveDependencies: included is rebuilt each render; the key of who is still to act captures it, so the run's targets keep their identity across polls
  const targets = useMemo(
    () => included.filter((m) => m[action].verdict !== "done").map((m) => ({ link: m.link, topic: m.topic })),
    [included.map((m) => `${m.link}/${m.topic}:${m[action].verdict === "done"}`).join(","), action],
  );

  const blastScope = useMemo(
    () => linkNames.map((link) => ({ link, topics: targets.filter((t) => t.link === link).map((t) => t.topic) })),
    [linkNames, targets],
  );

  const onScope = useCallback(
    (patch: { cluster?: string; scope?: ScopeMode; links?: string[] }) => {
      setChoice(null);
      setExcluded(new Set());
      url.update({
        exclude: null,
        ...(patch.cluster !== undefined ? { cluster: patch.cluster } : {}),
        ...(patch.scope !== undefined ? { scope: patch.scope } : {}),
        ...(patch.links !== undefined ? { links: patch.links.join(",") } : {}),
      });
    },
    [url],
  );

  const onRunStarted = useCallback((runId: string) => url.update({ run: runId }), [url]);

  const latestWhy = useRef("");
  const latestReadiness = useRef("");
  const onPhase = useCallback(
    (p: RunPhase) => {
      setPhase(p);
      // The choice is part of the run's record: a recommendation that changes as mirrors stop must not relabel it.
      if (p === "executing") {
        setChoice((current) => current ?? action);
        setAtStart((current) => current ?? { why: latestWhy.current, readiness: latestReadiness.current });
      }
      if (p === "draft") setAtStart(null);
    },
    [action],
  );

  if (topology.isPending) return <SkeletonBlock label="Loading the fleet" lines={4} />;
  if (topology.error && !topology.data) return <ApiErrorNotice error={topology.error} what="the fleet" />;

  const scoped = linkNames.length > 0;
  const loading = answers.some((a) => a.pending);
  const c = countVerdicts(included, action);
  const readinessLine = `${action}: ${overallVerdict(included, action)} (${c.ready} ready, ${c.caution} caution, ${c.blocked} blocked, ${c.done} already stopped)`;
  const clusterId = topology.data?.clusters.find((x) => x.name === url.cluster)?.id ?? null;
  latestWhy.current = recommendation.why;
  latestReadiness.current = readinessLine;
  const shownRecommendation =
    running && atStart ? { action, why: `${atStart.why} (as when the run started; the table above shows the live state)` } : recommendation;

  return (
    <div className="space-y-4">
      <Step n={1} id="scope" title="Scope" hint="The cluster that takes over, and which of its links' mirrors to stop.">
        <ScopeStep
          hosts={hosts}
          cluster={url.cluster}
          scope={url.scope}
          links={linkNames}
          disabled={running}
          onChange={onScope}
          source={url.source}
          onSource={(source) => url.update({ source })}
        />
      </Step>

      <Step
        n={2}
        id="readiness"
        title="Readiness"
        hint="Per mirror: is the link healthy, is the source reachable, how far behind, what a failover would lose."
        inactive={!scoped}
      >
        {!scoped ? (
          <p className="text-sm text-muted">Choose a cluster and at least one link.</p>
        ) : loading && readiness.length === 0 ? (
          <SkeletonBlock label="Checking readiness" lines={4} />
        ) : (
          <>
            {answers.map((a) =>
              a.error ? (
                <ApiErrorNotice
                  key={a.link}
                  error={a.error}
                  cluster={url.cluster}
                  what={`the readiness of ${a.link}`}
                  stale={a.data !== undefined}
                  className="mb-3"
                />
              ) : null,
            )}
            {readiness.length === 0 ? (
              answers.every((a) => a.error && !a.data) ? null : (
                <p className="text-sm text-muted">These links have no mirror topics.</p>
              )
            ) : (
              <ReadinessStep
                links={readinessLinks}
                asOf={Math.min(...answers.flatMap((a) => (a.data ? [a.data.asOf] : [])))}
                mirrors={readiness}
                excluded={excluded}
                disabled={running}
                showLink={linkNames.length > 1}
                onToggle={(key) => {
                  const next = new Set(excluded);
                  if (next.has(key)) next.delete(key);
                  else next.add(key);
                  setExcluded(next);
                  url.update({ exclude: [...next].join(",") });
                }}
              />
            )}
          </>
        )}
      </Step>

      <Step
        n={3}
        id="consumers"
        title="Consumers"
        hint="Per consumer group: would the application resume on this cluster where it left off?"
        inactive={!scoped}
      >
        {scoped ? (
          <ConsumersStep cluster={url.cluster} clusterId={clusterId} states={groupStates} finished={phase === "finished"} />
        ) : (
          <p className="text-sm text-muted">Choose the scope first.</p>
        )}
      </Step>

      <Step n={4} id="choice" title="Promote or failover" inactive={!scoped || readiness.length === 0}>
        {/* Without a scope the recommendation and the loss would describe no mirrors at all ("every mirror has caught up"). */}
        {scoped ? (
          <ChoiceStep
            value={chosen}
            onChange={setChoice}
            recommendation={shownRecommendation}
            risk={risk}
            disabled={running || readiness.length === 0}
          />
        ) : (
          <p className="text-sm text-muted">Choose the scope first.</p>
        )}
      </Step>

      <Step n={5} id="blast-radius" title="Blast radius" hint="What else changes along the chain." inactive={!scoped}>
        {scoped && topology.data ? (
          <BlastRadiusStage topology={topology.data} cluster={url.cluster} scope={blastScope} />
        ) : (
          <p className="text-sm text-muted">Choose the scope first.</p>
        )}
      </Step>

      {/* A finished run keeps its step lit: the report and the checklist are what the SRE needs next. */}
      <Step
        n={6}
        id="execute"
        title={chosen === null && !running ? "Dry run, confirm, act" : `Dry run, confirm, ${action}`}
        hint="Nothing changes until you type the cluster's name and press the red button."
        inactive={(targets.length === 0 || chosen === null) && !running}
      >
        {url.run && !running ? <EarlierRunNotice run={url.run} /> : null}
        {chosen === null && !running && targets.length > 0 ? (
          <p className="text-sm text-muted">Choose promote or failover in step 4 first: readiness recommends neither yet.</p>
        ) : (url.cluster && targets.length > 0) || running ? (
          <ActionRunFlow
            cluster={url.cluster}
            action={action}
            targets={targets}
            onPhaseChange={onPhase}
            onRunStarted={onRunStarted}
            report={{
              clusterId,
              readiness: atStart?.readiness ?? readinessLine,
              recommendation: `${atStart?.why ?? recommendation.why} Chosen: ${action}.`,
              consumerGroups: reportConsumerGroups(groupStates),
            }}
            consequence={
              action === "failover" ? (
                <p className="font-semibold">Data lost: {lossText(risk)}.</p>
              ) : (
                <p>Promote waits for every selected mirror to catch up.</p>
              )
            }
          />
        ) : (
          <p className="text-sm text-muted">
            {scoped && readiness.length > 0 ? "Every mirror in scope has already stopped or is excluded." : "Choose the scope first."}
          </p>
        )}
        {phase === "finished" ? (
          <AfterFailoverChecklist cluster={url.cluster} links={linkNames} action={action} topology={topology.data} />
        ) : null}
      </Step>
    </div>
  );
}
