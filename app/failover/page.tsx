import type { Metadata } from "next";
import { Suspense } from "react";
import { FailoverPage } from "@/components/failover/failover-page";
import { SkeletonBlock } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Failover runbook" };

export default function FailoverRoute() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Failover runbook</h1>
        <p className="mt-1 text-sm text-muted">
          Step by step: what to stop, whether it is safe, what it costs, what else changes. Every action is a dry run first, needs the
          cluster&apos;s name typed to run, and is recorded in the audit log.
        </p>
      </div>
      <Suspense fallback={<SkeletonBlock label="Loading the runbook" lines={4} />}>
        <FailoverPage />
      </Suspense>
    </div>
  );
}
