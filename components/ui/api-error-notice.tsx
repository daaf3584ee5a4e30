import { CircleX, Unplug } from "lucide-react";
import clsx from "clsx";
import { describeApiError } from "./api-error-text";
import { LastKnownLabel } from "./last-known-label";

/**
 * A failed read, in words: what failed, the server's sentence, and what to do. `stale` means older data is
 * still on screen below, so the notice is a warning rather than the whole widget. `compact` is for widgets
 * whose failure the page header already explains in full: one line, no repetition. `asOf` (with `stale`) is when the data
 * below was true: it is then labelled "last known as of T".
 */
export function ApiErrorNotice({
  error,
  cluster,
  what,
  stale = false,
  compact = false,
  asOf = null,
  className,
}: {
  error: unknown;
  cluster?: string;
  what: string;
  stale?: boolean;
  compact?: boolean;
  asOf?: number | null;
  className?: string;
}) {
  const text = describeApiError(error, { cluster, what });
  const Icon = text.transient ? Unplug : CircleX;
  if (compact) {
    const then =
      stale && asOf !== null ? (
        <LastKnownLabel asOf={asOf} />
      ) : stale ? (
        "Showing the last data Linkscope received."
      ) : text.transient ? (
        `${what[0]?.toUpperCase()}${what.slice(1)} will appear when it answers.`
      ) : (
        ""
      );
    return (
      <p role="status" className={clsx("flex items-start gap-2 py-2 text-sm", stale ? "text-warn" : "text-muted", className)}>
        <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span>
          {text.title} {then}
        </span>
      </p>
    );
  }
  return (
    <div
      role="alert"
      className={clsx("flex items-start gap-3 rounded-md px-3 py-3 text-sm", stale ? "bg-warn-bg" : "bg-err-bg", className)}
    >
      <Icon aria-hidden className={clsx("mt-0.5 size-5 shrink-0", stale ? "text-warn" : "text-err")} />
      <div className="min-w-0">
        <p className={clsx("font-semibold", stale ? "text-warn" : "text-err")}>
          {text.title}
          {stale && asOf === null ? " Showing the last data Linkscope received." : ""}
        </p>
        {stale && asOf !== null ? (
          <p className="mt-1 font-medium text-warn">
            <LastKnownLabel asOf={asOf} />
          </p>
        ) : null}
        {text.detail ? <p className="mt-1 break-words text-fg">{text.detail}</p> : null}
        <p className="mt-1 text-fg">{text.advice}</p>
      </div>
    </div>
  );
}
