"use client";
import { useNow } from "@/lib/client/use-now";
import { formatAge } from "./freshness";

/** "Last known as of 10:32:05 (4 min ago)": what a page shows of a cluster that cannot be read now, and when it was true. */
export function LastKnownLabel({ asOf }: { asOf: number }) {
  const now = useNow();
  return (
    <span data-testid="last-known-as-of">
      Showing what Linkscope last knew: last known as of{" "}
      <time dateTime={new Date(asOf).toISOString()}>{new Date(asOf).toLocaleTimeString()}</time> ({formatAge(now - asOf)}).
    </span>
  );
}
