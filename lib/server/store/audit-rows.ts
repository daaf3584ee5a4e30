import "server-only";
import { AuditEntrySchema, type AuditEntry } from "@/lib/api/audit";

/** An audit row as both backends read it, JSON columns already parsed. */
export interface AuditRow {
  id: number;
  at: number;
  user: string;
  role: string | null;
  action: string;
  route: string;
  target: string;
  cluster: string | null;
  link: string | null;
  validateOnly: boolean;
  parameters: unknown;
  outcome: string;
  error: string | null;
  results: unknown;
  durationMs: number | null;
}

export function parseJsonColumn(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** A row that no longer fits the API's shape is left out rather than failing the whole list. */
export function toAuditEntry(row: AuditRow): AuditEntry | null {
  const parsed = AuditEntrySchema.safeParse({ ...row, at: new Date(Number(row.at)).toISOString() });
  return parsed.success ? parsed.data : null;
}
