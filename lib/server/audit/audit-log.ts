import "server-only";
import type { AuditEntry, AuditOutcome, AuditResult } from "@/lib/api/audit";
import { keepRenewed } from "../store/renewal";
import { leaseMs, replicaName, sharedStore } from "../store/shared-store";
import type { AuditQuery, NewAuditEntry, SharedStore } from "../store/types";
import { scrubSecrets } from "./scrub-secrets";

/*
 * Every mutation attempt is recorded: dry runs, denials and failures included. The rule for anything that goes
 * upstream: an intent entry is written BEFORE the call (if that fails, the call is not made) and completed after it.
 * While it runs, the intent's lease is renewed; if this replica dies, the entry reads as `interrupted` once the lease
 * runs out. A completed entry is also written to stdout as one JSON line for log shippers.
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
  finish(done: AuditCompletion): Promise<boolean>;
}

export interface AuditLogOptions {
  store: SharedStore;
  /** This replica, as lease owner of its pending entries. */
  owner: string;
  leaseMs: number;
  now?: () => number;
  warn?: (line: string) => void;
  /** Where the JSON line goes; stdout by default. */
  emit?: (line: string) => void;
}

export class AuditLog {
  private readonly now: () => number;
  private readonly warn: (line: string) => void;
  private readonly emit: (line: string) => void;

  constructor(private readonly options: AuditLogOptions) {
    this.now = options.now ?? Date.now;
    this.warn = options.warn ?? ((line) => console.warn(line));
    this.emit = options.emit ?? ((line) => process.stdout.write(`${line}\n`));
  }

  get store(): SharedStore {
    return this.options.store;
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
      // stdout closed: the stored entry is the record.
    }
  }

  /** Writes the intent; throws AuditUnavailableError when it cannot, and then nothing may be sent upstream. */
  async begin(intent: AuditIntent): Promise<AuditHandle> {
    const { store, owner, leaseMs } = this.options;
    const started = this.now();
    const pending = this.entry(intent, started);
    const id = await store.insertAudit(pending, { owner, expiresAt: started + leaseMs });
    const stopRenewing = keepRenewed(() => store.renewAudit(id, this.now() + leaseMs), leaseMs / 3, this.warn);
    return {
      id,
      finish: async (done) => {
        stopRenewing();
        const durationMs = Math.max(0, this.now() - started);
        this.ship({ ...pending, ...done, results: [...done.results], durationMs }, id);
        try {
          await store.completeAudit(id, { ...done, durationMs });
          return true;
        } catch (err) {
          this.warn(`linkscope: could not record the outcome of audit entry ${id} (${err instanceof Error ? err.message : String(err)}); its JSON line on stdout has it`);
          return false;
        }
      },
    };
  }

  /** An attempt that never reaches upstream (denied, answered from an earlier request): one write, best effort. */
  async record(intent: AuditIntent, done: AuditCompletion): Promise<void> {
    const entry: NewAuditEntry = { ...this.entry(intent, this.now()), ...done, results: [...done.results], durationMs: 0 };
    let id: number | null = null;
    try {
      id = await this.options.store.insertAudit(entry, null);
    } catch (err) {
      this.warn(`linkscope: could not write an audit entry (${err instanceof Error ? err.message : String(err)}); its JSON line on stdout has it`);
    }
    this.ship(entry, id);
  }

  list(query: AuditQuery): Promise<AuditEntry[]> {
    return this.options.store.listAudit(query, this.now());
  }
}

let log: AuditLog | undefined;

export function auditLog(): AuditLog {
  log ??= new AuditLog({ store: sharedStore(), owner: replicaName(), leaseMs: leaseMs() });
  return log;
}

