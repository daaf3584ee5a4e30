import "server-only";
import type { Actor } from "../http/mutation-guard";

export type LinkAdminAction = "create-link" | "alter-link-configs" | "delete-link" | "create-mirrors";

export interface LinkAdminAuditEntry {
  actor: Actor;
  action: LinkAdminAction;
  /** e.g. "jump/primary-to-jump". */
  target: string;
  validateOnly: boolean;
  outcome: "ok" | "failed" | "partial";
  /** Per-step or per-topic results, without secrets. */
  results: unknown;
}

/**
 * The single place link administration is audited. The audit log (lib/server/audit, issue 7) did not exist when
 * this was written: until it does, entries go to the server log as one JSON line, which never carries a secret
 * (callers pass results without requests or credentials).
 */
export function auditLinkAdmin(entry: LinkAdminAuditEntry): void {
  console.info(
    `linkscope audit: ${JSON.stringify({ at: new Date().toISOString(), user: entry.actor.user, action: entry.action, target: entry.target, validateOnly: entry.validateOnly, outcome: entry.outcome, results: entry.results })}`,
  );
}
