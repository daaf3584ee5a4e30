import "server-only";
import pg from "pg";
import type { AuditEntry } from "@/lib/api/audit";
import { toAuditEntry } from "./audit-rows";
import { PRUNE_EVERY, RATE_WINDOW_KEEP_MS } from "./housekeeping";
import { AuditUnavailableError, INTERRUPTED_MESSAGE } from "./errors";
import { MIGRATION_LOCK_KEY, POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from "./postgres-migrations";
import type { AuditDone, AuditQuery, IdempotencyState, Lease, LeaseAttempt, NewAuditEntry, RateWindow, SharedStore } from "./types";

/*
 * The store shared by several replicas. Every statement is parameterized and short; leases and idempotency claims
 * are decided by one INSERT … ON CONFLICT … WHERE per request, so two replicas can never both win. Errors are
 * reported by code only (ECONNREFUSED, 28P01…): a driver message can carry the user name or the URL.
 */

const INT8_OID = 20;
// BIGINT columns hold epoch milliseconds and ids, all far below 2^53: read them as numbers, not strings.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** host:port/database of a postgres:// URL, never its user or password. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || new URLSearchParams(u.search).get("host") || "localhost";
    return `PostgreSQL at ${host}:${u.port || "5432"}${u.pathname || "/"}`;
  } catch {
    return "PostgreSQL (storage.url)";
  }
}

function codeOf(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  if (err instanceof Error && /timeout/i.test(err.message)) return "timeout";
  return err instanceof Error ? err.name : "unknown error";
}

interface PgAuditRow {
  id: number;
  at: number;
  user_name: string;
  role: string | null;
  action: string;
  route: string;
  target: string;
  cluster: string | null;
  link: string | null;
  validate_only: boolean;
  parameters: unknown;
  outcome: string;
  error: string | null;
  results: unknown;
  duration_ms: number | null;
}

export interface PostgresStoreOptions {
  url: string;
  warn?: (line: string) => void;
  /** How long to wait for a connection or a statement before calling the store unavailable. */
  timeoutMs?: number;
  poolSize?: number;
}

export class PostgresStore implements SharedStore {
  readonly backend = "postgres" as const;
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly warn: (line: string) => void;
  private migrated: Promise<void> | null = null;
  private writes = 0;

  constructor(options: PostgresStoreOptions) {
    this.location = describePostgresUrl(options.url);
    this.warn = options.warn ?? ((line) => console.warn(line));
    const timeoutMs = options.timeoutMs ?? 5_000;
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      statement_timeout: timeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: "linkscope",
      types,
    });
    // An idle connection that breaks (the server restarted) must not take the process down; the next query reconnects.
    this.pool.on("error", (err) => this.warn(`linkscope: a pooled connection to ${this.location} failed (${codeOf(err)})`));
  }

  /** Runs the migrations once per process, again after a failure (the database may come back). */
  private ready(): Promise<void> {
    this.migrated ??= this.migrate().catch((err: unknown) => {
      this.migrated = null;
      throw err;
    });
    return this.migrated;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
      await client.query("CREATE TABLE IF NOT EXISTS linkscope_schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      const { rows } = await client.query<{ version: number | null }>("SELECT max(version) AS version FROM linkscope_schema_migrations");
      const from = rows[0]?.version ?? 0;
      if (from > POSTGRES_SCHEMA_VERSION) {
        throw new AuditUnavailableError(`${this.location} has schema version ${from}; this Linkscope knows up to ${POSTGRES_SCHEMA_VERSION} (upgrade it)`);
      }
      for (let v = from; v < POSTGRES_SCHEMA_VERSION; v++) {
        await client.query(POSTGRES_MIGRATIONS[v]!);
        await client.query("INSERT INTO linkscope_schema_migrations (version) VALUES ($1)", [v + 1]);
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      await this.ready();
      return await this.pool.query<R>(text, values);
    } catch (err) {
      if (err instanceof AuditUnavailableError) throw err;
      throw new AuditUnavailableError(`cannot use ${this.location} (${codeOf(err)})`);
    }
  }

  /** Several statements in one transaction on one connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient | null = null;
    try {
      await this.ready();
      client = await this.pool.connect();
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client?.query("ROLLBACK").catch(() => {});
      if (err instanceof AuditUnavailableError) throw err;
      throw new AuditUnavailableError(`cannot use ${this.location} (${codeOf(err)})`);
    } finally {
      client?.release();
    }
  }

  async ping(): Promise<void> {
    await this.query("SELECT 1", []);
  }

  async insertAudit(entry: NewAuditEntry, lease: Lease | null): Promise<number> {
    const { rows } = await this.query<{ id: number }>(
      `INSERT INTO linkscope_audit (at, user_name, role, action, route, target, cluster, link, validate_only, parameters, outcome, error, results, duration_ms, lease_owner, lease_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        entry.at, entry.user, entry.role, entry.action, entry.route, entry.target, entry.cluster, entry.link, entry.validateOnly,
        JSON.stringify(entry.parameters), entry.outcome, entry.error, JSON.stringify(entry.results), entry.durationMs, lease?.owner ?? null, lease?.expiresAt ?? null,
      ],
    );
    const id = rows[0]?.id;
    if (id === undefined) throw new AuditUnavailableError(`${this.location} did not return the new entry's id`);
    return id;
  }

  async renewAudit(id: number, expiresAt: number): Promise<void> {
    await this.query("UPDATE linkscope_audit SET lease_expires_at = $1 WHERE id = $2 AND outcome = 'pending'", [expiresAt, id]);
  }

  async completeAudit(id: number, done: AuditDone): Promise<void> {
    const { rowCount } = await this.query(
      "UPDATE linkscope_audit SET outcome = $1, error = $2, results = $3, duration_ms = $4, lease_owner = NULL, lease_expires_at = NULL WHERE id = $5",
      [done.outcome, done.error, JSON.stringify(done.results), done.durationMs, id],
    );
    if (rowCount !== 1) throw new AuditUnavailableError(`audit entry ${id} is missing from ${this.location}`);
  }

  private static readonly INTERRUPT_EXPIRED =
    "UPDATE linkscope_audit SET outcome = 'interrupted', error = $1, lease_owner = NULL, lease_expires_at = NULL WHERE outcome = 'pending' AND lease_expires_at <= $2";

  async listAudit(query: AuditQuery, now: number): Promise<AuditEntry[]> {
    await this.query(PostgresStore.INTERRUPT_EXPIRED, [INTERRUPTED_MESSAGE, now]);
    const where: string[] = [];
    const values: unknown[] = [];
    if (query.action) where.push(`action = $${values.push(query.action)}`);
    if (query.outcome) where.push(`outcome = $${values.push(query.outcome)}`);
    const sql = `SELECT * FROM linkscope_audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT $${values.push(query.limit)}`;
    const { rows } = await this.query<PgAuditRow>(sql, values);
    return rows.flatMap((row) => {
      const entry = toAuditEntry({ ...row, user: row.user_name, validateOnly: row.validate_only, durationMs: row.duration_ms });
      return entry ? [entry] : [];
    });
  }

  async acquireLease(key: string, lease: Lease, description: string, now: number): Promise<LeaseAttempt> {
    return this.transaction(async (client) => {
      await client.query(PostgresStore.INTERRUPT_EXPIRED, [INTERRUPTED_MESSAGE, now]);
      const taken = await client.query(
        `INSERT INTO linkscope_link_leases (key, owner, description, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, description = EXCLUDED.description, expires_at = EXCLUDED.expires_at
         WHERE linkscope_link_leases.expires_at <= $5`,
        [key, lease.owner, description, lease.expiresAt, now],
      );
      if (taken.rowCount === 1) return { ok: true } as const;
      const holder = await client.query<{ description: string }>("SELECT description FROM linkscope_link_leases WHERE key = $1", [key]);
      return { ok: false, heldBy: holder.rows[0]?.description ?? "another request" } as const;
    });
  }

  async renewLease(key: string, lease: Lease): Promise<boolean> {
    const { rowCount } = await this.query("UPDATE linkscope_link_leases SET expires_at = $1 WHERE key = $2 AND owner = $3", [lease.expiresAt, key, lease.owner]);
    return rowCount === 1;
  }

  async releaseLease(key: string, owner: string): Promise<void> {
    await this.query("DELETE FROM linkscope_link_leases WHERE key = $1 AND owner = $2", [key, owner]);
  }

  private async prune(now: number): Promise<void> {
    if (++this.writes % PRUNE_EVERY !== 0) return;
    await this.query("DELETE FROM linkscope_idempotency_keys WHERE expires_at <= $1", [now]);
    await this.query("DELETE FROM linkscope_rate_windows WHERE window_start <= $1", [now - RATE_WINDOW_KEEP_MS]);
  }

  async claimIdempotency(key: string, fingerprint: string, lease: Lease, now: number): Promise<IdempotencyState> {
    await this.prune(now);
    const claimed = await this.query(
      `INSERT INTO linkscope_idempotency_keys (key, fingerprint, owner, answer, expires_at) VALUES ($1, $2, $3, NULL, $4)
       ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, owner = EXCLUDED.owner, answer = NULL, expires_at = EXCLUDED.expires_at
       WHERE linkscope_idempotency_keys.expires_at <= $5`,
      [key, fingerprint, lease.owner, lease.expiresAt, now],
    );
    if (claimed.rowCount === 1) return { kind: "claimed" };
    const { rows } = await this.query<{ fingerprint: string; answer: unknown }>("SELECT fingerprint, answer FROM linkscope_idempotency_keys WHERE key = $1", [key]);
    const row = rows[0];
    // Forgotten between the two statements: the first request failed before reaching a cluster; the caller asks again.
    if (!row) return { kind: "pending" };
    if (row.fingerprint !== fingerprint) return { kind: "mismatch" };
    return row.answer === null ? { kind: "pending" } : { kind: "answered", answer: row.answer };
  }

  async renewIdempotency(key: string, lease: Lease): Promise<void> {
    await this.query("UPDATE linkscope_idempotency_keys SET expires_at = $1 WHERE key = $2 AND owner = $3 AND answer IS NULL", [lease.expiresAt, key, lease.owner]);
  }

  async answerIdempotency(key: string, owner: string, answer: unknown, expiresAt: number): Promise<void> {
    await this.query("UPDATE linkscope_idempotency_keys SET answer = $1, expires_at = $2 WHERE key = $3 AND owner = $4", [JSON.stringify(answer), expiresAt, key, owner]);
  }

  async forgetIdempotency(key: string, owner: string): Promise<void> {
    await this.query("DELETE FROM linkscope_idempotency_keys WHERE key = $1 AND owner = $2 AND answer IS NULL", [key, owner]);
  }

  async countAttempt(key: string, windowMs: number, now: number): Promise<RateWindow> {
    await this.prune(now);
    const { rows } = await this.query<{ count: number; window_start: number }>(
      `INSERT INTO linkscope_rate_windows (key, window_start, count) VALUES ($1, $2::bigint, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN linkscope_rate_windows.window_start <= $2::bigint - $3::bigint THEN 1 ELSE linkscope_rate_windows.count + 1 END,
         window_start = CASE WHEN linkscope_rate_windows.window_start <= $2::bigint - $3::bigint THEN $2::bigint ELSE linkscope_rate_windows.window_start END
       RETURNING count, window_start`,
      [key, now, windowMs],
    );
    const row = rows[0];
    if (!row) throw new AuditUnavailableError(`cannot count an attempt in ${this.location}`);
    return { count: row.count, windowStart: row.window_start };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
