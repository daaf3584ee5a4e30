import "server-only";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { AuditEntrySchema, type AuditEntry, type AuditOutcome, type AuditResult } from "@/lib/api/audit";

/*
 * The audit log's SQLite file. Durability first: WAL with synchronous=FULL, so an entry that was written survives a
 * crash or power loss. A file SQLite cannot read, or one with another schema, is moved aside (never deleted) and a
 * new one started with a warning; only when even a new file cannot be made does the store refuse.
 */

const SCHEMA_VERSION = 1;
const SIDE_FILES = ["", "-wal", "-shm"];

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  user TEXT NOT NULL,
  role TEXT,
  action TEXT NOT NULL,
  route TEXT NOT NULL,
  target TEXT NOT NULL,
  cluster TEXT,
  link TEXT,
  validate_only INTEGER NOT NULL,
  parameters TEXT NOT NULL,
  outcome TEXT NOT NULL,
  error TEXT,
  results TEXT NOT NULL,
  duration_ms INTEGER
);
CREATE INDEX IF NOT EXISTS audit_by_action ON audit (action, id);
CREATE INDEX IF NOT EXISTS audit_by_outcome ON audit (outcome, id);
`;

export const INTERRUPTED_MESSAGE = "Linkscope stopped before the outcome was recorded; check the cluster for what happened.";

/** The audit file cannot be opened or written: mutations are refused until it can. */
export class AuditUnavailableError extends Error {
  override name = "AuditUnavailableError";
}

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
  cluster?: string;
  link?: string;
  user?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  /** A runbook run: the entries whose idempotency key starts with "<run>:". */
  run?: string;
}

interface Row {
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

class UnusableFile extends Error {
  override name = "UnusableFile";
}

function describe(err: unknown): string {
  if (err instanceof UnusableFile) return err.message;
  if (err instanceof Database.SqliteError) return err.code;
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.name : "unknown error";
}

function parseJson(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

function toEntry(row: Row): AuditEntry | null {
  const parsed = AuditEntrySchema.safeParse({
    id: row.id,
    at: new Date(row.at).toISOString(),
    user: row.user,
    role: row.role,
    action: row.action,
    route: row.route,
    target: row.target,
    cluster: row.cluster,
    link: row.link,
    validateOnly: row.validate_only === 1,
    parameters: parseJson(row.parameters, {}),
    outcome: row.outcome,
    error: row.error,
    results: parseJson(row.results, []),
    durationMs: row.duration_ms,
  });
  return parsed.success ? parsed.data : null;
}

export class AuditStore {
  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {}

  /**
   * Opens or creates the file. Entries still `pending` belong to a process that is gone (one process owns the file),
   * so they become `interrupted`.
   */
  static open(file: string, { warn = console.warn, now = Date.now }: { warn?: (line: string) => void; now?: () => number } = {}): AuditStore {
    const resolved = path.resolve(/*turbopackIgnore: true*/ file);
    try {
      mkdirSync(path.dirname(resolved), { recursive: true });
    } catch (err) {
      throw new AuditUnavailableError(`cannot create the directory of ${resolved} (${describe(err)})`);
    }
    let db: Database.Database;
    try {
      db = AuditStore.tryOpen(resolved);
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
        db = AuditStore.tryOpen(resolved);
      } catch (again) {
        throw new AuditUnavailableError(`cannot create ${resolved} (${describe(again)})`);
      }
    }
    db.prepare("UPDATE audit SET outcome = 'interrupted', error = ? WHERE outcome = 'pending'").run(INTERRUPTED_MESSAGE);
    return new AuditStore(db, resolved);
  }

  private static tryOpen(file: string): Database.Database {
    const db = new Database(file);
    try {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = FULL");
      db.exec(SCHEMA_SQL);
      const row = db.prepare<[string], { value: number }>("SELECT value FROM meta WHERE key = ?").get("schema_version");
      if (!row) db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)").run("schema_version", SCHEMA_VERSION);
      else if (row.value !== SCHEMA_VERSION) throw new UnusableFile(`schema version ${row.value}, this Linkscope writes ${SCHEMA_VERSION}`);
      // Reading every page once catches a damaged file now rather than at the first write.
      const check = db.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new UnusableFile(`integrity check failed: ${String(check)}`);
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  insert(entry: NewAuditEntry): number {
    const info = this.db
      .prepare(
        `INSERT INTO audit (at, user, role, action, route, target, cluster, link, validate_only, parameters, outcome, error, results, duration_ms)
         VALUES (@at, @user, @role, @action, @route, @target, @cluster, @link, @validateOnly, @parameters, @outcome, @error, @results, @durationMs)`,
      )
      .run({
        ...entry,
        validateOnly: entry.validateOnly ? 1 : 0,
        parameters: JSON.stringify(entry.parameters),
        results: JSON.stringify(entry.results),
      });
    return Number(info.lastInsertRowid);
  }

  complete(id: number, done: { outcome: AuditOutcome; error: string | null; results: readonly AuditResult[]; durationMs: number }): void {
    const info = this.db
      .prepare("UPDATE audit SET outcome = @outcome, error = @error, results = @results, duration_ms = @durationMs WHERE id = @id")
      .run({ id, outcome: done.outcome, error: done.error, results: JSON.stringify(done.results), durationMs: done.durationMs });
    if (info.changes !== 1) throw new AuditUnavailableError(`audit entry ${id} is missing from ${this.file}`);
  }

  /** Newest first. */
  list(query: AuditQuery): AuditEntry[] {
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
    for (const column of ["cluster", "link", "user"] as const) {
      const value = query[column];
      if (value) {
        where.push(`${column} = @${column}`);
        params[column] = value;
      }
    }
    if (query.from !== undefined) {
      where.push("at >= @from");
      params.from = query.from;
    }
    if (query.to !== undefined) {
      where.push("at < @to");
      params.to = query.to;
    }
    if (query.run) {
      // substr, not LIKE: a run id is matched literally, whatever characters it holds.
      where.push("substr(json_extract(parameters, '$.idempotencyKey'), 1, length(@runPrefix)) = @runPrefix");
      params.runPrefix = `${query.run}:`;
    }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT @limit`;
    return this.db
      .prepare<Record<string, unknown>, Row>(sql)
      .all(params)
      .flatMap((row) => {
        const entry = toEntry(row);
        return entry ? [entry] : [];
      });
  }

  close(): void {
    this.db.close();
  }
}

/** SQLite result codes that mean the file itself is damaged (not full, busy or read-only). */
export function isCorruption(err: unknown): boolean {
  return err instanceof Database.SqliteError && (err.code.startsWith("SQLITE_CORRUPT") || err.code === "SQLITE_NOTADB");
}
