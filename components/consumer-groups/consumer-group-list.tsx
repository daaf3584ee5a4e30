"use client";
import { formatCount, formatDuration } from "@/components/ui/format";
import type { ConsumerGroupFailover } from "@/lib/domain/failover/consumer-group-types";
import { MembersFlag, VerdictBadge } from "./verdict-badge";

function ageText(g: ConsumerGroupFailover): string {
  const hasOffsets = g.partitions.some((p) => p.destinationOffset !== null);
  if (g.destinationOffsetsAgeMs === null) return hasOffsets ? "age not known yet" : "none";
  // Watched for under a second: "unchanged for at least 0 s" would say nothing.
  if (g.destinationOffsetsAgeAtLeast && g.destinationOffsetsAgeMs < 1000) return "age not known yet";
  return `unchanged for ${g.destinationOffsetsAgeAtLeast ? "at least " : ""}${formatDuration(g.destinationOffsetsAgeMs)}`;
}

function PartitionTable({ group, source, destination }: { group: ConsumerGroupFailover; source: string; destination: string }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[28rem] text-left text-xs tabular-nums">
        <caption className="sr-only">Committed offsets of {group.group} per partition</caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Partition
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              On {source} (offset)
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              On {destination} (offset)
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              Re-read (messages)
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Mirror end (offset)
            </th>
          </tr>
        </thead>
        <tbody>
          {group.partitions.map((p) => (
            <tr key={`${p.topic}-${p.partition}`} className="border-t border-border">
              <td className="py-1 pr-3 font-mono">
                {p.topic}-{p.partition}
              </td>
              <td className="py-1 pr-3 text-right">{formatCount(p.sourceOffset)}</td>
              <td className="py-1 pr-3 text-right">{p.destinationOffset === null ? "none" : formatCount(p.destinationOffset)}</td>
              <td className="py-1 pr-3 text-right">{formatCount(p.behindMessages)}</td>
              <td className="py-1 text-right">{formatCount(p.mirrorEndOffset)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One entry per group: verdict, the sentence that explains it, and the figures behind it. */
export function ConsumerGroupList({
  groups,
  source,
  destination,
}: {
  groups: readonly ConsumerGroupFailover[];
  source: string;
  destination: string;
}) {
  return (
    <ul className="divide-y divide-border" aria-label="Consumer groups">
      {groups.map((g) => (
        <li key={g.group} className="py-3" data-testid="consumer-group">
          <div className="flex flex-wrap items-center gap-2">
            <span className="break-all font-mono text-sm font-semibold">{g.group}</span>
            <VerdictBadge group={g} />
            <MembersFlag members={g.activeMembersOnDestination} cluster={destination} />
          </div>
          <p className="mt-1 text-sm">{g.reason}</p>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
            <div>
              <dt className="inline">Topics: </dt>
              <dd className="inline font-mono">{g.topics.join(", ")}</dd>
            </div>
            <div>
              <dt className="inline">Offset sync filter: </dt>
              <dd className="inline">{g.inFilter === null ? "cannot tell" : g.inFilter ? "included" : "left out"}</dd>
            </div>
            <div>
              <dt className="inline">Offsets on {destination}: </dt>
              <dd className="inline">{ageText(g)}</dd>
            </div>
            {g.destinationGroup !== g.group ? (
              <div>
                <dt className="inline">Named there: </dt>
                <dd className="inline font-mono">{g.destinationGroup}</dd>
              </div>
            ) : null}
          </dl>
          <details className="mt-1">
            <summary className="cursor-pointer text-xs font-medium text-accent">Offsets per partition ({g.partitions.length})</summary>
            <PartitionTable group={g} source={source} destination={destination} />
          </details>
        </li>
      ))}
    </ul>
  );
}
