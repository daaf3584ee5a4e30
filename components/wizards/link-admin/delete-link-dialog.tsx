"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useDeleteLink } from "@/lib/client/use-link-admin";
import { Button, buttonClass } from "../ui/button";
import { describedBy, Field, TextInput } from "../ui/field";
import { Notice } from "../ui/notice";

/**
 * Deleting a link: a dry run first (which mirrors stop, what happens to the other half), then a typed confirmation.
 * For a two-half link the person chooses whether to delete the other half too (source half first).
 */
export function DeleteLinkDialogBody({ cluster, link, onDone }: { cluster: string; link: string; onDone?: () => void }) {
  const dryRun = useDeleteLink();
  const del = useDeleteLink();
  const [force, setForce] = useState(false);
  const [bothHalves, setBothHalves] = useState(false);
  const [typed, setTyped] = useState("");

  // TanStack Query keeps mutate stable across renders, so this runs a new dry run exactly when the options change.
  const { mutate: runDryRun } = dryRun;
  useEffect(() => {
    runDryRun({ cluster, link, validateOnly: true, force, bothHalves });
  }, [runDryRun, cluster, link, force, bothHalves]);

  const plan = dryRun.data;
  const activeMirrors = plan?.mirrors.filter((m) => m.status !== "STOPPED" && m.status !== "FAILED") ?? [];
  const confirmed = typed === link;

  if (del.data && !del.data.validateOnly) {
    return (
      <div className="space-y-2">
        <Notice tone={del.data.ok ? "ok" : "err"} title={del.data.ok ? `Deleted "${link}".` : "Not everything was deleted"}>
          <ul>
            {del.data.steps.map((s) => (
              <li key={s.cluster}>
                {s.half}: {s.status}
                {s.error ? ` — ${s.error}` : ""}
              </li>
            ))}
          </ul>
        </Notice>
        <Link href="/" className={buttonClass("secondary")} onClick={onDone}>
          Back to the topology
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {dryRun.isPending ? <p role="status" className="text-sm text-muted">Asking {cluster} what deleting would do (dry run)…</p> : null}
      {dryRun.isError ? <Notice tone="err" title="The dry run failed">{dryRun.error.message}</Notice> : null}
      {plan ? (
        <>
          {plan.mirrors.length > 0 ? (
            <div className="text-sm">
              <p className="font-medium">
                Mirror topics on this link ({plan.mirrors.length}, {activeMirrors.length} still mirroring):
              </p>
              <ul className="mt-1 max-h-40 overflow-y-auto rounded-md border border-border p-2 font-mono text-xs">
                {plan.mirrors.map((m) => (
                  <li key={`${m.cluster}/${m.name}`}>
                    {m.name} <span className="text-muted">({m.status} on {m.cluster})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-muted">This half hosts no mirror topics.</p>
          )}
          {plan.warnings.map((w) => (
            <Notice key={w} tone="warn">
              {w}
            </Notice>
          ))}
          {plan.partner ? (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" checked={bothHalves} onChange={(e) => setBothHalves(e.target.checked)} className="mt-1" />
              <span>
                Also delete the other half on <span className="font-mono">{plan.partner.cluster}</span> ({plan.partner.linkMode}, {plan.partner.connectionMode})
              </span>
            </label>
          ) : null}
          {activeMirrors.length > 0 ? (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} className="mt-1" />
              <span>Delete even though mirrors are still mirroring (force): they stop and stay behind as plain topics.</span>
            </label>
          ) : null}
          <Notice tone={plan.ok ? "ok" : "err"} title={plan.ok ? "Dry run: the cluster would accept the deletion." : "Dry run: the cluster would refuse."}>
            {plan.steps.map((s) => (
              <p key={s.cluster}>
                {s.half}: {s.ok ? "can be deleted" : s.error}
              </p>
            ))}
            {!plan.ok && activeMirrors.length > 0 && !force ? <p className="mt-1 font-medium">To delete anyway, tick the force option above.</p> : null}
          </Notice>
          <Field id="confirm-delete" label={<>Type the link name <span className="font-mono">{link}</span> to confirm</>} hint="Deleting cannot be undone.">
            <TextInput value={typed} onChange={(e) => setTyped(e.target.value)} {...describedBy("confirm-delete", { hint: true })} autoComplete="off" spellCheck={false} />
          </Field>
          <Button variant="danger" disabled={!confirmed || !plan.ok || del.isPending} onClick={() => del.mutate({ cluster, link, validateOnly: false, force, bothHalves })}>
            Delete {bothHalves ? "both halves" : `the link on ${cluster}`}
          </Button>
          {del.isError ? <Notice tone="err" title="Not deleted">{del.error.message}</Notice> : null}
        </>
      ) : null}
    </div>
  );
}
