import type { PartitionStates } from "@/lib/domain/types";
import { compareStrings } from "@/lib/domain/compare";
import { isKnownPartitionStateCategory, PARTITION_STATE_CATEGORIES } from "@/lib/domain/mirrors/mirror-states";
import type { Tone } from "@/components/ui/state-tones";

export const CATEGORY_TONE: Record<string, Tone> = {
  ACTIVE: "ok",
  PAUSED: "warning",
  PENDING: "pending",
  IN_ERROR: "error",
  NOT_APPLICABLE: "neutral",
};

export const CATEGORY_MEANING: Record<string, string> = {
  ACTIVE: "Mirroring.",
  PAUSED: "Paused by a user or because the link is paused.",
  PENDING: "Being set up, promoted, failed over or restored.",
  IN_ERROR: "Failed, or the link or source is unavailable.",
  NOT_APPLICABLE: "Stopped: promoted or failed over, no longer mirroring.",
};

export function categoryTone(category: string): Tone {
  return CATEGORY_TONE[category] ?? "unknown";
}

export interface PartitionStateRow {
  category: string;
  count: number;
  /** count / total, 0 when there are no partitions. */
  fraction: number;
  /** Bar width in percent: every non-zero category gets at least the minimum so it stays visible. */
  widthPercent: number;
  tone: Tone;
  known: boolean;
}

export interface PartitionStateModel {
  total: number;
  /** Every known category (zeros included, for the numbers), then unknown non-zero ones by name. */
  rows: PartitionStateRow[];
  /** The non-zero rows, in bar order. */
  segments: PartitionStateRow[];
}

/**
 * Stacked-bar geometry for partition state counts. Tiny categories (2 IN_ERROR of 10,000) would vanish at
 * their true width, so each non-zero one is widened to `minWidthPercent`, taken proportionally from the others.
 */
export function partitionStateModel(
  states: PartitionStates,
  { minWidthPercent = 2 }: { minWidthPercent?: number } = {},
): PartitionStateModel {
  const unknown = Object.keys(states)
    .filter((c) => !isKnownPartitionStateCategory(c) && (states[c] ?? 0) > 0)
    .sort(compareStrings);
  const categories = [...PARTITION_STATE_CATEGORIES, ...unknown];
  const total = categories.reduce((sum, c) => sum + (states[c] ?? 0), 0);
  const rows: PartitionStateRow[] = categories.map((category) => {
    const count = states[category] ?? 0;
    return {
      category,
      count,
      fraction: total > 0 ? count / total : 0,
      widthPercent: 0,
      tone: categoryTone(category),
      known: isKnownPartitionStateCategory(category),
    };
  });
  const nonZero = rows.filter((r) => r.count > 0);
  const min = Math.min(minWidthPercent, 100 / Math.max(1, nonZero.length));
  const small = nonZero.filter((r) => r.fraction * 100 < min);
  const large = nonZero.filter((r) => r.fraction * 100 >= min);
  const largeShare = large.reduce((sum, r) => sum + r.fraction, 0);
  const budget = 100 - min * small.length;
  for (const r of small) r.widthPercent = min;
  for (const r of large) r.widthPercent = largeShare > 0 ? (r.fraction / largeShare) * budget : 0;
  return { total, rows, segments: nonZero };
}
