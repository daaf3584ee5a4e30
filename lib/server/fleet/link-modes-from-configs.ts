import type { LinkConfig } from "@/lib/confluent/types";

/** `link.mode` and `connection.mode` decide direction but are not in GET /links: they come from the half's configs. */
export function linkModesFromConfigs(configs: readonly LinkConfig[] | null): { linkMode: string; connectionMode: string } {
  const value = (name: string) => configs?.find((c) => c.name === name)?.value ?? null;
  return {
    // Absent configs are the documented defaults; an unreadable config list also falls back to them, and the domain
    // layer then infers the mode from which cluster id the half reports.
    linkMode: value("link.mode") ?? (configs ? "DESTINATION" : "UNKNOWN"),
    connectionMode: value("connection.mode") ?? (configs ? "OUTBOUND" : "UNKNOWN"),
  };
}
