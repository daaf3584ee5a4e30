"use client";
import clsx from "clsx";
import { useEffect } from "react";
import { FailoverRunbook } from "./failover-runbook";
import { FailbackPanel, preloadRunbookStages } from "./lazy-steps";
import { useRunbookUrlState } from "./use-runbook-url-state";

const TABS = [
  { id: "failover", label: "Failover" },
  { id: "failback", label: "Failback" },
] as const;

export function FailoverPage() {
  const { tab, update } = useRunbookUrlState();
  useEffect(preloadRunbookStages, []);
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Runbook" className="flex gap-1 border-b border-border">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            onClick={() =>
              update({
                tab: t.id === "failover" ? null : t.id,
                cluster: null,
                links: null,
                link: null,
                scope: null,
                action: null,
                exclude: null,
                run: null,
                source: null,
              })
            }
            className={clsx(
              "-mb-px border-b-2 px-4 py-2 text-sm font-semibold",
              tab === t.id ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg",
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab === "failover" ? "Failover" : "Failback"}>
        {tab === "failover" ? <FailoverRunbook /> : <FailbackPanel />}
      </div>
    </div>
  );
}
