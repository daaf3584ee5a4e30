/** "14:02:10 UTC": the time of a reading, for "as of" labels. */
export function formatReadingTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(11, 19)} UTC`;
}
