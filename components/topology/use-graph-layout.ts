"use client";
import { useEffect, useRef, useState } from "react";
import { computeLayout, EMPTY_LAYOUT, layoutKeyOf, type GraphLayout, type LayoutRequest } from "./model/layout";
import { loadElk } from "./layout-engine";

// Layouts by key: going back to a view (the whole fleet after a focus, say) draws at once, and a poll never re-lays out.
const cache = new Map<string, GraphLayout>();
const CACHE_LIMIT = 24;

export type GraphLayoutState =
  | { layout: GraphLayout; key: string; ready: true }
  | { layout: null; key: string; ready: false; error: string | null };

/** The laid-out graph for a request; recomputed only when the request's key changes (cards, boxes or edges). */
export function useGraphLayout(request: LayoutRequest): GraphLayoutState {
  const key = layoutKeyOf(request);
  const shown = useRef<GraphLayout | null>(null);
  const [done, setDone] = useState<{ key: string; layout: GraphLayout } | { key: string; error: string } | null>(null);
  const cached = cache.get(key) ?? (request.cards.length === 0 ? EMPTY_LAYOUT : undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key captures everything the layout reads
  useEffect(() => {
    if (cache.has(key) || request.cards.length === 0) return;
    let live = true;
    loadElk()
      .then((elk) => computeLayout(elk, request))
      .then(
        (layout) => {
          cache.set(key, layout);
          const oldest = cache.keys().next().value;
          if (cache.size > CACHE_LIMIT && oldest !== undefined) cache.delete(oldest);
          if (live) setDone({ key, layout });
        },
        (err: unknown) => {
          if (live) setDone({ key, error: err instanceof Error ? err.message : String(err) });
        },
      );
    return () => {
      live = false;
    };
  }, [key]);

  const current = cached ?? (done && done.key === key && "layout" in done ? done.layout : null);
  if (current) {
    shown.current = current;
    return { layout: current, key, ready: true };
  }
  const error = done && done.key === key && "error" in done ? done.error : null;
  // While a changed graph (a label that grew, a card that appeared) is laid out again, the last layout stays on screen:
  // the graph never blanks to "Laying out…" on a refresh, and cards it has no place for yet are parked by buildNodes.
  if (shown.current && !error) return { layout: shown.current, key, ready: true };
  return { layout: null, key, ready: false, error };
}
