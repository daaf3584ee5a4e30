import { StateBadge } from "@/components/ui/state-badge";
import type { Tone } from "@/components/ui/state-tones";
import { formatCount } from "@/components/ui/format";
import type { ConsumerGroupFailover, ConsumerGroupVerdict } from "@/lib/domain/failover/consumer-group-types";

const TONES: Record<ConsumerGroupVerdict, Tone> = { resumes: "ok", rereads: "warning", resets: "error", unknown: "unknown" };

export function verdictLabel(g: Pick<ConsumerGroupFailover, "verdict" | "behindMessages">): string {
  switch (g.verdict) {
    case "resumes":
      return "Resumes in place";
    case "rereads":
      return `Re-reads ${formatCount(g.behindMessages)} messages`;
    case "resets":
      return "Starts from reset policy";
    case "unknown":
      return "Unknown";
  }
}

/** The verdict as icon + words + colour. */
export function VerdictBadge({ group }: { group: Pick<ConsumerGroupFailover, "verdict" | "behindMessages" | "reason"> }) {
  return <StateBadge label={verdictLabel(group)} tone={TONES[group.verdict]} title={group.reason} />;
}

/** Members already connected on the destination: a red flag before a failover. */
export function MembersFlag({ members, cluster }: { members: number | null; cluster: string }) {
  if (!members) return null;
  return <StateBadge label={`${formatCount(members)} ${members === 1 ? "member" : "members"} already on ${cluster}`} tone="error" />;
}
