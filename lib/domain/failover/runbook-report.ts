import { runCounts, runDurationMs, runTopics, type ActionRun, type TimelineEvent } from "../actions/action-run";
import { cliCommands, cliNoteFor } from "../actions/cli-commands";
import { MIRROR_ACTIONS } from "../actions/mirror-actions";

/*
 * The record of one run, for the incident channel and the post-mortem: what was in scope, what readiness said, the
 * timeline, each topic's outcome, how long it took, and the CLI commands that do the same. Markdown for people, JSON
 * (the same object) for tools.
 */

export interface ReportContext {
  /** When the report was made, epoch ms. */
  generatedAt: number;
  /** The Kafka cluster id of the cluster acted on; null when unknown. */
  clusterId: string | null;
  /** Who ran it, as the dashboard knows them. */
  user: string | null;
  /** Readiness when the action was chosen, one line, e.g. "caution: 2 ready, 1 caution". */
  readiness?: string | null;
  /** The recommendation shown, and whether it was followed. */
  recommendation?: string | null;
  /** The consumer groups of the links in scope and whether each resumes on this cluster: the applications to move. */
  consumerGroups?: ReportConsumerGroup[] | null;
}

export interface ReportConsumerGroup {
  link: string;
  group: string;
  topics: string[];
  verdict: string;
  reason: string;
  behindMessages: number | null;
  activeMembersOnDestination: number | null;
}

export interface ReportTopic {
  link: string;
  topic: string;
  dryRun: "ok" | "failed" | "not run";
  dryRunMessage: string | null;
  execute: "accepted" | "rejected" | "not sent";
  executeMessage: string | null;
  /** Messages behind when the cluster acted (what a failover abandons). */
  lagAtAction: number | null;
  messagesTruncated: number | null;
  finalStatus: string | null;
  reachedTarget: boolean;
  /** From the first request to this topic reaching its target. */
  secondsToTarget: number | null;
  stateTransitionErrors: string[];
}

export interface RunReport {
  title: string;
  generatedAt: string;
  user: string | null;
  cluster: string;
  clusterId: string | null;
  action: string;
  targetStatus: string;
  links: string[];
  readiness: string | null;
  recommendation: string | null;
  outcome: string;
  counts: ReturnType<typeof runCounts>;
  /** Measured time to complete; null when not every accepted topic reached its target. */
  durationSeconds: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  timeline: { at: string; level: TimelineEvent["level"]; text: string }[];
  topics: ReportTopic[];
  cliCommands: string[];
  cliNote: string | null;
  /** The applications to move after the run, with where each would resume; null when they were not read. */
  consumerGroups: ReportConsumerGroup[] | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function outcomeSentence(run: ActionRun): string {
  const c = runCounts(run);
  const target = MIRROR_ACTIONS[run.action].targetStatus;
  switch (run.finish) {
    case "completed": {
      const skipped = c.total - c.sent;
      const notSent = skipped > 0 ? ` ${skipped} failed the dry run and ${skipped === 1 ? "was" : "were"} not sent.` : "";
      if (c.failed === 0 && c.rejected === 0) return `Completed: all ${c.accepted} sent topics reached ${target}.${notSent}`;
      return `Completed with problems: ${c.done} of ${c.sent} sent topics reached ${target}; ${c.failed} FAILED, ${c.rejected} rejected by the cluster.${notSent}`;
    }
    case "timed-out":
      return `Timed out: ${c.done} of ${c.accepted} accepted topics reached ${target}; ${c.pending} were still on their way.`;
    case "nothing-accepted":
      return "Nothing changed: the cluster accepted no topic.";
    default:
      return run.executeStartedAt === null ? "Not executed (dry run only)." : "In progress when this report was made.";
  }
}

export function buildRunReport(run: ActionRun, ctx: ReportContext): RunReport {
  const info = MIRROR_ACTIONS[run.action];
  const topics = runTopics(run).map(
    (t): ReportTopic => ({
      link: t.link,
      topic: t.topic,
      dryRun: t.dryRun === null ? "not run" : t.dryRun.ok ? "ok" : "failed",
      dryRunMessage: t.dryRun?.ok === false ? (t.dryRun.message ?? null) : null,
      execute: t.execute === null ? "not sent" : t.execute.ok ? "accepted" : "rejected",
      executeMessage: t.execute?.ok === false ? (t.execute.message ?? null) : null,
      lagAtAction: t.execute?.totalLag ?? null,
      messagesTruncated: t.execute?.messagesTruncated ?? t.dryRun?.messagesTruncated ?? null,
      finalStatus: t.status,
      reachedTarget: t.progress === "done",
      secondsToTarget:
        t.reachedTargetAt !== null && run.executeStartedAt !== null ? (t.reachedTargetAt - run.executeStartedAt) / 1000 : null,
      stateTransitionErrors: t.transitionErrors.map((e) => `${e.code}: ${e.message}`),
    }),
  );
  const links = [...new Set(topics.map((t) => t.link))];
  const sent = runTopics(run).filter((t) => t.execute !== null);
  const commandTopics = sent.length > 0 ? sent : runTopics(run);
  const commands = links.flatMap((link) =>
    cliCommands({
      action: run.action,
      link,
      clusterId: ctx.clusterId,
      topics: commandTopics.filter((t) => t.link === link).map((t) => t.topic),
      dryRun: run.executeStartedAt === null,
    }),
  );
  const duration = runDurationMs(run);
  return {
    title: `${info.label} on ${run.cluster}`,
    generatedAt: new Date(ctx.generatedAt).toISOString(),
    user: ctx.user,
    cluster: run.cluster,
    clusterId: ctx.clusterId,
    action: run.action,
    targetStatus: info.targetStatus,
    links,
    readiness: ctx.readiness ?? null,
    recommendation: ctx.recommendation ?? null,
    outcome: outcomeSentence(run),
    counts: runCounts(run),
    durationSeconds: duration === null ? null : duration / 1000,
    startedAt: iso(run.executeStartedAt ?? run.dryRunAt),
    finishedAt: iso(run.finishedAt),
    timeline: run.timeline.map((e) => ({ at: new Date(e.at).toISOString(), level: e.level, text: e.text })),
    topics,
    cliCommands: commands,
    cliNote: cliNoteFor(ctx.clusterId),
    consumerGroups: ctx.consumerGroups ?? null,
  };
}

/** Markdown table cells: pipes and line breaks would break the row. */
function cell(value: string | number | null): string {
  if (value === null || value === "") return "–";
  return String(value).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function renderReportMarkdown(r: RunReport): string {
  const lines: string[] = [];
  lines.push(`# ${r.title}`, "");
  lines.push(`- **Outcome:** ${r.outcome}`);
  lines.push(`- **Action:** ${r.action} (target state ${r.targetStatus})`);
  lines.push(`- **Cluster:** ${r.cluster}${r.clusterId ? ` (${r.clusterId})` : ""}`);
  lines.push(`- **Links:** ${r.links.length > 0 ? r.links.join(", ") : "–"}`);
  lines.push(`- **Run by:** ${r.user ?? "unknown"}`);
  lines.push(`- **Started:** ${r.startedAt ?? "–"}; **finished:** ${r.finishedAt ?? "–"}`);
  lines.push(`- **Measured time to complete:** ${r.durationSeconds === null ? "not complete" : `${r.durationSeconds.toFixed(1)} s`}`);
  if (r.readiness) lines.push(`- **Readiness:** ${r.readiness}`);
  if (r.recommendation) lines.push(`- **Recommendation:** ${r.recommendation}`);
  lines.push(`- **Report generated:** ${r.generatedAt}`, "");

  lines.push("## Timeline", "", "| Time (UTC) | Event |", "|---|---|");
  for (const e of r.timeline)
    lines.push(`| ${e.at} | ${cell(`${e.level === "ok" || e.level === "info" ? "" : `${e.level.toUpperCase()}: `}${e.text}`)} |`);
  lines.push("");

  lines.push(
    "## Topics",
    "",
    "| Link | Topic | Dry run | Execution | Lag when acted | Final state | Seconds to target | Errors |",
    "|---|---|---|---|---:|---|---:|---|",
  );
  for (const t of r.topics) {
    const errors = [t.dryRunMessage, t.executeMessage, ...t.stateTransitionErrors].filter((e): e is string => e !== null).join("; ");
    lines.push(
      `| ${cell(t.link)} | ${cell(t.topic)} | ${t.dryRun} | ${t.execute} | ${cell(t.lagAtAction)} | ${cell(t.finalStatus)} | ${cell(
        t.secondsToTarget === null ? null : t.secondsToTarget.toFixed(1),
      )} | ${cell(errors)} |`,
    );
  }
  lines.push("");

  if (r.consumerGroups) {
    lines.push(`## Consumer groups to move to ${r.cluster}`, "");
    if (r.consumerGroups.length === 0) lines.push("No consumer group reads the mirrored topics in scope on the source.");
    for (const g of r.consumerGroups) {
      const members = g.activeMembersOnDestination
        ? ` **${g.activeMembersOnDestination} member(s) already connected on ${r.cluster}.**`
        : "";
      lines.push(`- [ ] \`${g.group}\` (${g.link}: ${g.topics.join(", ")}) — ${g.verdict}: ${g.reason.replace(/\r?\n/g, " ")}${members}`);
    }
    lines.push("");
  }

  lines.push("## Equivalent Confluent CLI commands", "", "```sh", ...r.cliCommands, "```");
  if (r.cliNote) lines.push("", r.cliNote);
  lines.push("");
  return lines.join("\n");
}
