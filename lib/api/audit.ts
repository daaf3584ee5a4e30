import { z } from "zod";

/*
 * GET /api/audit (shared/spec/http-api.md): every mutation attempt, newest first. Shared by the route and the browser.
 * An attempt is written as `pending` before anything is sent upstream and completed afterwards; a `pending` entry that
 * outlived its server process is reported as `interrupted`.
 */

export const AUDIT_OUTCOMES = ["pending", "succeeded", "partial", "failed", "denied", "duplicate", "interrupted"] as const;
export const AuditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

export const AuditResultSchema = z.object({
  /** The topic (mirror actions) or the step (link routes) this result is about. */
  name: z.string(),
  ok: z.boolean(),
  errorCode: z.string().optional(),
  message: z.string().optional(),
});
export type AuditResult = z.infer<typeof AuditResultSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  /** When the attempt began (ISO 8601). */
  at: z.iso.datetime(),
  user: z.string(),
  role: z.string().nullable(),
  /** e.g. "promote", "failover", "create-link". */
  action: z.string(),
  /** The route that was called, e.g. "POST /api/clusters/{cluster}/links/{link}/mirrors/actions". */
  route: z.string(),
  /** What was acted on, e.g. "jump/primary-to-jump". */
  target: z.string(),
  cluster: z.string().nullable(),
  link: z.string().nullable(),
  validateOnly: z.boolean(),
  /** The request's parameters with secrets replaced by "***". */
  parameters: z.record(z.string(), z.unknown()),
  outcome: AuditOutcomeSchema,
  /** One sentence when the attempt was denied or failed as a whole. */
  error: z.string().nullable(),
  results: z.array(AuditResultSchema),
  durationMs: z.number().int().nonnegative().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditResponseSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditResponse = z.infer<typeof AuditResponseSchema>;

export const AUDIT_LIMITS = { defaultLimit: 100, maxLimit: 1000 } as const;
