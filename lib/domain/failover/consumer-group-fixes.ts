/*
 * What to do when groups would not resume in place, with the commands that do it: the Confluent CLI
 * (`confluent kafka link configuration update`) and the REST call (PUT …/links/{link}/configs/{name}), both on the
 * cluster that hosts the link's mirrors. Linkscope shows them; it does not run them from here.
 */
import type { ConsumerGroupFailover, OffsetSyncView } from "./consumer-group-types";
import { shellQuote } from "../actions/cli-commands";
import { groupFiltersJson, parseGroupFilters, type NameFilter } from "../links/topic-filters";

export interface FixCommand {
  cli: string;
  rest: string;
}

export type ConsumerGroupFix =
  | { kind: "stop-members"; groups: string[]; sentence: string }
  | { kind: "enable-sync"; groups: string[]; sentence: string; commands: FixCommand }
  | { kind: "fix-filters"; groups: string[]; sentence: string; commands: FixCommand }
  | { kind: "widen-filter"; groups: string[]; sentence: string; commands: FixCommand }
  | { kind: "wait"; groups: string[]; sentence: string };

export interface FixContext {
  link: string;
  /** The Kafka cluster id of the cluster hosting the mirrors; null when unknown. */
  clusterId: string | null;
  destinationCluster: string;
  offsetSync: OffsetSyncView;
}

function commands(ctx: FixContext, name: string, value: string): FixCommand {
  const id = ctx.clusterId ?? "<cluster-id>";
  const cli = `confluent kafka link configuration update ${shellQuote(ctx.link)} --cluster ${shellQuote(id)} --config ${shellQuote(`${name}=${value}`)}`;
  const body = JSON.stringify({ value });
  const rest =
    `curl -u "$API_KEY:$API_SECRET" -X PUT -H 'Content-Type: application/json' \\\n` +
    `  "$REST_ENDPOINT/kafka/v3/clusters/${id}/links/${encodeURIComponent(ctx.link)}/configs/${name}" \\\n` +
    `  -d ${shellQuote(body)}`;
  return { cli, rest };
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
const list = (groups: readonly string[]) => groups.join(", ");

/** The filters as they are plus one LITERAL INCLUDE per group left out (an EXCLUDE still wins, so those are dropped). */
export function widenedFilters(current: string, groups: readonly string[]): string {
  const parsed = parseGroupFilters(current);
  const kept: NameFilter[] = parsed.ok ? parsed.filters : [];
  const excludedBy = (g: string) =>
    kept.find((f) => f.filterType === "EXCLUDE" && (f.patternType === "LITERAL" ? f.name === g || f.name === "*" : g.startsWith(f.name)));
  const withoutBlocking = kept.filter((f) => !groups.some((g) => excludedBy(g) === f));
  return groupFiltersJson([
    ...withoutBlocking,
    ...groups.map((name): NameFilter => ({ name, patternType: "LITERAL", filterType: "INCLUDE" })),
  ]);
}

/** The fixes the groups call for, most urgent first. */
export function consumerGroupFixes(ctx: FixContext, groups: readonly ConsumerGroupFailover[]): ConsumerGroupFix[] {
  const fixes: ConsumerGroupFix[] = [];
  const busy = groups.filter((g) => (g.activeMembersOnDestination ?? 0) > 0).map((g) => g.destinationGroup);
  if (busy.length > 0) {
    fixes.push({
      kind: "stop-members",
      groups: busy,
      sentence: `Members are already connected on ${ctx.destinationCluster} to ${list(busy)}: find and stop what reads there before failing over (offset sync does not write a group with members on the destination).`,
    });
  }
  const resets = groups.filter((g) => g.verdict === "resets" && !((g.activeMembersOnDestination ?? 0) > 0));
  if (resets.length === 0) return fixes;
  const sync = ctx.offsetSync;
  if (sync.enabled === false) {
    fixes.push({
      kind: "enable-sync",
      groups: resets.map((g) => g.group),
      sentence: `Enable consumer offset sync on ${ctx.link}; then wait one sync interval (${seconds(sync.intervalMs)}) for the offsets to arrive.`,
      commands: commands(ctx, "consumer.offset.sync.enable", "true"),
    });
    return fixes;
  }
  if (sync.enabled === null) return fixes;
  if (sync.filtersProblem) {
    const all = groups.map((g) => g.group);
    fixes.push({
      kind: "fix-filters",
      groups: all,
      sentence: `consumer.offset.group.filters does not parse, so no group is synced: set valid filters (this one includes the groups listed here).`,
      commands: commands(ctx, "consumer.offset.group.filters", widenedFilters("", all)),
    });
    return fixes;
  }
  const outside = resets.filter((g) => g.inFilter === false).map((g) => g.group);
  if (outside.length > 0) {
    fixes.push({
      kind: "widen-filter",
      groups: outside,
      sentence: `Widen consumer.offset.group.filters to include ${list(outside)}; then wait one sync interval (${seconds(sync.intervalMs)}).`,
      commands: commands(ctx, "consumer.offset.group.filters", widenedFilters(sync.groupFilters ?? "", outside)),
    });
  }
  const waiting = resets.filter((g) => g.inFilter === true).map((g) => g.group);
  if (waiting.length > 0) {
    fixes.push({
      kind: "wait",
      groups: waiting,
      sentence: `Offset sync includes ${list(waiting)} but has not written them on ${ctx.destinationCluster} yet: wait one sync interval (${seconds(sync.intervalMs)}) and look again; if nothing changes, check the link's ConsumerOffsetSync task.`,
    });
  }
  return fixes;
}
