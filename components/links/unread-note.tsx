import type { Problem } from "@/lib/domain/types";
import { WarnNote } from "@/components/ui/warn-note";

/**
 * In place of a panel's "none reported": the answer it shows was not read at the last reading (a `link-detail-unread`
 * or `link-configs-unread` problem), so its emptiness says nothing about the cluster.
 */
export function UnreadNote({ problem }: { problem: Problem }) {
  return (
    <WarnNote testId={`unread-${problem.code}`} className="py-2">
      Linkscope {problem.message}. They show again once{" "}
      {problem.code === "link-configs-unread" ? "the configs are" : "the link's details are"} read.
    </WarnNote>
  );
}
