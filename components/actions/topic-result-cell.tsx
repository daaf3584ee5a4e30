import type { TopicActionResult } from "@/lib/domain/actions/action-results";
import { StateBadge } from "@/components/ui/state-badge";

const CODE_MEANING: Record<string, string> = {
  rejected: "The cluster refused this topic.",
  "no-answer": "The cluster answered the request but not for this topic.",
  "not-sent": "Never sent: an earlier request failed.",
  "cluster-unreachable": "The cluster could not be reached.",
  "upstream-timeout": "The cluster did not answer in time.",
  "upstream-error": "The cluster failed the whole request.",
  "not-found": "The cluster does not know this link.",
  conflict: "Another action was running on this link.",
  "audit-unavailable": "Linkscope could not write its audit log, so it sent nothing.",
};

/** One topic's answer: a badge in words, then the cluster's own sentence. */
export function TopicResultCell({ result, stage }: { result: TopicActionResult | null; stage: "dry-run" | "execute" }) {
  if (!result) return <span className="text-sm text-muted">{stage === "dry-run" ? "Not checked" : "Not sent"}</span>;
  if (result.ok) {
    return <StateBadge tone="ok" label={stage === "dry-run" ? "Would succeed" : "Accepted"} />;
  }
  return (
    <div className="space-y-1">
      <StateBadge
        tone="error"
        label={stage === "dry-run" ? "Would fail" : "Failed"}
        title={CODE_MEANING[result.errorCode ?? ""] ?? result.errorCode}
      />
      <p className="max-w-xl break-words text-sm text-fg">
        {result.message ?? CODE_MEANING[result.errorCode ?? ""] ?? "Failed."}
        {result.upstreamErrorCode !== undefined && result.upstreamErrorCode !== null ? (
          <span className="text-muted"> (cluster error {result.upstreamErrorCode})</span>
        ) : null}
      </p>
    </div>
  );
}
