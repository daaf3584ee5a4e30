import type { MirrorView } from "@/lib/api/links";

/** Rows drawn at once: a link can carry thousands of mirrors; "select all matching" covers the rest. */
export const MAX_ROWS_SHOWN = 200;

export function filterMirrors(mirrors: readonly MirrorView[], query: string, status: string): MirrorView[] {
  const q = query.trim().toLowerCase();
  return mirrors.filter(
    (m) => (!status || m.status === status) && (!q || m.name.toLowerCase().includes(q) || m.sourceTopic.toLowerCase().includes(q)),
  );
}

/** Selected topics in the mirror list's order, dropping any that are no longer mirrors of the link. */
export function orderedSelection(mirrors: readonly MirrorView[], selected: ReadonlySet<string>): string[] {
  return mirrors.filter((m) => selected.has(m.name)).map((m) => m.name);
}
