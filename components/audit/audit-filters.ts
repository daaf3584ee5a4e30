import { AUDIT_OUTCOMES } from "@/lib/api/audit";
import { MIRROR_ACTION_NAMES } from "@/lib/domain/mirror-actions";

/** Actions the filter offers: every mirror action plus the link administration routes. */
export const AUDIT_ACTION_CHOICES = [...MIRROR_ACTION_NAMES, "create-link", "alter-link-configs", "delete-link", "create-mirrors"] as const;
export const AUDIT_OUTCOME_CHOICES = AUDIT_OUTCOMES;

export function parseAuditFilters(params: { get(name: string): string | null }): { action: string; outcome: string } {
  const action = params.get("action") ?? "";
  const outcome = params.get("outcome") ?? "";
  return {
    action: /^[a-z][a-z-]{0,63}$/.test(action) ? action : "",
    outcome: (AUDIT_OUTCOMES as readonly string[]).includes(outcome) ? outcome : "",
  };
}
