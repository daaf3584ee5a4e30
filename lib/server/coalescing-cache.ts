/**
 * A short-lived cache that also merges identical in-flight loads: however many browsers ask within `ttlMs`,
 * the upstream is asked once. Failures are not cached, so the next caller tries again.
 *
 * The period counts from when the load started, so a browser polling every `ttlMs` + a little always gets a new
 * read even when reading takes a while (counted from when the load ended, a 1 s read would make a lone browser's
 * every other poll a stale answer, while many browsers still refreshed once per period). A slow load is still
 * reused for at least half a period after it lands, so an overloaded upstream is never asked back to back.
 */
export interface CoalescingCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(prefix?: string): void;
}

interface Entry<T> {
  value: T;
  startedAt: number;
  finishedAt: number;
}

export function createCoalescingCache<T>({ ttlMs, now = Date.now }: { ttlMs: number; now?: () => number }): CoalescingCache<T> {
  const fresh = new Map<string, Entry<T>>();
  const inFlight = new Map<string, Promise<T>>();

  return {
    get(key, load) {
      const hit = fresh.get(key);
      const at = now();
      if (hit && (at - hit.startedAt < ttlMs || at - hit.finishedAt < ttlMs / 2)) return Promise.resolve(hit.value);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const started = load().then(
        (value) => {
          fresh.set(key, { value, startedAt: at, finishedAt: now() });
          inFlight.delete(key);
          return value;
        },
        (err: unknown) => {
          inFlight.delete(key);
          throw err;
        },
      );
      inFlight.set(key, started);
      return started;
    },
    invalidate(prefix = "") {
      for (const key of [...fresh.keys()]) if (key.startsWith(prefix)) fresh.delete(key);
    },
  };
}
