import "server-only";

/*
 * Remembers recent requests by idempotency key, so a double click, a retried script or two tabs submitting the same
 * thing reach the cluster once. An identical request gets the first one's answer (even while it is still running);
 * the same key with a different request is a conflict. Keys are remembered per user for ten minutes.
 */

export const IDEMPOTENCY_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;

interface Remembered<T> {
  fingerprint: string;
  answer: Promise<T>;
  expiresAt: number;
}

export type IdempotencyLookup<T> = { kind: "miss" } | { kind: "hit"; answer: Promise<T> } | { kind: "mismatch" };

export class IdempotencyCache<T> {
  private readonly entries = new Map<string, Remembered<T>>();

  constructor(
    private readonly ttlMs = IDEMPOTENCY_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  lookup(key: string, fingerprint: string): IdempotencyLookup<T> {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return { kind: "miss" };
    }
    return entry.fingerprint === fingerprint ? { kind: "hit", answer: entry.answer } : { kind: "mismatch" };
  }

  /**
   * Remembers an answer. A request that fails before anything reached the cluster (a lock conflict, the audit log
   * down) rejects, and is forgotten, so the same key can be tried again once the obstacle is gone.
   */
  remember(key: string, fingerprint: string, answer: Promise<T>): void {
    this.prune();
    const entry = { fingerprint, answer, expiresAt: this.now() + this.ttlMs };
    this.entries.set(key, entry);
    answer.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
  }

  private prune(): void {
    const t = this.now();
    for (const [k, e] of this.entries) if (e.expiresAt <= t) this.entries.delete(k);
    // Oldest first (insertion order): a flood of keys cannot grow the map without bound.
    while (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
