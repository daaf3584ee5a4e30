import "server-only";
import path from "node:path";
import type { AuditEntry, AuditOutcome, AuditResult } from "@/lib/api/audit";
import { getConfig } from "../config";
import { AuditStore, AuditUnavailableError, isCorruption, type AuditQuery, type NewAuditEntry } from "./audit-store";
import { scrubSecrets } from "./scrub-secrets";

/*
 * Every mutation attempt is recorded: dry runs, denials and failures included. The rule for anything that goes
 * upstream: an intent entry is written BEFORE the call (if that fails, the call is not made) and completed after it.
 * A completed entry is also written to stdout as one JSON line for log shippers.
 */

export interface AuditIntent {
  user: string;
  role: string | null;
  action: string;
  route: string;
  target: string;
  cluster: string | null;
  link: string | null;
  validateOnly: boolean;
  /** Secrets are scrubbed before anything is stored. */
  parameters: Record<string, unknown>;
}

export interface AuditCompletion {
  outcome: Exclude<AuditOutcome, "pending" | "interrupted">;
  error: string | null;
  results: readonly AuditResult[];
}

export interface AuditHandle {
  id: number;
  /** Records the outcome; false when that write failed (it is logged, and the stdout line still carries it). */
  finish(done: AuditCompletion): boolean;
}

export interface AuditLogOptions {
  file: string;
  now?: () => number;
  warn?: (line: string) => void;
  /** Where the JSON line goes; stdout by default. */
  emit?: (line: string) => void;
}

export class AuditLog {
  private store: AuditStore | null = null;
  private readonly now: () => number;
  private readonly warn: (line: string) => void;
  private readonly emit: (line: string) => void;

  constructor(private readonly options: AuditLogOptions) {
    this.now = options.now ?? Date.now;
    this.warn = options.warn ?? ((line) => console.warn(line));
    this.emit = options.emit ?? ((line) => process.stdout.write(`${line}\n`));
  }

  /** Opens lazily, and again after a failure, so a fixed disk or permission brings the log back without a restart. */
  private open(): AuditStore {
    this.store ??= AuditStore.open(this.options.file, { warn: this.warn, now: this.now });
    return this.store;
  }

  /** A write that hits a damaged file moves it aside and tries once more on a new one. */
  private write<T>(work: (store: AuditStore) => T): T {
    try {
      return work(this.open());
    } catch (err) {
      if (err instanceof AuditUnavailableError) throw err;
      if (!isCorruption(err)) throw new AuditUnavailableError(`cannot write ${this.options.file} (${err instanceof Error ? err.message : String(err)})`);
      this.store?.close();
      this.store = null;
      try {
        // Opening runs an integrity check that moves the damaged file aside.
        return work(this.open());
      } catch (again) {
        throw again instanceof AuditUnavailableError ? again : new AuditUnavailableError(`cannot write ${this.options.file} after recreating it`);
      }
    }
  }

  private entry(intent: AuditIntent, at: number): NewAuditEntry {
    return {
      ...intent,
      at,
      parameters: scrubSecrets(intent.parameters) as Record<string, unknown>,
      outcome: "pending",
      error: null,
      results: [],
      durationMs: null,
    };
  }

  private ship(entry: NewAuditEntry, id: number | null): void {
    try {
      this.emit(JSON.stringify({ type: "linkscope.audit", id, ...entry, at: new Date(entry.at).toISOString() }));
    } catch {
      // stdout closed: the SQLite entry is the record.
    }
  }

  /** Writes the intent; throws AuditUnavailableError when it cannot, and then nothing may be sent upstream. */
  begin(intent: AuditIntent): AuditHandle {
    const started = this.now();
    const pending = this.entry(intent, started);
    const id = this.write((store) => store.insert(pending));
    return {
      id,
      finish: (done) => {
        const durationMs = Math.max(0, this.now() - started);
        const complete = { ...pending, ...done, results: [...done.results], durationMs };
        this.ship(complete, id);
        try {
          this.write((store) => store.complete(id, { ...done, durationMs }));
          return true;
        } catch (err) {
          this.warn(`linkscope: could not record the outcome of audit entry ${id} (${err instanceof Error ? err.message : String(err)}); its JSON line on stdout has it`);
          return false;
        }
      },
    };
  }

  /** An attempt that never reaches upstream (denied, answered from the idempotency cache): one write, best effort. */
  record(intent: AuditIntent, done: AuditCompletion): void {
    const entry: NewAuditEntry = { ...this.entry(intent, this.now()), ...done, results: [...done.results], durationMs: 0 };
    let id: number | null = null;
    try {
      id = this.write((store) => store.insert(entry));
    } catch (err) {
      this.warn(`linkscope: could not write an audit entry (${err instanceof Error ? err.message : String(err)}); its JSON line on stdout has it`);
    }
    this.ship(entry, id);
  }

  list(query: AuditQuery): AuditEntry[] {
    return this.write((store) => store.list(query));
  }

  close(): void {
    this.store?.close();
    this.store = null;
  }
}

/** Next to the lag history file: one data directory to mount and back up. */
export function auditFilePath(historyPath: string): string {
  return path.join(path.dirname(historyPath), "audit.db");
}

let log: AuditLog | undefined;

export function auditLog(): AuditLog {
  log ??= new AuditLog({ file: auditFilePath(getConfig().history.path) });
  return log;
}
