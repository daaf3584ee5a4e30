import type { AuditOutcome } from "@/lib/api/audit";
import { StateBadge } from "@/components/ui/state-badge";
import type { Tone } from "@/components/ui/state-tones";

const LOOK: Record<AuditOutcome, { label: string; tone: Tone; meaning: string }> = {
  succeeded: { label: "Succeeded", tone: "ok", meaning: "Every topic or step went through." },
  partial: { label: "Partial", tone: "warning", meaning: "Some topics or steps failed; the results say which." },
  failed: { label: "Failed", tone: "error", meaning: "Nothing went through." },
  denied: { label: "Denied", tone: "error", meaning: "Refused before anything was sent to a cluster." },
  duplicate: {
    label: "Duplicate",
    tone: "neutral",
    meaning: "A repeat of an earlier request with the same idempotency key; nothing was sent again.",
  },
  pending: { label: "In progress", tone: "pending", meaning: "Sent; the outcome is not recorded yet." },
  interrupted: { label: "Interrupted", tone: "unknown", meaning: "Linkscope stopped before recording the outcome; check the cluster." },
};

export function AuditOutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const look = LOOK[outcome];
  return <StateBadge tone={look.tone} label={look.label} title={look.meaning} />;
}
