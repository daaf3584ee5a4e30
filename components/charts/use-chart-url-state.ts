"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { DEFAULT_HISTORY_RANGE, historyRange, type HistoryRangeId } from "@/lib/client/use-history";

/** The charts' time range and time zone, kept in the URL (`range`, `tz=utc`) so a shared link shows the same window. */
export function useChartUrlState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const range = historyRange(params.get("range")).id;
  const utc = params.get("tz") === "utc";
  const update = useCallback(
    (name: string, value: string | null) => {
      const next = new URLSearchParams(params.toString());
      if (value === null) next.delete(name);
      else next.set(name, value);
      const text = next.toString();
      router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
    },
    [params, router, pathname],
  );
  return {
    range,
    utc,
    setRange: (r: HistoryRangeId) => update("range", r === DEFAULT_HISTORY_RANGE ? null : r),
    setUtc: (on: boolean) => update("tz", on ? "utc" : null),
  };
}
