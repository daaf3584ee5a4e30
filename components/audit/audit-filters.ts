import { AUDIT_OUTCOMES } from "@/lib/api/audit";
import { MIRROR_ACTION_NAMES } from "@/lib/domain/actions/mirror-actions";

/** Actions the filter offers: every mirror action plus the link administration routes. */
export const AUDIT_ACTION_CHOICES = [...MIRROR_ACTION_NAMES, "create-link", "alter-link-configs", "delete-link", "create-mirrors"] as const;
export const AUDIT_OUTCOME_CHOICES = AUDIT_OUTCOMES;

export interface AuditPageFilters {
  action: string;
  outcome: string;
  cluster: string;
  link: string;
  user: string;
  /** ISO-8601 UTC, or "". */
  from: string;
  to: string;
  /** A runbook run id, or "". */
  run: string;
}

export const AUDIT_FILTER_NAMES = ["action", "outcome", "cluster", "link", "user", "from", "to", "run"] as const;

const isoOrEmpty = (v: string) =>
  v !== "" && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(Date.parse(v)).toISOString() : "";

/** The audit page's filters from its URL; anything malformed is dropped rather than sent to the server. */
export function parseAuditFilters(params: { get(name: string): string | null }): AuditPageFilters {
  const get = (n: string) => (params.get(n) ?? "").trim();
  const action = get("action");
  const outcome = get("outcome");
  const run = get("run");
  return {
    action: /^[a-z][a-z-]{0,63}$/.test(action) ? action : "",
    outcome: (AUDIT_OUTCOMES as readonly string[]).includes(outcome) ? outcome : "",
    cluster: get("cluster").slice(0, 200),
    link: get("link").slice(0, 249),
    user: get("user").slice(0, 200),
    from: isoOrEmpty(get("from")),
    to: isoOrEmpty(get("to")),
    run: /^[A-Za-z0-9-]{1,64}$/.test(run) ? run : "",
  };
}

/** "2026-11-21T15:04:00.000Z" ↔ the value of an <input type="datetime-local"> read as UTC ("2026-11-21T15:04"). */
export const isoToLocalInput = (iso: string) => (iso ? iso.slice(0, 16) : "");
export const localInputToIso = (value: string) => (value ? isoOrEmpty(`${value}:00Z`) : "");
