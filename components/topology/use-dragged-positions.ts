"use client";
import { useCallback, useEffect, useState } from "react";
import type { Point } from "./model/layout";

const STORAGE_KEY = "linkscope.topology.positions.v2";

export type DraggedPositions = Record<string, Point>;

function isPoint(value: unknown): value is Point {
  return typeof value === "object" && value !== null && Number.isFinite((value as Point).x) && Number.isFinite((value as Point).y);
}

/** Reads saved positions, ignoring anything malformed (an old format, a hand-edited value). */
export function parseSavedPositions(text: string | null): DraggedPositions {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, p]) => isPoint(p))) as DraggedPositions;
  } catch {
    return {};
  }
}

/**
 * Where the user dragged cluster cards, by cluster name: they win over the automatic layout, survive refreshes
 * and re-layouts, and are remembered in this browser (localStorage) until "Reset layout".
 */
/** Remembers the dragged positions in this browser; storage that is blocked (private mode, policy) just forgets them. */
function save(next: DraggedPositions): void {
  try {
    if (Object.keys(next).length) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // not remembered, as above
  }
}

export function useDraggedPositions(): {
  dragged: DraggedPositions;
  /** `done` is false while the card is still being dragged: it moves, but is saved only when dropped. */
  move: (name: string, position: Point, done: boolean) => void;
  reset: () => void;
} {
  const [dragged, setDragged] = useState<DraggedPositions>({});

  useEffect(() => {
    try {
      setDragged(parseSavedPositions(window.localStorage.getItem(STORAGE_KEY)));
    } catch {
      // storage blocked (private mode, policy): positions just are not remembered
    }
  }, []);

  const move = useCallback((name: string, position: Point, done: boolean) => {
    setDragged((prev) => {
      const next = { ...prev, [name]: { x: Math.round(position.x), y: Math.round(position.y) } };
      if (done) save(next);
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    setDragged({});
    save({});
  }, []);

  return { dragged, move, reset };
}
