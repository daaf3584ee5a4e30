/**
 * Starts downloading the code of parts a page loads apart from its first JavaScript, so that it is there (or on its way)
 * when they are drawn. The module loader keeps one download per chunk, which the lazy components then reuse; a failed
 * download is tried again, and reported, when the part itself is drawn.
 */
export function preloadCode(...loads: ReadonlyArray<() => Promise<unknown>>): void {
  for (const load of loads) void load().catch(() => undefined);
}
