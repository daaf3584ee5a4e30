"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { parseTopologyParams, writeTopologyParams, type TopologyUrlState } from "./model/url-state";

function sameState(a: TopologyUrlState, b: TopologyUrlState): boolean {
  return a.q === b.q && a.problemsOnly === b.problemsOnly && a.view === b.view && a.selected === b.selected;
}

/**
 * Search, "problems only", graph/table and the selected cluster, kept in the URL. The page reacts at once from
 * local state; the URL follows through the History API (which Next.js keeps in step with useSearchParams, so no
 * request goes to the server), and a URL change from elsewhere (back, forward, a link) flows back in.
 */
export function useTopologyUrlState(): [TopologyUrlState, (patch: Partial<TopologyUrlState>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [state, setState] = useState(() => parseTopologyParams(searchParams));
  const latest = useRef(state);

  useEffect(() => {
    const fromUrl = parseTopologyParams(searchParams);
    if (!sameState(fromUrl, latest.current)) {
      latest.current = fromUrl;
      setState(fromUrl);
    }
  }, [searchParams]);

  const update = useCallback(
    (patch: Partial<TopologyUrlState>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setState(next);
      const query = writeTopologyParams(window.location.search, patch, next);
      // `null`, not the current history state: Next.js only follows calls that do not carry its own marker.
      window.history.replaceState(null, "", `${pathname}${query}${window.location.hash}`);
    },
    [pathname],
  );
  return [state, update];
}
