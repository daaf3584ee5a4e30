import "server-only";
import { keepRenewed } from "../store/renewal";
import type { SharedStore } from "../store/types";

/*
 * Remembers recent requests by idempotency key in the shared store, so a double click, a retried script, two tabs or
 * two replicas given the same request reach the cluster once. An identical request gets the first one's answer (and
 * waits for it while the first is still running, wherever it runs); the same key with a different request is a
 * mismatch. Keys are remembered per user for ten minutes. A request that fails before anything reached the cluster is
 * forgotten, so its key can be tried again once the obstacle is gone.
 */

export const IDEMPOTENCY_TTL_MS = 10 * 60_000;
const POLL_MS = 100;

export type IdempotencyStore = Pick<SharedStore, "claimIdempotency" | "renewIdempotency" | "answerIdempotency" | "forgetIdempotency">;

export interface IdempotentRunsOptions<T> {
  store: IdempotencyStore;
  owner: string;
  leaseMs: number;
  now: () => number;
  warn: (line: string) => void;
  /** Reads a stored answer back (zod): the store is a boundary. */
  parse: (stored: unknown) => T | null;
  /** How long to wait for an identical request still running elsewhere before giving up with `still-running`. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type IdempotentOutcome<T> = { kind: "ran"; answer: T } | { kind: "replayed"; answer: T } | { kind: "mismatch" } | { kind: "still-running" };

export class IdempotentRuns<T> {
  /** Requests this process is running, by key: an identical one here waits on the promise instead of polling. */
  private readonly running = new Map<string, { fingerprint: string; answer: Promise<T> }>();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: IdempotentRunsOptions<T>) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Store failures throw AuditUnavailableError; `execute`'s own errors are rethrown after the key is forgotten. */
  async run(key: string, fingerprint: string, execute: () => Promise<T>): Promise<IdempotentOutcome<T>> {
    const { store, owner, leaseMs, now, warn, parse } = this.options;
    const local = this.running.get(key);
    if (local) return local.fingerprint === fingerprint ? { kind: "replayed", answer: await local.answer } : { kind: "mismatch" };

    const waitUntil = Date.now() + (this.options.maxWaitMs ?? 5 * 60_000);
    for (;;) {
      const state = await store.claimIdempotency(key, fingerprint, { owner, expiresAt: now() + leaseMs }, now());
      if (state.kind === "claimed") break;
      if (state.kind === "mismatch") return state;
      if (state.kind === "answered") {
        const answer = parse(state.answer);
        if (answer === null) throw new Error("a stored idempotent answer does not match the response schema");
        return { kind: "replayed", answer };
      }
      if (Date.now() >= waitUntil) return { kind: "still-running" };
      await this.sleep(POLL_MS);
    }

    // Remembered for ten minutes from the moment this request claimed the key.
    const claimedAt = now();
    const answer = (async () => {
      const stop = keepRenewed(() => store.renewIdempotency(key, { owner, expiresAt: now() + leaseMs }), leaseMs / 3, warn);
      try {
        const result = await execute();
        await store.answerIdempotency(key, owner, result, claimedAt + IDEMPOTENCY_TTL_MS).catch((err: unknown) => {
          warn(`linkscope: could not store the answer of an idempotent request (${err instanceof Error ? err.message : String(err)}); a replay after the lease may run it again`);
        });
        return result;
      } catch (err) {
        await store.forgetIdempotency(key, owner).catch(() => {
          // The claim then runs out with its lease.
        });
        throw err;
      } finally {
        stop();
      }
    })();
    this.running.set(key, { fingerprint, answer });
    try {
      return { kind: "ran", answer: await answer };
    } finally {
      this.running.delete(key);
    }
  }
}
