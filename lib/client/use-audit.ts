"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AUDIT_LIMITS, AuditResponseSchema } from "@/lib/api/audit";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

export interface AuditFilters {
  action?: string;
  outcome?: string;
  limit?: number;
}

/** The audit log, newest first, filtered on the server; refreshed like every other page. */
export function useAudit({ action, outcome, limit = AUDIT_LIMITS.defaultLimit }: AuditFilters = {}) {
  const { pollIntervalMs } = useSettings();
  const filters = { limit, ...(action ? { action } : {}), ...(outcome ? { outcome } : {}) };
  return useQuery({
    queryKey: queryKeys.audit(filters),
    queryFn: ({ signal }) => fetchJson(apiPaths.audit(filters), AuditResponseSchema, { signal }),
    select: (response) => response.entries,
    refetchInterval: pollIntervalMs,
    refetchIntervalInBackground: false,
    staleTime: pollIntervalMs / 2,
    placeholderData: keepPreviousData,
  });
}
