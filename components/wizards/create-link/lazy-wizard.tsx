"use client";
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import { useClusters } from "@/lib/client/use-clusters";

// The whole wizard loads apart from the page (bench item 7 holds each page's first-load JavaScript to 200 KB gzip):
// its first step already needs react-hook-form, 13.5 KB gzip on its own, and the page has ~16 KB for its own code.
// The wizard's code is asked for as the page mounts, and the cluster list it opens with is requested at the same
// moment, so both arrive together.
export const CreateLinkWizard = dynamic(() => import("./create-link-wizard").then((m) => m.CreateLinkWizard), {
  ssr: false,
  loading: () => <WizardPlaceholder />,
});

/** Where the wizard will be: a sentence saying what is coming, at the height its first step opens at. */
function WizardPlaceholder() {
  return (
    <div role="status" className="my-4 space-y-3" data-testid="create-link-wizard-placeholder">
      <p className="text-sm text-muted">Loading the wizard…</p>
      {/* Ends where the first step's box will: it measures 347 px at 1280 px and 519 px on a 390 px phone, where its
          fields wrap, below a row of steps 13 px (52 px on the phone, in two lines) taller than the sentence above. */}
      <div className="min-h-[571px] space-y-3 rounded-lg border border-border bg-surface p-4 sm:min-h-[360px]">
        <Skeleton className="h-6 w-1/3" />
        <Skeleton className="h-4 w-3/4" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
    </div>
  );
}

/** The wizard, with the cluster list requested while its code downloads (the wizard reads the same query). */
export function LazyCreateLinkWizard() {
  useClusters();
  return <CreateLinkWizard />;
}
