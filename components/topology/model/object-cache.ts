/**
 * Hands back the object made last time for a key when its inputs are the same (Object.is, one by one), so
 * React Flow sees unchanged nodes and edges as unchanged and re-renders only what a poll or a drag changed.
 * Entries not asked for in a generation are dropped at its end.
 */
export class ObjectCache<T> {
  private current = new Map<string, { deps: readonly unknown[]; value: T }>();
  private next = new Map<string, { deps: readonly unknown[]; value: T }>();

  begin(): void {
    this.next = new Map();
  }

  get(key: string, deps: readonly unknown[], make: () => T): T {
    const hit = this.current.get(key);
    const entry = hit && hit.deps.length === deps.length && hit.deps.every((d, i) => Object.is(d, deps[i])) ? hit : { deps, value: make() };
    this.next.set(key, entry);
    return entry.value;
  }

  end(): void {
    this.current = this.next;
  }
}
