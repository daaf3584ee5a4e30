import "server-only";

/*
 * Versioned schema of the PostgreSQL store. Every replica runs this at start; a transaction-scoped advisory lock makes
 * a second replica starting at the same moment wait for the first and then find nothing left to do. A migration is
 * never edited once released: a change is a new entry at the end.
 */

/** pg_advisory_xact_lock key: "linkscope" as a number, so it does not collide with other users of the database. */
export const MIGRATION_LOCK_KEY = 0x6c696e6b73636f70n;

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE linkscope_audit (
     id BIGSERIAL PRIMARY KEY,
     at BIGINT NOT NULL,
     user_name TEXT NOT NULL,
     role TEXT,
     action TEXT NOT NULL,
     route TEXT NOT NULL,
     target TEXT NOT NULL,
     cluster TEXT,
     link TEXT,
     validate_only BOOLEAN NOT NULL,
     parameters JSONB NOT NULL,
     outcome TEXT NOT NULL,
     error TEXT,
     results JSONB NOT NULL,
     duration_ms BIGINT,
     lease_owner TEXT,
     lease_expires_at BIGINT
   );
   CREATE INDEX linkscope_audit_by_action ON linkscope_audit (action, id);
   CREATE INDEX linkscope_audit_by_outcome ON linkscope_audit (outcome, id);
   CREATE INDEX linkscope_audit_pending ON linkscope_audit (lease_expires_at) WHERE outcome = 'pending';
   CREATE TABLE linkscope_link_leases (key TEXT PRIMARY KEY, owner TEXT NOT NULL, description TEXT NOT NULL, expires_at BIGINT NOT NULL);
   CREATE TABLE linkscope_idempotency_keys (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, owner TEXT NOT NULL, answer JSONB, expires_at BIGINT NOT NULL);
   CREATE TABLE linkscope_rate_windows (key TEXT PRIMARY KEY, window_start BIGINT NOT NULL, count INTEGER NOT NULL);`,
];
export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.length;
