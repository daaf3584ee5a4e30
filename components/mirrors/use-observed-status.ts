"use client";
import { useEffect, useRef, useState } from "react";
import type { ObservedChange } from "./status-timeline-model";

/** Status changes seen between polls while this page is open; lost on reload, and labelled as such. */
export function useObservedStatusChanges(status: string | undefined, updatedAt: number): ObservedChange[] {
  const last = useRef<string | undefined>(undefined);
  const [changes, setChanges] = useState<ObservedChange[]>([]);
  useEffect(() => {
    if (status === undefined) return;
    const previous = last.current;
    last.current = status;
    if (previous !== undefined && previous !== status) setChanges((c) => [...c, { from: previous, to: status, at: updatedAt }]);
  }, [status, updatedAt]);
  return changes;
}
