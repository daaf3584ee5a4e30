import { TriangleAlert } from "lucide-react";
import type { Problem } from "@/lib/domain/types";

/**
 * In place of a panel's "none reported": the answer it shows was not read at the last reading (a `link-detail-unread`
 * or `link-configs-unread` problem), so its emptiness says nothing about the cluster.
 */
export function UnreadNote({ problem }: { problem: Problem }) {
  return (
    <p role="note" className="flex items-start gap-2 py-2 text-sm text-warn" data-testid={`unread-${problem.code}`}>
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>
        Linkscope {problem.message}. They show again once{" "}
        {problem.code === "link-configs-unread" ? "the configs are" : "the link's details are"} read.
      </span>
    </p>
  );
}
