"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AUDIT_LIMITS, AuditResponseSchema } from "@/lib/api/audit";
import { apiPaths } from "./api-paths";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { useSettings } from "./settings-context";

export type AuditFilters = Partial<Record<"action" | "outcome" | "cluster" | "link" | "user" | "from" | "to" | "run", string>> & {
  limit?: number;
};

/** The audit log, newest first, filtered on the server; refreshed like every other page. */
export function useAudit({ limit = AUDIT_LIMITS.defaultLimit, ...rest }: AuditFilters = {}) {
  const { pollIntervalMs } = useSettings();
  // Empty filters are left out, so the query key (and the URL) only holds what narrows the log.
  const filters = { limit, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v === "string" && v !== "")) };
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
