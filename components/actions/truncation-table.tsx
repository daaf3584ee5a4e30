import type { PartitionTruncation } from "@/lib/domain/actions/action-results";
import { formatCount } from "@/components/ui/format";

/** What truncate-and-restore removes from one topic, partition by partition (the cluster lists only touched partitions). */
export function TruncationTable({
  topic,
  total,
  partitions,
}: {
  topic: string;
  total: number | null;
  partitions: readonly PartitionTruncation[];
}) {
  if (total === 0 || (total === null && partitions.length === 0)) {
    return <p className="text-sm text-muted">Nothing would be truncated from {topic}.</p>;
  }
  return (
    <table className="mt-1 w-auto text-left text-sm">
      <caption className="sr-only">Messages truncated per partition of {topic}</caption>
      <thead className="text-xs uppercase tracking-wide text-muted">
        <tr>
          <th scope="col" className="py-1 pr-4 font-medium">
            Partition
          </th>
          <th scope="col" className="py-1 pr-4 text-right font-medium">
            Truncated to offset
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Messages removed
          </th>
        </tr>
      </thead>
      <tbody>
        {partitions.map((p) => (
          <tr key={p.partition} className="border-t border-border">
            <td className="py-1 pr-4 font-mono">{p.partition}</td>
            <td className="py-1 pr-4 text-right font-mono tabular-nums">{formatCount(p.offsetTruncatedTo)}</td>
            <td className="py-1 text-right font-mono font-semibold tabular-nums text-err">{formatCount(p.messagesTruncated)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
