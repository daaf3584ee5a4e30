import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "@/components/audit/audit-log";
import { SkeletonBlock } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Audit log" };

export default function AuditRoute() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-muted">
          Every change attempted through Linkscope: dry runs, real runs, failures and refusals, with the result per topic. Secrets are never
          recorded.
        </p>
      </div>
      <Suspense fallback={<SkeletonBlock label="Loading the audit log" lines={5} />}>
        <AuditLog />
      </Suspense>
    </div>
  );
}
