import type { MirrorView } from "@/lib/api/links";
import { compareStrings } from "@/lib/domain/compare";
import { compareMirrorStatusSeverity, mirrorStatusSeverity } from "@/lib/domain/mirrors/mirror-states";
import type { MirrorColumn, SortDirection } from "./mirror-table-state";

export function filterMirrors(mirrors: readonly MirrorView[], { status, q }: { status: string | null; q: string }): MirrorView[] {
  const needle = q.trim().toLowerCase();
  return mirrors.filter(
    (m) =>
      (status === null || m.status === status) &&
      (needle === "" || m.name.toLowerCase().includes(needle) || m.sourceTopic.toLowerCase().includes(needle)),
  );
}

type Key = number | string | null;

// "Time in state" grows as the state time goes back: sorting it ascending means the most recent change first.
const KEY_OF: Record<MirrorColumn, (m: MirrorView) => Key> = {
  name: (m) => m.name,
  sourceTopic: (m) => m.sourceTopic,
  status: (m) => mirrorStatusSeverity(m.status),
  partitions: (m) => m.partitions,
  maxLag: (m) => m.maxLag,
  totalLag: (m) => m.totalLag,
  timeInState: (m) => -m.stateTimeMs,
  error: (m) => m.error,
};

function compareKeys(a: Key, b: Key): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return compareStrings(String(a), String(b));
}

/**
 * A sorted copy. Missing values (no lag reported, no error) always go last whatever the direction, and ties
 * fall back to worst status, then biggest lag, then name, so the order never jumps between refreshes.
 */
export function sortMirrors(mirrors: readonly MirrorView[], column: MirrorColumn, dir: SortDirection): MirrorView[] {
  const key = KEY_OF[column];
  const sign = dir === "asc" ? 1 : -1;
  return mirrors
    .map((m) => ({ m, k: key(m) }))
    .sort((a, b) => {
      if (a.k === null || b.k === null) {
        if (a.k !== b.k) return a.k === null ? 1 : -1;
      } else {
        const c = compareKeys(a.k, b.k);
        if (c !== 0) return sign * c;
      }
      return (
        compareMirrorStatusSeverity(a.m.status, b.m.status) || (b.m.maxLag ?? -1) - (a.m.maxLag ?? -1) || compareStrings(a.m.name, b.m.name)
      );
    })
    .map(({ m }) => m);
}

/** How many mirrors have each status, worst status first: the options of the status filter. */
export function statusCounts(mirrors: readonly MirrorView[]): { status: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of mirrors) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  return [...counts.entries()]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => compareMirrorStatusSeverity(a.status, b.status));
}

/** The mirrors with the largest partition lag, biggest first; mirrors with no lag reported are left out. */
export function topLaggingMirrors(mirrors: readonly MirrorView[], limit: number): MirrorView[] {
  return sortMirrors(
    mirrors.filter((m) => m.maxLag !== null && m.maxLag > 0),
    "maxLag",
    "desc",
  ).slice(0, limit);
}

/** The mirror whose estimated lag in seconds is largest (the link's figure), else the one with the largest lag; null when none lags. */
export function worstMirrorInSeconds(mirrors: readonly MirrorView[]): string | null {
  let best: MirrorView | null = null;
  for (const m of mirrors) {
    if ((m.maxLag ?? 0) <= 0) continue;
    const better =
      best === null ||
      (m.lagSeconds ?? -1) > (best.lagSeconds ?? -1) ||
      ((m.lagSeconds ?? -1) === (best.lagSeconds ?? -1) && (m.maxLag ?? 0) > (best.maxLag ?? 0));
    if (better) best = m;
  }
  return best?.name ?? null;
}
