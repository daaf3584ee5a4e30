import "server-only";
import { createMaintenance, type MaintenanceSummary, type Retention } from "./maintenance";
import { isCorruption, moveAside, openHistoryDatabase, type HistoryDatabase, type Log } from "./open-database";
import { HistoryReader } from "./reader";
import { SeriesIds } from "./series-ids";
import { createWriter, type LinkSample, type RecordSummary } from "./writer";

export interface HistoryStoreOptions {
  file: string;
  retention: Retention;
  log?: Log;
  now?: () => number;
}

interface Parts {
  db: HistoryDatabase;
  ids: SeriesIds;
  record: ReturnType<typeof createWriter>;
  maintain: ReturnType<typeof createMaintenance>;
  reader: HistoryReader;
}

/**
 * The embedded lag-history store: one SQLite file in WAL mode. Writes come from the sampler, reads from the history
 * route; both are synchronous (better-sqlite3), short, and on one connection. A file found damaged while in use is
 * moved aside and replaced, like one found damaged at start-up.
 */
export class HistoryStore {
  private parts: Parts;
  private readonly log: Log;
  private writes = 0;
  readonly now: () => number;

  constructor(private readonly options: HistoryStoreOptions) {
    this.log = options.log ?? ((line) => console.warn(line));
    this.now = options.now ?? Date.now;
    this.parts = this.open();
  }

  private open(): Parts {
    const db = openHistoryDatabase(this.options.file, { log: this.log, now: this.now });
    const ids = new SeriesIds(db);
    return {
      db,
      ids,
      record: createWriter(db, ids),
      maintain: createMaintenance(db),
      reader: new HistoryReader(db, () => this.options.retention.rawMs, this.now),
    };
  }

  private guarded<T>(run: (parts: Parts) => T): T {
    try {
      return run(this.parts);
    } catch (err) {
      if (isCorruption(err)) this.replaceDamagedFile(err.code);
      throw err;
    }
  }

  private replaceDamagedFile(code: string): void {
    const file = this.parts.db.name;
    this.parts.db.close();
    const aside = moveAside(file, this.now());
    this.log(`linkscope: history database ${file} is damaged (${code}); moved it to ${aside} and started a new one`);
    this.parts = this.open();
    this.writes++;
  }

  /** Changes whenever what a history query reads may have changed (a sample, maintenance, a replaced file). */
  get version(): number {
    return this.writes;
  }

  /** Writes one sample taken at `ts` (epoch ms) in one transaction. */
  record(ts: number, links: readonly LinkSample[]): RecordSummary {
    try {
      return this.guarded((p) => p.record(ts, links));
    } finally {
      this.writes++;
    }
  }

  /** Folds complete minutes into one-minute buckets and applies retention. */
  maintain(): MaintenanceSummary {
    try {
      return this.guarded((p) => p.maintain(this.now(), this.options.retention));
    } finally {
      this.writes++;
    }
  }

  /** Read access; ids are only looked up, never created. */
  read<T>(run: (reader: HistoryReader, ids: SeriesIds) => T): T {
    return this.guarded((p) => run(p.reader, p.ids));
  }

  /** Every key that is not flowing, with the first reading at which it stopped (flow.ts nextStaleSince). */
  loadStaleSince(): Map<string, number> {
    return this.guarded((p) => {
      const rows = p.db.prepare("SELECT key, since FROM stale_since").all() as { key: string; since: number }[];
      return new Map(rows.map((r) => [r.key, r.since]));
    });
  }

  /** Records what changed since the last reading: a time for what stopped, null for what flows again. */
  saveStaleSince(changes: ReadonlyMap<string, number | null>): void {
    if (changes.size === 0) return;
    this.guarded((p) => {
      const put = p.db.prepare("INSERT INTO stale_since (key, since) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET since = excluded.since");
      const drop = p.db.prepare("DELETE FROM stale_since WHERE key = ?");
      p.db.transaction(() => {
        for (const [key, since] of changes) since === null ? drop.run(key) : put.run(key, since);
      })();
    });
  }

  /** For tests and the benchmark: the underlying connection. */
  get database(): HistoryDatabase {
    return this.parts.db;
  }

  close(): void {
    if (this.parts.db.open) this.parts.db.close();
  }
}
