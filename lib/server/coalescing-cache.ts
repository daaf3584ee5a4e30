/**
 * A short-lived cache that also merges identical in-flight loads: however many browsers ask within `ttlMs`,
 * the upstream is asked once. Failures are not cached, so the next caller tries again.
 */
export interface CoalescingCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(prefix?: string): void;
}

interface Entry<T> {
  value: T;
  storedAt: number;
}

export function createCoalescingCache<T>({ ttlMs, now = Date.now }: { ttlMs: number; now?: () => number }): CoalescingCache<T> {
  const fresh = new Map<string, Entry<T>>();
  const inFlight = new Map<string, Promise<T>>();

  return {
    get(key, load) {
      const hit = fresh.get(key);
      if (hit && now() - hit.storedAt < ttlMs) return Promise.resolve(hit.value);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const started = load().then(
        (value) => {
          fresh.set(key, { value, storedAt: now() });
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
