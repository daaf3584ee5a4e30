import "server-only";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { HistoryUnavailableError } from "./errors";
import { META, SCHEMA_SQL, SCHEMA_VERSION } from "./schema";

export type HistoryDatabase = Database.Database;
export type Log = (line: string) => void;

const SIDE_FILES = ["", "-wal", "-shm"];

class UnusableFile extends Error {
  override name = "UnusableFile";
}

function configure(db: HistoryDatabase): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("temp_store = MEMORY");
  db.pragma("cache_size = -32000");
  db.pragma("journal_size_limit = 67108864");
  db.exec(SCHEMA_SQL);
  const row = db.prepare<[string], { value: number }>("SELECT value FROM meta WHERE key = ?").get(META.schemaVersion);
  if (!row) db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)").run(META.schemaVersion, SCHEMA_VERSION);
  else if (row.value !== SCHEMA_VERSION) throw new UnusableFile(`schema version ${row.value}, this Linkscope writes ${SCHEMA_VERSION}`);
}

function tryOpen(file: string): HistoryDatabase {
  const db = new Database(file);
  try {
    configure(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function describe(err: unknown): string {
  if (err instanceof UnusableFile) return err.message;
  if (err instanceof Database.SqliteError) return err.code;
  return err instanceof Error ? err.name : "unknown error";
}

/** Renames the file and its WAL/SHM companions to `<file>.corrupt-<ts>…` so nothing is lost, only set aside. */
export function moveAside(file: string, now: number): string {
  const aside = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, "-")}`;
  for (const suffix of SIDE_FILES) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

/**
 * Opens (creating the directory and file when missing) the history database in WAL mode with the current schema.
 * A file SQLite cannot read, or one written by another schema version, is moved aside and a new one started with
 * a one-line warning. Throws HistoryUnavailableError only when even a fresh file cannot be made.
 */
export function openHistoryDatabase(file: string, { log, now = Date.now }: { log: Log; now?: () => number }): HistoryDatabase {
  const resolved = path.resolve(/*turbopackIgnore: true*/ file);
  try {
    mkdirSync(path.dirname(resolved), { recursive: true });
  } catch (err) {
    throw new HistoryUnavailableError(`cannot create the directory of ${resolved} (${describe(err)})`);
  }
  try {
    return tryOpen(resolved);
  } catch (err) {
    if (!(err instanceof Database.SqliteError) && !(err instanceof UnusableFile)) {
      throw new HistoryUnavailableError(`cannot open ${resolved} (${describe(err)})`);
    }
    let aside: string;
    try {
      aside = moveAside(resolved, now());
    } catch (renameErr) {
      throw new HistoryUnavailableError(`cannot open ${resolved} (${describe(err)}) nor move it aside (${describe(renameErr)})`);
    }
    log(`linkscope: history database ${resolved} was unreadable (${describe(err)}); moved it to ${aside} and started a new one`);
    try {
      return tryOpen(resolved);
    } catch (again) {
      throw new HistoryUnavailableError(`cannot create ${resolved} (${describe(again)})`);
    }
  }
}

/** SQLite result codes that mean the file itself is damaged (as opposed to full, busy or read-only). */
export function isCorruption(err: unknown): err is InstanceType<typeof Database.SqliteError> {
  return err instanceof Database.SqliteError && (err.code.startsWith("SQLITE_CORRUPT") || err.code === "SQLITE_NOTADB");
}
