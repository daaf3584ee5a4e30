"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseTopologyParams, writeTopologyParams, type TopologyUrlState } from "./model/url-state";

/**
 * Search, "problems only", graph/table and the selected cluster, read from and written to the URL. Writing uses
 * the History API, which Next.js keeps in step with useSearchParams, so typing in the search box never asks the
 * server for the page again.
 */
export function useTopologyUrlState(): [TopologyUrlState, (patch: Partial<TopologyUrlState>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => parseTopologyParams(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<TopologyUrlState>) => {
      const current = new URLSearchParams(window.location.search);
      const query = writeTopologyParams(current, patch, parseTopologyParams(current));
      window.history.replaceState(window.history.state, "", `${pathname}${query}${window.location.hash}`);
    },
    [pathname],
  );
  return [state, update];
}
