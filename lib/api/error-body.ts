import { z } from "zod";

/** The documented error envelope of every non-2xx answer (shared/spec/http-api.md). Shared by routes and the browser. */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

export const API_ERROR_STATUS = {
  "invalid-request": 400,
  unauthenticated: 401,
  forbidden: 403,
  "read-only": 403,
  "not-found": 404,
  conflict: 409,
  "rate-limited": 429,
  "upstream-error": 502,
  "cluster-unreachable": 503,
  /** The audit log cannot be written, so nothing is changed (a mutation is recorded before it is sent). */
  "audit-unavailable": 503,
  "upstream-timeout": 504,
  "internal-error": 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
