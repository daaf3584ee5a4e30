"use client";
import { Clock, TriangleAlert } from "lucide-react";
import { STALE_AFTER_INTERVALS } from "@/lib/client/polling";
import { useNow } from "@/lib/client/use-now";

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.floor(m / 60)} h ${m % 60} min ago`;
}

/** "Updated N s ago", and a plain warning when the server has not refreshed for several intervals. */
export function Freshness({ updatedAt, pollIntervalMs, failing }: { updatedAt: number; pollIntervalMs: number; failing: boolean }) {
  const now = useNow();
  if (!updatedAt) return null;
  const age = now - updatedAt;
  const stale = failing || age > pollIntervalMs * STALE_AFTER_INTERVALS;
  if (stale) {
    return (
      <p role="status" className="inline-flex items-center gap-1.5 rounded bg-warn-bg px-2 py-1 text-sm font-medium text-warn">
        <TriangleAlert aria-hidden className="size-4" />
        Stale: last updated {formatAge(age)}; the dashboard server cannot refresh right now.
      </p>
    );
  }
  return (
    <p className="inline-flex items-center gap-1.5 text-sm text-muted">
      <Clock aria-hidden className="size-4" /> Updated {formatAge(age)}
    </p>
  );
}
