"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type ScopeMode = "link" | "links" | "cluster";
export type RunbookTab = "failover" | "failback";

/** The runbook's choices live in the URL, so a link to "fail over jump's primary-to-jump" can be pasted into the incident channel. */
export function useRunbookUrlState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const tab: RunbookTab = params.get("tab") === "failback" ? "failback" : "failover";
  const cluster = params.get("cluster") ?? "";
  const rawScope = params.get("scope");
  const scope: ScopeMode = rawScope === "links" || rawScope === "cluster" ? rawScope : "link";
  const links = (params.get("links") ?? params.get("link") ?? "").split(",").filter(Boolean);
  const action = params.get("action");
  /** Mirrors taken out of scope, as link/topic. */
  const excluded = (params.get("exclude") ?? "").split(",").filter(Boolean);
  /** The last real run started here: its requests and report are in the audit log under this id. */
  const run = params.get("run") ?? "";
  /** A cluster that is down: the runbook offers to fail over everything it feeds. */
  const source = params.get("source") ?? "";

  const update = useCallback(
    (patch: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === "") next.delete(k);
        else next.set(k, v);
      }
      const text = next.toString();
      router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return { tab, cluster, scope, links, action, excluded, run, source, update };
}
