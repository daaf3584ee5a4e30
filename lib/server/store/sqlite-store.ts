import "server-only";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { AuditEntry } from "@/lib/api/audit";
import { parseJsonColumn, toAuditEntry } from "./audit-rows";
import { PRUNE_EVERY, RATE_WINDOW_KEEP_MS } from "./housekeeping";
import { AuditUnavailableError, INTERRUPTED_MESSAGE } from "./errors";
import type { AuditDone, AuditQuery, IdempotencyState, Lease, LeaseAttempt, NewAuditEntry, RateWindow, SharedStore } from "./types";

/*
 * The single-process store: one SQLite file (audit.db, next to the lag history). Durability first: WAL with
 * synchronous=FULL, so an entry that was written survives a crash or power loss. A file SQLite cannot read, or one
 * from a newer Linkscope, is moved aside (never deleted) and a new one started with a warning; only when even a new
 * file cannot be made does the store refuse. One process owns the file, so at open every pending entry is
 * interrupted and every lease dropped: whoever held them is gone.
 */

const SIDE_FILES = ["", "-wal", "-shm"];

/** Migration N (1-based) takes a file from schema version N-1 to N. Version 1 is the audit log of earlier releases. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, user TEXT NOT NULL, role TEXT, action TEXT NOT NULL,
     route TEXT NOT NULL, target TEXT NOT NULL, cluster TEXT, link TEXT, validate_only INTEGER NOT NULL,
     parameters TEXT NOT NULL, outcome TEXT NOT NULL, error TEXT, results TEXT NOT NULL, duration_ms INTEGER);
   CREATE INDEX IF NOT EXISTS audit_by_action ON audit (action, id);
   CREATE INDEX IF NOT EXISTS audit_by_outcome ON audit (outcome, id);`,
  `ALTER TABLE audit ADD COLUMN lease_owner TEXT;
   ALTER TABLE audit ADD COLUMN lease_expires_at INTEGER;
   CREATE TABLE link_leases (key TEXT PRIMARY KEY, owner TEXT NOT NULL, description TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TABLE idempotency_keys (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, owner TEXT NOT NULL, answer TEXT, expires_at INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TABLE rate_windows (key TEXT PRIMARY KEY, window_start INTEGER NOT NULL, count INTEGER NOT NULL) WITHOUT ROWID;`,
];
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

class UnusableFile extends Error {
  override name = "UnusableFile";
}

function describe(err: unknown): string {
  if (err instanceof UnusableFile) return err.message;
  if (err instanceof Database.SqliteError) return err.code;
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.name : "unknown error";
}

/** SQLite result codes that mean the file itself is damaged (not full, busy or read-only). */
export function isCorruption(err: unknown): boolean {
  return err instanceof Database.SqliteError && (err.code.startsWith("SQLITE_CORRUPT") || err.code === "SQLITE_NOTADB");
}

function migrate(db: Database.Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID");
  const row = db.prepare<[string], { value: number }>("SELECT value FROM meta WHERE key = ?").get("schema_version");
  const from = row?.value ?? 0;
  if (from > SQLITE_SCHEMA_VERSION) throw new UnusableFile(`schema version ${from}, this Linkscope writes ${SQLITE_SCHEMA_VERSION}`);
  if (from === SQLITE_SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = from; v < SQLITE_SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(SQLITE_SCHEMA_VERSION);
  }).immediate();
}

function tryOpen(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("busy_timeout = 5000");
    migrate(db);
    // Reading every page once catches a damaged file now rather than at the first write.
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new UnusableFile(`integrity check failed: ${String(check)}`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Opens or creates the file, moving an unusable one aside; AuditUnavailableError when no file can be had. */
function openFile(resolved: string, warn: (line: string) => void, now: () => number): Database.Database {
  try {
    mkdirSync(path.dirname(resolved), { recursive: true });
  } catch (err) {
    throw new AuditUnavailableError(`cannot create the directory of ${resolved} (${describe(err)})`);
  }
  let db: Database.Database;
  try {
    db = tryOpen(resolved);
  } catch (err) {
    if (!(err instanceof Database.SqliteError) && !(err instanceof UnusableFile)) {
      throw new AuditUnavailableError(`cannot open ${resolved} (${describe(err)})`);
    }
    const aside = `${resolved}.unreadable-${new Date(now()).toISOString().replace(/[:.]/g, "-")}`;
    try {
      for (const suffix of SIDE_FILES) if (existsSync(resolved + suffix)) renameSync(resolved + suffix, aside + suffix);
    } catch (renameErr) {
      throw new AuditUnavailableError(`cannot open ${resolved} (${describe(err)}) nor move it aside (${describe(renameErr)})`);
    }
    warn(`linkscope: audit log ${resolved} was unreadable (${describe(err)}); moved it to ${aside} and started a new one`);
    try {
      db = tryOpen(resolved);
    } catch (again) {
      throw new AuditUnavailableError(`cannot create ${resolved} (${describe(again)})`);
    }
  }
  db.prepare("UPDATE audit SET outcome = 'interrupted', error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE outcome = 'pending'").run(INTERRUPTED_MESSAGE);
  db.exec("DELETE FROM link_leases; DELETE FROM idempotency_keys WHERE answer IS NULL;");
  return db;
}

interface SqliteAuditRow {
  id: number;
  at: number;
  user: string;
  role: string | null;
  action: string;
  route: string;
  target: string;
  cluster: string | null;
  link: string | null;
  validate_only: number;
  parameters: string;
  outcome: string;
  error: string | null;
  results: string;
  duration_ms: number | null;
}

export interface SqliteStoreOptions {
  warn?: (line: string) => void;
  now?: () => number;
}

export class SqliteStore implements SharedStore {
  readonly backend = "sqlite" as const;
  readonly location: string;
  private db: Database.Database | null = null;
  private readonly warn: (line: string) => void;
  private readonly now: () => number;
  private writes = 0;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.location = path.resolve(/*turbopackIgnore: true*/ file);
    this.warn = options.warn ?? ((line) => console.warn(line));
    this.now = options.now ?? Date.now;
  }

  /** Opens lazily, and again after a failure, so a fixed disk or permission brings the store back without a restart. */
  private open(): Database.Database {
    this.db ??= openFile(this.location, this.warn, this.now);
    return this.db;
  }

  /** A statement that hits a damaged file moves it aside and tries once more on a new one. */
  private run<T>(work: (db: Database.Database) => T): T {
    try {
      return work(this.open());
    } catch (err) {
      if (err instanceof AuditUnavailableError) throw err;
      if (!isCorruption(err)) throw new AuditUnavailableError(`cannot write ${this.location} (${err instanceof Error ? err.message : String(err)})`);
      this.db?.close();
      this.db = null;
      try {
        // Opening runs an integrity check that moves the damaged file aside.
        return work(this.open());
      } catch (again) {
        throw again instanceof AuditUnavailableError ? again : new AuditUnavailableError(`cannot write ${this.location} after recreating it`);
      }
    }
  }

  async ping(): Promise<void> {
    this.run((db) => db.prepare("SELECT 1").get());
  }

  async insertAudit(entry: NewAuditEntry, lease: Lease | null): Promise<number> {
    return this.run((db) => {
      const info = db
        .prepare(
          `INSERT INTO audit (at, user, role, action, route, target, cluster, link, validate_only, parameters, outcome, error, results, duration_ms, lease_owner, lease_expires_at)
           VALUES (@at, @user, @role, @action, @route, @target, @cluster, @link, @validateOnly, @parameters, @outcome, @error, @results, @durationMs, @leaseOwner, @leaseExpiresAt)`,
        )
        .run({
          ...entry,
          validateOnly: entry.validateOnly ? 1 : 0,
          parameters: JSON.stringify(entry.parameters),
          results: JSON.stringify(entry.results),
          leaseOwner: lease?.owner ?? null,
          leaseExpiresAt: lease?.expiresAt ?? null,
        });
      return Number(info.lastInsertRowid);
    });
  }

  async renewAudit(id: number, expiresAt: number): Promise<void> {
    this.run((db) => db.prepare("UPDATE audit SET lease_expires_at = ? WHERE id = ? AND outcome = 'pending'").run(expiresAt, id));
  }

  async completeAudit(id: number, done: AuditDone): Promise<void> {
    this.run((db) => {
      const info = db
        .prepare(
          "UPDATE audit SET outcome = @outcome, error = @error, results = @results, duration_ms = @durationMs, lease_owner = NULL, lease_expires_at = NULL WHERE id = @id",
        )
        .run({ id, outcome: done.outcome, error: done.error, results: JSON.stringify(done.results), durationMs: done.durationMs });
      if (info.changes !== 1) throw new AuditUnavailableError(`audit entry ${id} is missing from ${this.location}`);
    });
  }

  private interruptExpired(db: Database.Database, now: number): void {
    db.prepare(
      "UPDATE audit SET outcome = 'interrupted', error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE outcome = 'pending' AND lease_expires_at <= ?",
    ).run(INTERRUPTED_MESSAGE, now);
  }

  async listAudit(query: AuditQuery, now: number): Promise<AuditEntry[]> {
    return this.run((db) => {
      this.interruptExpired(db, now);
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: query.limit };
      if (query.action) {
        where.push("action = @action");
        params.action = query.action;
      }
      if (query.outcome) {
        where.push("outcome = @outcome");
        params.outcome = query.outcome;
      }
      const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT @limit`;
      return db
        .prepare<Record<string, unknown>, SqliteAuditRow>(sql)
        .all(params)
        .flatMap((row) => {
          const entry = toAuditEntry({
            ...row,
            validateOnly: row.validate_only === 1,
            parameters: parseJsonColumn(row.parameters, {}),
            results: parseJsonColumn(row.results, []),
            durationMs: row.duration_ms,
          });
          return entry ? [entry] : [];
        });
    });
  }

  async acquireLease(key: string, lease: Lease, description: string, now: number): Promise<LeaseAttempt> {
    return this.run((db) =>
      db
        .transaction((): LeaseAttempt => {
          this.interruptExpired(db, now);
          const taken = db
            .prepare(
              `INSERT INTO link_leases (key, owner, description, expires_at) VALUES (@key, @owner, @description, @expiresAt)
               ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, description = excluded.description, expires_at = excluded.expires_at
               WHERE link_leases.expires_at <= @now`,
            )
            .run({ key, owner: lease.owner, description, expiresAt: lease.expiresAt, now });
          if (taken.changes === 1) return { ok: true };
          const holder = db.prepare<[string], { description: string }>("SELECT description FROM link_leases WHERE key = ?").get(key);
          return { ok: false, heldBy: holder?.description ?? "another request" };
        })
        .immediate(),
    );
  }

  async renewLease(key: string, lease: Lease): Promise<boolean> {
    return this.run((db) => db.prepare("UPDATE link_leases SET expires_at = ? WHERE key = ? AND owner = ?").run(lease.expiresAt, key, lease.owner).changes === 1);
  }

  async releaseLease(key: string, owner: string): Promise<void> {
    this.run((db) => db.prepare("DELETE FROM link_leases WHERE key = ? AND owner = ?").run(key, owner));
  }

  private prune(db: Database.Database, now: number): void {
    if (++this.writes % PRUNE_EVERY !== 0) return;
    db.prepare("DELETE FROM idempotency_keys WHERE expires_at <= ?").run(now);
    db.prepare("DELETE FROM rate_windows WHERE window_start <= ?").run(now - RATE_WINDOW_KEEP_MS);
  }

  async claimIdempotency(key: string, fingerprint: string, lease: Lease, now: number): Promise<IdempotencyState> {
    return this.run((db) =>
      db
        .transaction((): IdempotencyState => {
          this.prune(db, now);
          const claimed = db
            .prepare(
              `INSERT INTO idempotency_keys (key, fingerprint, owner, answer, expires_at) VALUES (@key, @fingerprint, @owner, NULL, @expiresAt)
               ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, owner = excluded.owner, answer = NULL, expires_at = excluded.expires_at
               WHERE idempotency_keys.expires_at <= @now`,
            )
            .run({ key, fingerprint, owner: lease.owner, expiresAt: lease.expiresAt, now });
          if (claimed.changes === 1) return { kind: "claimed" };
          const row = db.prepare<[string], { fingerprint: string; answer: string | null }>("SELECT fingerprint, answer FROM idempotency_keys WHERE key = ?").get(key);
          if (!row) return { kind: "pending" };
          if (row.fingerprint !== fingerprint) return { kind: "mismatch" };
          return row.answer === null ? { kind: "pending" } : { kind: "answered", answer: parseJsonColumn(row.answer, null) };
        })
        .immediate(),
    );
  }

  async renewIdempotency(key: string, lease: Lease): Promise<void> {
    this.run((db) => db.prepare("UPDATE idempotency_keys SET expires_at = ? WHERE key = ? AND owner = ? AND answer IS NULL").run(lease.expiresAt, key, lease.owner));
  }

  async answerIdempotency(key: string, owner: string, answer: unknown, expiresAt: number): Promise<void> {
    this.run((db) => db.prepare("UPDATE idempotency_keys SET answer = ?, expires_at = ? WHERE key = ? AND owner = ?").run(JSON.stringify(answer), expiresAt, key, owner));
  }

  async forgetIdempotency(key: string, owner: string): Promise<void> {
    this.run((db) => db.prepare("DELETE FROM idempotency_keys WHERE key = ? AND owner = ? AND answer IS NULL").run(key, owner));
  }

  async countAttempt(key: string, windowMs: number, now: number): Promise<RateWindow> {
    return this.run((db) => {
      this.prune(db, now);
      const row = db
        .prepare<Record<string, unknown>, { count: number; window_start: number }>(
          `INSERT INTO rate_windows (key, window_start, count) VALUES (@key, @now, 1)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN rate_windows.window_start <= @now - @windowMs THEN 1 ELSE rate_windows.count + 1 END,
             window_start = CASE WHEN rate_windows.window_start <= @now - @windowMs THEN @now ELSE rate_windows.window_start END
           RETURNING count, window_start`,
        )
        .get({ key, now, windowMs });
      if (!row) throw new AuditUnavailableError(`cannot count an attempt in ${this.location}`);
      return { count: row.count, windowStart: row.window_start };
    });
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
  }
}
