"use client";
import Link from "next/link";
import { useFormContext } from "react-hook-form";
import type { ClusterSummary } from "@/lib/api/clusters";
import type { CreateLinkResponse } from "@/lib/api/link-admin";
import { useCreateLink, useDeleteLink } from "@/lib/client/use-link-admin";
import { Button, buttonClass } from "../ui/button";
import { Notice } from "../ui/notice";
import { behaviourConfigs, toCreateRequest, type LinkWizardForm } from "./form-model";
import { HalfPreview } from "./half-preview";
import { previewHalves } from "./preview";
import { StepResults } from "./step-results";

function Progress({ kind, destination, source }: { kind: LinkWizardForm["kind"]; destination: string; source: string }) {
  const lines =
    kind === "destination-initiated"
      ? [`Creating the link on ${destination}…`]
      : kind === "source-initiated"
        ? [`1. Creating the INBOUND half on ${destination}…`, `2. Then the source half on ${source} (retried for up to 30 s while ${destination}'s half propagates).`]
        : [`1. Creating the half on ${destination}…`, `2. Then the half on ${source}.`];
  return (
    <div role="status" aria-live="polite" className="rounded-md bg-info-bg px-3 py-2 text-sm">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </div>
  );
}

export function StepReview({ clusters, result, onResult }: { clusters: readonly ClusterSummary[]; result: CreateLinkResponse | null; onResult: (r: CreateLinkResponse | null) => void }) {
  const { getValues, setValue } = useFormContext<LinkWizardForm>();
  const create = useCreateLink();
  const undo = useDeleteLink();
  const f = getValues();
  const halves = previewHalves(f, clusters) ?? [];
  const configs = behaviourConfigs(f);
  const sourceName = f.sourceMode === "external" ? f.externalId : f.source;

  const run = (validateOnly: boolean) => {
    onResult(null);
    undo.reset();
    create.mutate(toCreateRequest(getValues(), validateOnly), {
      onSuccess: (r) => {
        onResult(r);
        if (!r.validateOnly && r.steps.some((s) => s.status === "ok")) {
          // Secrets have done their job: they do not stay in the page.
          for (const k of ["credentials", "localCredentials", "destinationCredentials"] as const) setValue(`${k}.password`, "");
        }
      },
    });
  };
  const created = result && !result.validateOnly && result.ok;
  const undoTarget = result?.partial?.undo;

  return (
    <div className="space-y-4">
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">Link</dt>
        <dd className="font-medium">{f.name}</dd>
        <dt className="text-muted">Kind</dt>
        <dd>{f.kind}</dd>
        <dt className="text-muted">Data flows</dt>
        <dd>
          {sourceName} → {f.destination}
          {f.kind === "bidirectional" ? ` and ${f.destination} → ${sourceName}` : ""}
        </dd>
        <dt className="text-muted">Behaviour</dt>
        <dd>{Object.keys(configs).length > 0 ? Object.keys(configs).join(", ") : "defaults (no auto-create, no offset or ACL sync, no prefix)"}</dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => run(true)} disabled={create.isPending || !!created}>
          Validate (dry run)
        </Button>
        <Button variant="primary" onClick={() => run(false)} disabled={create.isPending || !!created}>
          Create link
        </Button>
      </div>
      {create.isPending ? <Progress kind={f.kind} destination={f.destination} source={sourceName} /> : null}
      {create.isError ? <Notice tone="err" title="The request was refused">{create.error.message}</Notice> : null}
      {result ? (
        <section aria-label={result.validateOnly ? "Dry-run results" : "Results"} className="space-y-3">
          {result.validateOnly ? (
            <Notice tone={result.ok ? "ok" : "err"} title={result.ok ? "Dry run passed: every half would be created." : "Dry run found problems."}>
              Nothing was created.
            </Notice>
          ) : result.ok ? (
            <Notice tone="ok" title={`Link "${result.name}" created.`}>
              <p>It appears in the topology within one refresh.</p>
              <p className="mt-2 flex flex-wrap gap-2">
                <Link href="/" className={buttonClass("secondary")}>
                  View the topology
                </Link>
                <Link href={`/clusters/${encodeURIComponent(f.destination)}/links/${encodeURIComponent(result.name)}`} className={buttonClass("secondary")}>
                  Open the link
                </Link>
                <Link href={`/clusters/${encodeURIComponent(f.destination)}/links/${encodeURIComponent(result.name)}/mirrors/new`} className={buttonClass("secondary")}>
                  Create mirrors
                </Link>
              </p>
            </Notice>
          ) : result.partial ? (
            <Notice tone="err" title="The link is only half created">
              <p>{result.partial.summary}</p>
              <p className="mt-1">{result.partial.finish}</p>
              {undoTarget ? (
                <div className="mt-2">
                  <Button
                    variant="danger"
                    disabled={undo.isPending || undo.isSuccess}
                    onClick={() => undo.mutate({ cluster: undoTarget.cluster, link: undoTarget.link, validateOnly: false })}
                  >
                    Delete the half on {undoTarget.cluster}
                  </Button>
                  {undo.isSuccess ? (
                    <p className="mt-1 text-ok">{undo.data.ok ? `Deleted: nothing of "${result.name}" is left.` : `Not deleted: ${undo.data.steps.find((s) => s.error)?.error ?? ""}`}</p>
                  ) : null}
                  {undo.isError ? <p className="mt-1 text-err">{undo.error.message}</p> : null}
                </div>
              ) : null}
            </Notice>
          ) : (
            <Notice tone="err" title="The link was not created">
              Nothing was created; fix the problem below and try again.
            </Notice>
          )}
          <StepResults steps={result.steps} validateOnly={result.validateOnly} />
        </section>
      ) : null}
      <section aria-labelledby="requests-heading" className="space-y-3 border-t border-border pt-3">
        <h3 id="requests-heading" className="text-base font-semibold">
          What Linkscope sends{halves.length > 1 ? `: ${halves.length} halves, in this order` : ""}
        </h3>
        {halves.length > 1 && f.kind === "source-initiated" ? (
          <p className="text-sm text-muted">The destination&apos;s INBOUND half must exist before the source half can register with it.</p>
        ) : null}
        <p className="text-sm text-muted">Secrets are shown as ***. Copy the CLI or Terraform form to create the same link outside Linkscope.</p>
        {halves.map((h, i) => (
          <HalfPreview key={h.role} index={i} half={h} serverStep={result?.steps[i]} />
        ))}
      </section>
    </div>
  );
}
