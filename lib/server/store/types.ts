import "server-only";
import type { AuditEntry, AuditOutcome, AuditResult } from "@/lib/api/audit";

/*
 * One interface for the state replicas must share: the audit log, idempotency keys, one-action-per-link leases and
 * rate-limit counters. SQLite (one process, the default) and PostgreSQL (several replicas) implement it with the same
 * meaning, and one test suite (store.suite.ts) holds both to it. Times are epoch milliseconds from the caller's clock.
 */

export type StorageBackend = "sqlite" | "postgres";

export interface NewAuditEntry {
  at: number;
  user: string;
  role: string | null;
  action: string;
  route: string;
  target: string;
  cluster: string | null;
  link: string | null;
  validateOnly: boolean;
  parameters: Record<string, unknown>;
  outcome: AuditOutcome;
  error: string | null;
  results: readonly AuditResult[];
  durationMs: number | null;
}

export interface AuditQuery {
  limit: number;
  action?: string;
  outcome?: AuditOutcome;
}

export interface AuditDone {
  outcome: AuditOutcome;
  error: string | null;
  results: readonly AuditResult[];
  durationMs: number;
}

/** Who holds something and until when; the holder renews it while it works, so a dead holder's lease runs out. */
export interface Lease {
  owner: string;
  expiresAt: number;
}

export type LeaseAttempt = { ok: true } | { ok: false; heldBy: string };

/**
 * What a key's row says: `claimed` (this caller now owns it and must answer or forget it), `answered` (an identical
 * request finished: here is its answer), `pending` (an identical request is still running elsewhere), `mismatch`
 * (the key was used for a different request).
 */
export type IdempotencyState = { kind: "claimed" } | { kind: "answered"; answer: unknown } | { kind: "pending" } | { kind: "mismatch" };

export interface RateWindow {
  /** Attempts counted in the current window, this one included. */
  count: number;
  windowStart: number;
}

export interface SharedStore {
  readonly backend: StorageBackend;
  /** Where the store is, safe to log and show: a file path, or host:port/database without credentials. */
  readonly location: string;

  /** Resolves when the store can be used (migrations done); throws AuditUnavailableError otherwise. */
  ping(): Promise<void>;

  /** A pending entry carries a lease; once it runs out without an outcome the entry reads as `interrupted`. */
  insertAudit(entry: NewAuditEntry, lease: Lease | null): Promise<number>;
  renewAudit(id: number, expiresAt: number): Promise<void>;
  completeAudit(id: number, done: AuditDone): Promise<void>;
  /** Newest first; pending entries whose lease ran out are marked `interrupted` first. */
  listAudit(query: AuditQuery, now: number): Promise<AuditEntry[]>;

  /** Takes a link's lease if it is free or its holder's lease ran out (that holder's pending audit entries are then interrupted). */
  acquireLease(key: string, lease: Lease, description: string, now: number): Promise<LeaseAttempt>;
  /** False when the lease is no longer this owner's. */
  renewLease(key: string, lease: Lease): Promise<boolean>;
  releaseLease(key: string, owner: string): Promise<void>;

  /** Claims a key for a request (pending until `lease.expiresAt`, renewed by its owner), or says what the key holds. */
  claimIdempotency(key: string, fingerprint: string, lease: Lease, now: number): Promise<IdempotencyState>;
  renewIdempotency(key: string, lease: Lease): Promise<void>;
  /** Stores the answer of a claimed key, remembered until `expiresAt`. */
  answerIdempotency(key: string, owner: string, answer: unknown, expiresAt: number): Promise<void>;
  /** Drops an unanswered claim (the request failed before reaching a cluster), so the key can be used again. */
  forgetIdempotency(key: string, owner: string): Promise<void>;

  /** Counts one attempt in a fixed window of `windowMs` per key. */
  countAttempt(key: string, windowMs: number, now: number): Promise<RateWindow>;

  close(): Promise<void>;
}
