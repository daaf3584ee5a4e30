/** Topics per upstream mirror-action call: keeps each request small enough for any cluster and each failure contained. */
export const MAX_TOPICS_PER_UPSTREAM_CALL = 100;

/** Splits a list into consecutive chunks of at most `size`, keeping order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The first duplicate in a list, or null: a request that names one topic twice is ambiguous. */
export function firstDuplicate(items: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return null;
}
