import type { Metadata } from "next";
import { Suspense } from "react";
import { LazyCreateLinkWizard } from "@/components/wizards/create-link/lazy-wizard";

export const metadata: Metadata = { title: "New cluster link" };

export default function NewLinkPage() {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">New cluster link</h1>
      <p className="mt-1 text-sm text-muted">
        Pick the clusters, who opens the connection, the credentials and what to mirror; Linkscope creates each half in the right order.
      </p>
      <Suspense>
        <LazyCreateLinkWizard />
      </Suspense>
    </div>
  );
}
