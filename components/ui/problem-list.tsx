import type { ReactNode } from "react";
import type { Problem } from "@/lib/domain/types";

/** A bulleted list of problems, each carrying its stable code for tests and scripts; `more` is an extra last item. */
export function ProblemList({
  problems,
  className,
  itemClassName,
  more,
}: {
  problems: readonly Problem[];
  className: string;
  itemClassName?: string;
  more?: ReactNode;
}) {
  return (
    <ul className={className}>
      {problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems carry no id and may repeat code and message; the list is replaced whole per snapshot, never reordered
        <li key={`${i}:${p.code}`} data-problem-code={p.code} className={itemClassName}>
          {p.message}
        </li>
      ))}
      {more ? <li>{more}</li> : null}
    </ul>
  );
}
