/**
 * The value, for a lookup the surrounding code has already made certain (an index inside the array, a key just set);
 * if that reasoning is ever wrong it fails loudly, naming what was missing, instead of passing undefined along.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Internal error: ${what} is missing.`);
  return value;
}
